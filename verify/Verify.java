// Checks a case archive package (REC-13) against its manifest, offline, with the JDK alone:
//
//   java verify/Verify.java case-archive-<id>.zip [--expect-sha256 HEX] [--expect-sm3 HEX]
//
// Every item the manifest lists must be in the ZIP with the stated size, SHA-256 and SM3; nothing else
// may be in it; a recording included as a file must carry the digests it had at upload. The ZIP's own
// SHA-256 and SM3 are printed, to compare with the case_archive register and the CASE_ARCHIVED audit
// entry (or given with --expect-…). SM3 (GB/T 32905-2016) is implemented below, so neither
// BouncyCastle nor any other library is needed. Exit code: 0 verified, 1 not verified, 2 usage.
// Single file, no package, no dependencies: it is meant to be copied out with the package.

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

public class Verify {

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: java Verify.java package.zip [--expect-sha256 HEX] [--expect-sm3 HEX]");
      System.exit(2);
    }
    Path zipPath = Path.of(args[0]);
    String expectSha256 = null;
    String expectSm3 = null;
    for (int i = 1; i + 1 < args.length; i += 2) {
      if ("--expect-sha256".equals(args[i])) {
        expectSha256 = args[i + 1].toLowerCase();
      } else if ("--expect-sm3".equals(args[i])) {
        expectSm3 = args[i + 1].toLowerCase();
      }
    }
    List<String> problems = new ArrayList<>();
    int checked = 0;
    String[] whole;
    try (InputStream in = Files.newInputStream(zipPath)) {
      whole = digest(in);
    }
    System.out.println("package  " + zipPath.getFileName() + "  sha256=" + whole[0] + "  sm3=" + whole[1]);
    if (expectSha256 != null && !expectSha256.equals(whole[0])) {
      problems.add("the package's SHA-256 is not the expected " + expectSha256);
    }
    if (expectSm3 != null && !expectSm3.equals(whole[1])) {
      problems.add("the package's SM3 is not the expected " + expectSm3);
    }
    try (ZipFile zip = new ZipFile(zipPath.toFile(), StandardCharsets.UTF_8)) {
      Set<String> names = new HashSet<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (!names.add(name)) {
          problems.add("entry twice in the ZIP: " + name);
        }
      }
      ZipEntry manifestEntry = zip.getEntry("manifest.json");
      if (manifestEntry == null) {
        throw new IllegalStateException("no manifest.json in the package");
      }
      Map<String, Object> manifest;
      try (InputStream in = zip.getInputStream(manifestEntry)) {
        manifest = asMap(new Json(new String(in.readAllBytes(), StandardCharsets.UTF_8)).value());
      }
      if (!"case-archive/1".equals(manifest.get("format"))) {
        problems.add("unknown manifest format " + manifest.get("format"));
      }
      System.out.println("case     " + manifest.get("caseNumber") + "  created " + manifest.get("createdAt") + " by "
          + manifest.get("createdBy"));
      Map<String, String[]> itemDigests = new LinkedHashMap<>();
      Set<String> listed = new HashSet<>();
      listed.add("manifest.json");
      for (Object o : asList(manifest.get("items"))) {
        Map<String, Object> item = asMap(o);
        String path = (String) item.get("path");
        listed.add(path);
        ZipEntry entry = zip.getEntry(path);
        if (entry == null) {
          problems.add("missing from the package: " + path);
          continue;
        }
        String[] actual;
        long size;
        try (InputStream in = zip.getInputStream(entry)) {
          CountingStream counting = new CountingStream(in);
          actual = digest(counting);
          size = counting.count;
        }
        itemDigests.put(path, actual);
        long expectedSize = ((Number) item.get("size")).longValue();
        boolean ok = true;
        if (size != expectedSize) {
          problems.add(path + ": size " + size + ", manifest says " + expectedSize);
          ok = false;
        }
        if (!actual[0].equals(item.get("sha256"))) {
          problems.add(path + ": SHA-256 " + actual[0] + ", manifest says " + item.get("sha256"));
          ok = false;
        }
        if (!actual[1].equals(item.get("sm3"))) {
          problems.add(path + ": SM3 " + actual[1] + ", manifest says " + item.get("sm3"));
          ok = false;
        }
        checked++;
        System.out.println((ok ? "ok       " : "FAILED   ") + path + "  " + size + " bytes");
      }
      for (String name : names) {
        if (!listed.contains(name)) {
          problems.add("in the package but not in the manifest: " + name);
        }
      }
      for (Object o : asList(manifest.get("recordings"))) {
        Map<String, Object> recording = asMap(o);
        if ("included".equals(recording.get("storedAs"))) {
          String[] d = itemDigests.get((String) recording.get("path"));
          if (d == null || !d[0].equals(recording.get("sha256")) || !d[1].equals(recording.get("sm3"))) {
            problems.add("recording " + recording.get("id") + ": the included file does not carry its upload digests");
          }
        }
      }
      System.out.println("recordings " + asList(manifest.get("recordings")).size() + ", audit entries "
          + asList(manifest.get("auditEntries")).size());
    } catch (IOException | RuntimeException e) {
      problems.add("the package cannot be read: " + e);
    }
    if (problems.isEmpty()) {
      System.out.println("VERIFIED: " + checked + " items match the manifest (SHA-256 and SM3)");
      System.exit(0);
    }
    problems.forEach(p -> System.out.println("PROBLEM  " + p));
    System.out.println("NOT VERIFIED: " + problems.size() + " problem(s)");
    System.exit(1);
  }

  /** SHA-256 and SM3 of a stream, read once in blocks. */
  static String[] digest(InputStream in) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    Sm3 sm3 = new Sm3();
    byte[] buffer = new byte[64 * 1024];
    for (int n; (n = in.read(buffer)) > 0; ) {
      sha256.update(buffer, 0, n);
      sm3.update(buffer, 0, n);
    }
    return new String[] {HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(sm3.digest())};
  }

  static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** SM3 (GB/T 32905-2016), streaming. */
  static final class Sm3 {
    private final int[] v = {0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d,
        0xb0fb0e4e};
    private final byte[] block = new byte[64];
    private int filled;
    private long length;

    void update(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        block[filled++] = b[off + i];
        if (filled == 64) {
          compress(block);
          filled = 0;
        }
      }
      length += len;
    }

    byte[] digest() {
      long bits = length * 8;
      block[filled++] = (byte) 0x80;
      if (filled > 56) {
        while (filled < 64) {
          block[filled++] = 0;
        }
        compress(block);
        filled = 0;
      }
      while (filled < 56) {
        block[filled++] = 0;
      }
      for (int i = 7; i >= 0; i--) {
        block[filled++] = (byte) (bits >>> (8 * i));
      }
      compress(block);
      byte[] out = new byte[32];
      for (int i = 0; i < 8; i++) {
        out[4 * i] = (byte) (v[i] >>> 24);
        out[4 * i + 1] = (byte) (v[i] >>> 16);
        out[4 * i + 2] = (byte) (v[i] >>> 8);
        out[4 * i + 3] = (byte) v[i];
      }
      return out;
    }

    private void compress(byte[] b) {
      int[] w = new int[68];
      int[] w1 = new int[64];
      for (int i = 0; i < 16; i++) {
        w[i] = ((b[4 * i] & 0xff) << 24) | ((b[4 * i + 1] & 0xff) << 16) | ((b[4 * i + 2] & 0xff) << 8)
            | (b[4 * i + 3] & 0xff);
      }
      for (int j = 16; j < 68; j++) {
        w[j] = p1(w[j - 16] ^ w[j - 9] ^ Integer.rotateLeft(w[j - 3], 15)) ^ Integer.rotateLeft(w[j - 13], 7) ^ w[j - 6];
      }
      for (int j = 0; j < 64; j++) {
        w1[j] = w[j] ^ w[j + 4];
      }
      int a = v[0], bb = v[1], c = v[2], d = v[3], e = v[4], f = v[5], g = v[6], h = v[7];
      for (int j = 0; j < 64; j++) {
        int t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
        int ss1 = Integer.rotateLeft(Integer.rotateLeft(a, 12) + e + Integer.rotateLeft(t, j % 32), 7);
        int ss2 = ss1 ^ Integer.rotateLeft(a, 12);
        int ff = j < 16 ? a ^ bb ^ c : (a & bb) | (a & c) | (bb & c);
        int gg = j < 16 ? e ^ f ^ g : (e & f) | (~e & g);
        int tt1 = ff + d + ss2 + w1[j];
        int tt2 = gg + h + ss1 + w[j];
        d = c;
        c = Integer.rotateLeft(bb, 9);
        bb = a;
        a = tt1;
        h = g;
        g = Integer.rotateLeft(f, 19);
        f = e;
        e = p0(tt2);
      }
      v[0] ^= a;
      v[1] ^= bb;
      v[2] ^= c;
      v[3] ^= d;
      v[4] ^= e;
      v[5] ^= f;
      v[6] ^= g;
      v[7] ^= h;
    }

    private static int p0(int x) {
      return x ^ Integer.rotateLeft(x, 9) ^ Integer.rotateLeft(x, 17);
    }

    private static int p1(int x) {
      return x ^ Integer.rotateLeft(x, 15) ^ Integer.rotateLeft(x, 23);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Object o) {
    if (!(o instanceof Map)) {
      throw new IllegalStateException("manifest: object expected");
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> asList(Object o) {
    return o == null ? List.of() : (List<Object>) o;
  }

  /** A small JSON reader: objects, arrays, strings, numbers, true/false/null. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object value() {
      skip();
      char c = s.charAt(i);
      if (c == '{') {
        Map<String, Object> map = new LinkedHashMap<>();
        i++;
        skip();
        if (s.charAt(i) == '}') {
          i++;
          return map;
        }
        while (true) {
          skip();
          String key = string();
          skip();
          expect(':');
          map.put(key, value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect('}');
            return map;
          }
        }
      }
      if (c == '[') {
        List<Object> list = new ArrayList<>();
        i++;
        skip();
        if (s.charAt(i) == ']') {
          i++;
          return list;
        }
        while (true) {
          list.add(value());
          skip();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect(']');
            return list;
          }
        }
      }
      if (c == '"') {
        return string();
      }
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      if (start == i) {
        throw new IllegalStateException("manifest: unexpected '" + c + "' at " + i);
      }
      return new java.math.BigDecimal(s.substring(start, i));
    }

    private String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
    }

    private void expect(char c) {
      if (s.charAt(i) != c) {
        throw new IllegalStateException("manifest: '" + c + "' expected at " + i);
      }
      i++;
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
