package cn.gov.enforcement.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * What changed between two versions of a rule table, cell by cell, for the version history: rules
 * are matched by their id (dmn-js and the Modeler keep it when a cell is edited), a cell is
 * "column of rule N". Also the case rows added and removed between two case files.
 */
final class RuleDiff {

  /** One changed cell: the rule (position in the new version and id), the column's label, old and new text. */
  record Cell(int position, String rule, String column, String before, String after) {
    String describe() {
      return "第 " + position + " 条规则（" + rule + "）" + column + "：" + show(before) + " → " + show(after);
    }
  }

  record Changes(List<Cell> cells, List<String> addedRules, List<String> removedRules, boolean reordered,
      List<String> addedCases, List<String> removedCases) {
    boolean isEmpty() {
      return cells.isEmpty() && addedRules.isEmpty() && removedRules.isEmpty() && !reordered
          && addedCases.isEmpty() && removedCases.isEmpty();
    }

    /** One line for the audit log. */
    String summary() {
      List<String> parts = new ArrayList<>();
      cells.forEach(c -> parts.add(c.describe()));
      addedRules.forEach(r -> parts.add("新增规则 " + r));
      removedRules.forEach(r -> parts.add("删除规则 " + r));
      if (reordered) {
        parts.add("规则顺序改变");
      }
      if (!addedCases.isEmpty() || !removedCases.isEmpty()) {
        parts.add("用例 +" + addedCases.size() + " −" + removedCases.size());
      }
      return parts.isEmpty() ? "规则未改动" : String.join("；", parts);
    }
  }

  private record Row(String id, List<String> cells) {}

  private record Table(List<String> columns, List<Row> rows) {}

  private RuleDiff() {}

  /** Changes from {@code before} (null: the first version) to {@code after}. */
  static Changes between(String key, byte[] before, byte[] after, byte[] casesBefore, byte[] casesAfter) {
    Table now = table(key, after);
    List<Cell> cells = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    boolean reordered = false;
    if (before != null && now != null) {
      Table then = table(key, before);
      if (then != null) {
        Map<String, Row> old = new LinkedHashMap<>();
        then.rows().forEach(r -> old.put(r.id(), r));
        List<String> keptOrderOld = new ArrayList<>();
        List<String> keptOrderNew = new ArrayList<>();
        for (int i = 0; i < now.rows().size(); i++) {
          Row row = now.rows().get(i);
          Row was = old.get(row.id());
          if (was == null) {
            added.add("第 " + (i + 1) + " 条（" + row.id() + "）");
            continue;
          }
          keptOrderNew.add(row.id());
          for (int c = 0; c < Math.max(row.cells().size(), was.cells().size()); c++) {
            String a = c < was.cells().size() ? was.cells().get(c) : "";
            String b = c < row.cells().size() ? row.cells().get(c) : "";
            if (!Objects.equals(a, b)) {
              String column = c < now.columns().size() ? now.columns().get(c) : "第 " + (c + 1) + " 列";
              cells.add(new Cell(i + 1, row.id(), column, a, b));
            }
          }
        }
        Set<String> current = new LinkedHashSet<>();
        now.rows().forEach(r -> current.add(r.id()));
        for (int i = 0; i < then.rows().size(); i++) {
          Row row = then.rows().get(i);
          if (!current.contains(row.id())) {
            removed.add("原第 " + (i + 1) + " 条（" + row.id() + "）");
          } else {
            keptOrderOld.add(row.id());
          }
        }
        reordered = !keptOrderOld.equals(keptOrderNew);
      }
    }
    List<String> addedCases = new ArrayList<>();
    List<String> removedCases = new ArrayList<>();
    if (casesBefore != null && casesAfter != null) {
      List<String> a = caseLines(casesBefore);
      List<String> b = caseLines(casesAfter);
      b.stream().filter(l -> !a.contains(l)).forEach(addedCases::add);
      a.stream().filter(l -> !b.contains(l)).forEach(removedCases::add);
    }
    return new Changes(cells, added, removed, reordered, addedCases, removedCases);
  }

  /** The case rows of a file (not the comments, not the header), as written. */
  static List<String> caseLines(byte[] csv) {
    List<String> lines = new ArrayList<>();
    boolean header = true;
    for (String line : new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").split("\r\n|\n|\r")) {
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      lines.add(line.strip());
    }
    return lines;
  }

  private static Table table(String key, byte[] dmn) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(dmn));
    } catch (RuntimeException e) {
      return null;
    }
    Decision decision = model.getModelElementsByType(Decision.class).stream()
        .filter(d -> key.equals(d.getId())).findFirst().orElse(null);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable dt)) {
      return null;
    }
    List<String> columns = new ArrayList<>();
    dt.getInputs().forEach(i -> columns.add("条件“" + label(i.getLabel(), i.getId()) + "”"));
    dt.getOutputs().forEach(o -> columns.add("结果“" + label(o.getLabel(), o.getName()) + "”"));
    columns.add("注释");
    List<Row> rows = new ArrayList<>();
    for (Rule rule : dt.getRules()) {
      List<String> cells = new ArrayList<>();
      for (InputEntry entry : rule.getInputEntries()) {
        cells.add(entry.getText() == null ? "" : entry.getText().getTextContent().strip());
      }
      for (OutputEntry entry : rule.getOutputEntries()) {
        cells.add(entry.getText() == null ? "" : entry.getText().getTextContent().strip());
      }
      cells.add(rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip());
      rows.add(new Row(rule.getId(), cells));
    }
    return new Table(columns, rows);
  }

  private static String label(String label, String fallback) {
    return label == null || label.isBlank() ? fallback : label;
  }

  private static String show(String text) {
    return text == null || text.isEmpty() ? "（空）" : text;
  }
}
