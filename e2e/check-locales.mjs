#!/usr/bin/env node
// Checks the Simplified Chinese (zh) locale files of the Camunda webapps against the
// English originals shipped in the camunda-webapp-webjar.
//
//   node e2e/check-locales.mjs            (run from /work/main or anywhere)
//   WEBJAR=/path/to/camunda-webapp-webjar-7.24.0.jar node e2e/check-locales.mjs
//
// For every app that has src/main/resources/META-INF/resources/webjars/camunda/app/<app>/locales/zh.json:
//   - the file is valid JSON with a "labels" object of strings
//   - every zh key exists in the webjar's en.json
//   - the set of {{ placeholders }} in each value equals the English one
//   - the set of HTML tags in each value equals the English one
//   - if the English file has dateLocales, zh has them too with the same keys and array lengths
// Prints coverage (translated keys / English keys) per app; exits 1 on any violation.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const APP_DIR = path.join(ROOT, 'src/main/resources/META-INF/resources/webjars/camunda/app');
const VERSION = process.env.CAMUNDA_VERSION || '7.24.0';
const JAR =
  process.env.WEBJAR ||
  path.join(
    os.homedir(),
    `.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/${VERSION}/camunda-webapp-webjar-${VERSION}.jar`
  );
const APPS = ['tasklist', 'cockpit', 'welcome', 'admin'];

const parse = text => JSON.parse(text.replace(/^\uFEFF/, ''));
const placeholders = s =>
  [...s.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map(m => m[1].replace(/\s+/g, '')).sort();
// Only real HTML elements count as tags; pseudo-values such as "<Operation>" or "<null>" are plain text
// (they are rendered escaped) and may be translated.
const HTML_TAGS = new Set(
  'a abbr b br code div em h1 h2 h3 h4 hr i kbd li ol p pre small span strong sub sup table tbody td th thead tr u ul'.split(' ')
);
const tags = s =>
  [...s.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)]
    .filter(m => HTML_TAGS.has(m[2].toLowerCase()))
    .map(m => m[0].replace(/\s+/g, ' ').replace(/^<\/?[a-zA-Z0-9]+/, t => t.toLowerCase()))
    .sort();
const sameSet = (a, b) => JSON.stringify([...new Set(a)].sort()) === JSON.stringify([...new Set(b)].sort());
const sameList = (a, b) => JSON.stringify(a) === JSON.stringify(b);

if (!fs.existsSync(JAR)) {
  console.error(`webjar not found: ${JAR} (set WEBJAR=...)`);
  process.exit(2);
}

let violations = 0;
const fail = (app, msg) => {
  violations++;
  console.error(`  ✗ [${app}] ${msg}`);
};

for (const app of APPS) {
  const zhFile = path.join(APP_DIR, app, 'locales', 'zh.json');
  if (!fs.existsSync(zhFile)) {
    const cfg = path.join(APP_DIR, app, 'scripts', 'config.js');
    if (fs.existsSync(cfg) && /availableLocales[^\]]*['"]zh['"]/.test(fs.readFileSync(cfg, 'utf8'))) {
      fail(app, `config.js declares 'zh' but ${path.relative(ROOT, zhFile)} is missing`);
    }
    continue;
  }
  let en, zh;
  try {
    en = parse(
      execFileSync('unzip', ['-p', JAR, `META-INF/resources/webjars/camunda/app/${app}/locales/en.json`], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
      })
    );
  } catch (e) {
    fail(app, `cannot read en.json from ${JAR}: ${e.message}`);
    continue;
  }
  try {
    zh = parse(fs.readFileSync(zhFile, 'utf8'));
  } catch (e) {
    fail(app, `zh.json is not valid JSON: ${e.message}`);
    continue;
  }
  if (!zh || typeof zh.labels !== 'object' || Array.isArray(zh.labels)) {
    fail(app, 'zh.json has no "labels" object');
    continue;
  }
  const enLabels = en.labels;
  let translated = 0;
  let sameAsEnglish = 0;
  for (const [key, value] of Object.entries(zh.labels)) {
    if (!(key in enLabels)) {
      fail(app, `key not in en.json: ${key}`);
      continue;
    }
    if (typeof value !== 'string') {
      fail(app, `value is not a string: ${key}`);
      continue;
    }
    const ref = enLabels[key];
    if (!sameSet(placeholders(value), placeholders(ref))) {
      fail(app, `placeholder mismatch in ${key}: en ${JSON.stringify(placeholders(ref))} zh ${JSON.stringify(placeholders(value))}`);
    }
    if (!sameList(tags(value), tags(ref))) {
      fail(app, `HTML tag mismatch in ${key}: en ${JSON.stringify(tags(ref))} zh ${JSON.stringify(tags(value))}`);
    }
    translated++;
    if (value === ref) sameAsEnglish++;
  }
  if (en.dateLocales) {
    const z = zh.dateLocales;
    if (!z) fail(app, 'dateLocales missing (en.json has them)');
    else
      for (const [k, v] of Object.entries(en.dateLocales)) {
        if (!(k in z)) fail(app, `dateLocales.${k} missing`);
        else if (Array.isArray(v) && (!Array.isArray(z[k]) || z[k].length !== v.length))
          fail(app, `dateLocales.${k} must be an array of ${v.length}`);
        else if (v && typeof v === 'object' && !Array.isArray(v))
          for (const sub of Object.keys(v)) if (!(sub in z[k])) fail(app, `dateLocales.${k}.${sub} missing`);
      }
  }
  const total = Object.keys(enLabels).length;
  console.log(
    `${app.padEnd(9)} ${String(translated).padStart(5)} / ${String(total).padEnd(5)} keys translated (${((100 * translated) / total).toFixed(1)} %)` +
      (sameAsEnglish ? `, of which ${sameAsEnglish} intentionally identical to English (IDs, symbols, product names)` : '')
  );
}

if (violations) {
  console.error(`\n${violations} violation(s)`);
  process.exit(1);
}
console.log('\nOK: no violations');
