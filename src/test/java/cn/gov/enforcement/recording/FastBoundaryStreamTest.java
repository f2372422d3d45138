package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.fileupload.FileItemHeaders;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.UploadContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upload reader's boundary search ({@link FastBoundaryStream}) finds what commons-fileupload's own
 * search finds, and {@link FastFileUpload}'s iterator yields what the library's iterator yields — the same
 * parts, headers, bytes and errors — on crafted and random bodies split at every position (issue #17 item 5).
 */
class FastBoundaryStreamTest {

  private static final VarHandle HEAD;
  private static final VarHandle TAIL;
  private static final VarHandle BUFFER;
  private static final VarHandle BOUNDARY;
  private static final VarHandle BOUNDARY_LENGTH;
  private static final MethodHandle COMPUTE_TABLE;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(MultipartStream.class, MethodHandles.lookup());
      HEAD = lookup.findVarHandle(MultipartStream.class, "head", int.class);
      TAIL = lookup.findVarHandle(MultipartStream.class, "tail", int.class);
      BUFFER = lookup.findVarHandle(MultipartStream.class, "buffer", byte[].class);
      BOUNDARY = lookup.findVarHandle(MultipartStream.class, "boundary", byte[].class);
      BOUNDARY_LENGTH = lookup.findVarHandle(MultipartStream.class, "boundaryLength", int.class);
      COMPUTE_TABLE = lookup.findVirtual(MultipartStream.class, "computeBoundaryTable", MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final String B = "----b0undAry";

  static Stream<Arguments> searches() {
    String d = "\r\n--" + B;
    return Stream.of(
        Arguments.of("delimiter in the middle", B, "media" + d + "\r\nrest"),
        Arguments.of("delimiter at the start", B, d + "--\r\n"),
        Arguments.of("delimiter ends the buffer", B, "0123456789abcdef" + d),
        Arguments.of("delimiter cut by the buffer's end", B, "0123456789abcdef" + d.substring(0, d.length() - 1)),
        Arguments.of("boundary-like run, then the delimiter", B, "x\r\n--" + B.substring(0, 7) + "Z" + d + "tail"),
        Arguments.of("every prefix of the delimiter in a row", B, prefixes(d) + d),
        Arguments.of("every prefix, no delimiter", B, prefixes(d)),
        Arguments.of("CR runs and CR LF without dashes", B, "\r\r\r\r\n\r\n-\r\n-\r\r\n--\r\n--" + d),
        Arguments.of("bytes next to CR (0x0C, 0x0E, 0x8D) around it", B, "\f\r\f\u000e\r\u000e" + d + "\f"),
        Arguments.of("self-overlapping boundary of dashes", "----", "\r\n-----\r\n---\r\n------\r\n----x"),
        Arguments.of("one-character boundary", "a", "\r\n-\r\n-b\r\n--a"),
        Arguments.of("CRLF at the very end", B, "media data\r\n"),
        Arguments.of("empty region", B, ""),
        Arguments.of("two delimiters: the first counts", B, "x" + d + "y" + d));
  }

  private static String prefixes(String delimiter) {
    StringBuilder all = new StringBuilder();
    for (int i = 1; i < delimiter.length(); i++) {
      all.append(delimiter, 0, i).append('.');
    }
    return all.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("searches")
  @DisplayName("ACC-02 #17 分界符查找与 commons-fileupload 自身的查找结果相同：每个起止位置、每个缓冲区偏移、前导（无 CRLF）与正文两种分界符")
  void searchEqualsTheLibrarys(String name, String boundary, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
    for (int offset = 0; offset < 9; offset++) { // every alignment of the 8-byte words
      FastBoundaryStream stream = stream(boundary, 4096);
      byte[] buffer = (byte[]) BUFFER.get((MultipartStream) stream);
      java.util.Arrays.fill(buffer, (byte) '\r'); // bytes past the tail must not count
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      for (boolean preamble : new boolean[] {false, true}) {
        if (preamble) {
          preambleDelimiter(stream);
        }
        for (int head = offset; head <= offset + bytes.length; head++) {
          for (int tail = head; tail <= offset + bytes.length; tail++) {
            HEAD.set((MultipartStream) stream, head);
            TAIL.set((MultipartStream) stream, tail);
            assertThat(stream.findSeparator()).as("%s, offset %d, head %d, tail %d, preamble %s", name, offset, head, tail, preamble)
                .isEqualTo(stream.librarySearch());
          }
        }
      }
    }
  }

  @Test
  @DisplayName("ACC-02 #17 分界符查找在随机缓冲区（含分界符片段、CR、0x0C/0x8D）上与 commons-fileupload 的结果相同")
  void searchEqualsTheLibrarysOnRandomBuffers() {
    Random random = new Random(17);
    String delimiter = "\r\n--" + B;
    byte[] alphabet = "\r\n-\f\u008d\u000e".getBytes(StandardCharsets.ISO_8859_1);
    int found = 0;
    for (int run = 0; run < 3000; run++) {
      FastBoundaryStream stream = stream(B, 4096);
      byte[] buffer = (byte[]) BUFFER.get((MultipartStream) stream);
      int length = random.nextInt(300);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(10);
        buffer[i] = pick < 6 ? alphabet[pick] : pick < 9 ? (byte) B.charAt(random.nextInt(B.length())) : (byte) random.nextInt(256);
      }
      for (int planted = random.nextInt(3); planted > 0 && length > delimiter.length(); planted--) {
        int at = random.nextInt(length - delimiter.length() + 1);
        int cut = random.nextInt(4) == 0 ? random.nextInt(delimiter.length()) : delimiter.length(); // sometimes only a prefix
        System.arraycopy(delimiter.getBytes(StandardCharsets.ISO_8859_1), 0, buffer, at, cut);
      }
      if (random.nextBoolean()) {
        preambleDelimiter(stream);
      }
      for (int pair = 0; pair < 40; pair++) {
        int head = random.nextInt(length + 1);
        int tail = head + random.nextInt(length - head + 1);
        HEAD.set((MultipartStream) stream, head);
        TAIL.set((MultipartStream) stream, tail);
        int expected = stream.librarySearch();
        found += expected >= 0 ? 1 : 0;
        assertThat(stream.findSeparator()).as("run %d, head %d, tail %d", run, head, tail).isEqualTo(expected);
      }
    }
    assertThat(found).as("the random buffers held delimiters").isGreaterThan(1000);
  }

  /** skipPreamble's delimiter: the boundary without the leading CR LF, the array shifted by two, the library's table renewed. */
  private static void preambleDelimiter(FastBoundaryStream stream) {
    byte[] delimiter = (byte[]) BOUNDARY.get((MultipartStream) stream);
    System.arraycopy(delimiter, 2, delimiter, 0, delimiter.length - 2);
    BOUNDARY_LENGTH.set((MultipartStream) stream, delimiter.length - 2);
    try {
      COMPUTE_TABLE.invokeExact((MultipartStream) stream);
    } catch (Throwable e) {
      throw new AssertionError(e);
    }
  }

  private static FastBoundaryStream stream(String boundary, int bufSize) {
    return new FastBoundaryStream(new ByteArrayInputStream(new byte[0]), boundary.getBytes(StandardCharsets.ISO_8859_1), bufSize);
  }

  // ---- the whole iterator: the library's and FastFileUpload's over the same bodies ----

  private static final String TYPE = "multipart/form-data; boundary=" + B;

  static Stream<Arguments> bodies() {
    Random random = new Random(5);
    byte[] media = new byte[9000];
    random.nextBytes(media);
    String d = "--" + B;
    String fields = part("activity", null, "ONSITE_INSPECTION") + part("officers", null, "officer1,officer2");
    List<Arguments> all = new ArrayList<>();
    all.add(body("fields and a file", TYPE, fields + filePart("a.wav", new String(media, StandardCharsets.ISO_8859_1)) + d + "--\r\n"));
    all.add(body("empty file", TYPE, fields + filePart("empty.wav", "") + d + "--\r\n"));
    all.add(body("one-byte file", TYPE, filePart("b.wav", "x") + d + "--\r\n"));
    all.add(body("file ending in CR LF", TYPE, filePart("c.wav", "data\r\n") + d + "--\r\n"));
    all.add(body("file ending in CR", TYPE, filePart("c.wav", "data\r") + d + "--\r\n"));
    all.add(body("file ending in CR LF -- and a boundary prefix", TYPE, filePart("c.wav", "data\r\n--" + B.substring(0, 5)) + d + "--\r\n"));
    all.add(body("boundary-like runs inside the file", TYPE,
        filePart("d.wav", "a\r\n--" + B.substring(0, 11) + "X\r\n--\r\n-" + B + "\r\n" + d.substring(0, 3)) + d + "--\r\n"));
    all.add(body("preamble and epilogue", TYPE, "preamble text\r\n" + filePart("e.wav", "e") + d + "--\r\nepilogue"));
    all.add(body("no closing delimiter", TYPE, fields + filePart("f.wav", "truncated media")));
    all.add(body("cut inside the closing delimiter", TYPE, filePart("f.wav", "media") + d.substring(0, 5)));
    all.add(body("characters after a delimiter", TYPE, filePart("g.wav", "g") + d + "XY\r\n" + filePart("h.wav", "h") + d + "--"));
    all.add(body("LF only after a delimiter", TYPE, d + "\nContent-Disposition: form-data; name=\"x\"\r\n\r\nv\r\n" + d + "--"));
    all.add(body("part headers over 512 bytes", TYPE,
        d + "\r\nContent-Disposition: form-data; name=\"x\"\r\nX-Pad: " + "p".repeat(600) + "\r\n\r\nv\r\n" + d + "--"));
    all.add(body("part without a name is skipped", TYPE,
        d + "\r\nContent-Type: text/plain\r\n\r\nskipped\r\n" + filePart("i.wav", "i") + d + "--"));
    all.add(body("file name with NUL", TYPE, filePart("a\u0000b.wav", "n") + d + "--"));
    all.add(body("no delimiter at all", TYPE, "just text"));
    all.add(body("empty body", TYPE, ""));
    all.add(body("not multipart", "application/octet-stream", "x"));
    all.add(body("no boundary parameter", "multipart/form-data", filePart("a.wav", "a")));
    all.add(body("boundary too long for the buffer", "multipart/form-data; boundary=" + "x".repeat(4092), "x"));
    String inner = "mIxEd-inner-";
    all.add(body("multipart/mixed files of one field", TYPE,
        d + "\r\nContent-Disposition: form-data; name=\"files\"\r\nContent-Type: multipart/mixed; boundary=" + inner + "\r\n\r\n"
            + "--" + inner + "\r\nContent-Disposition: file; filename=\"one.wav\"\r\n\r\none\r\n"
            + "--" + inner + "\r\nContent-Disposition: file\r\n\r\nno name, skipped\r\n"
            + "--" + inner + "\r\nContent-Disposition: file; filename=\"two.wav\"\r\n\r\ntwo\r\n"
            + "--" + inner + "--\r\n" + part("after", null, "v") + d + "--"));
    all.add(body("multipart/related", "multipart/related; boundary=" + B,
        d + "\r\nContent-Type: text/xml\r\n\r\n<x/>\r\n" + d + "\r\nContent-Type: image/png\r\n\r\npng\r\n" + d + "--"));
    all.add(body("uppercase content type", "MULTIPART/FORM-DATA; boundary=" + B, filePart("u.wav", "u") + d + "--"));
    return all.stream();
  }

  private static Arguments body(String name, String contentType, String body) {
    return Arguments.of(name, contentType, body.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String part(String name, String fileName, String content) {
    return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream") + "\r\n\r\n" + content + "\r\n";
  }

  private static String filePart(String fileName, String content) {
    return part("file", fileName, content);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  @DisplayName("ACC-02 #17 上传读取与 commons-fileupload 的迭代器结果相同（部分、头、内容、错误）：任意读取块大小，分界符落在每个缓冲区位置")
  void iteratorEqualsTheLibrarys(String name, String contentType, byte[] body) throws Exception {
    for (int chunk : new int[] {1, 2, 3, 7, 13, 64, 4093, 4096, 8192, Integer.MAX_VALUE}) {
      for (boolean skipFirst : new boolean[] {false, true}) {
        assertThat(walk(new FastFileUpload(), contentType, body, chunk, skipFirst)).as("%s, reads of %d, first part unread %s", name, chunk, skipFirst)
            .isEqualTo(walk(new FileUpload(), contentType, body, chunk, skipFirst));
      }
    }
  }

  @Test
  @DisplayName("ACC-02 #17 文件末尾的分界符跨越 4 KiB 缓冲区的每个位置（含正文中的分界符片段）：与 commons-fileupload 的结果相同")
  void everySplitOfTheDelimiterAcrossRefills() throws Exception {
    Random random = new Random(4096);
    for (int size = 4096 - 200; size <= 2 * 4096 + 50; size++) {
      if (size > 4096 + 50 && size < 2 * 4096 - 200) {
        continue;
      }
      byte[] media = new byte[size];
      random.nextBytes(media);
      if (size % 3 == 0) { // a boundary-like run just before the end
        byte[] like = ("\r\n--" + B.substring(0, size % B.length())).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(like, 0, media, Math.max(0, size - like.length - size % 5), Math.min(like.length, size));
      }
      breakDelimiters(media);
      byte[] body = (filePart("s.wav", new String(media, StandardCharsets.ISO_8859_1)) + "--" + B + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
      for (int chunk : new int[] {8192, 1000 + size % 977}) {
        List<String> expected = walk(new FileUpload(), TYPE, body, chunk, false);
        assertThat(expected.get(0)).contains(sha256(media));
        assertThat(walk(new FastFileUpload(), TYPE, body, chunk, false)).as("file of %d bytes, reads of %d", size, chunk).isEqualTo(expected);
      }
    }
  }

  @Test
  @DisplayName("ACC-02 #17 1 MiB 随机文件（多处分界符片段）按 8 KiB 读取：与 commons-fileupload 的结果相同，字节逐一相等")
  void largeRandomFile() throws Exception {
    Random random = new Random(1);
    byte[] media = new byte[1024 * 1024 + 17];
    random.nextBytes(media);
    byte[] like = ("\r\n--" + B).getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 300; i++) {
      int at = random.nextInt(media.length - like.length);
      System.arraycopy(like, 0, media, at, 1 + random.nextInt(like.length - 1)); // prefixes of the delimiter
    }
    breakDelimiters(media);
    byte[] body = (part("activity", null, "X") + filePart("big.wav", new String(media, StandardCharsets.ISO_8859_1)) + "--" + B + "--\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    List<String> fast = walk(new FastFileUpload(), TYPE, body, 8192, false);
    assertThat(fast).isEqualTo(walk(new FileUpload(), TYPE, body, 8192, false));
    assertThat(fast.get(1)).contains(sha256(media)).contains("big.wav");
  }

  @Test
  @DisplayName("ACC-02 #17 读取使用快速查找（commons-fileupload 的私有状态可读），而不是回退到库的迭代器")
  void theFastSearchIsInUse() throws Exception {
    assertThat(FastBoundaryStream.AVAILABLE).isTrue();
    FileItemIterator items = new FastFileUpload().getItemIterator(context(TYPE, (filePart("a.wav", "a") + "--" + B + "--").getBytes(StandardCharsets.ISO_8859_1), 100));
    assertThat(items.getClass().getName()).startsWith(FastFileUpload.class.getName());
  }

  /** Every part as one line (fields, headers, content digest), then the error that ended the walk, if any. */
  private static List<String> walk(FileUpload upload, String contentType, byte[] body, int chunk, boolean skipFirst) {
    upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
    List<String> seen = new ArrayList<>();
    try {
      FileItemIterator items = upload.getItemIterator(context(contentType, body, chunk));
      boolean first = true;
      while (items.hasNext()) {
        FileItemStream item = items.next();
        StringBuilder line = new StringBuilder();
        line.append(item.getFieldName()).append(" | ").append(item.isFormField()).append(" | ").append(item.getContentType());
        try {
          line.append(" | ").append(item.getName());
        } catch (RuntimeException e) {
          line.append(" | name refused: ").append(e.getClass().getName()).append(": ").append(e.getMessage());
        }
        line.append(" | ").append(headers(item.getHeaders()));
        if (!(skipFirst && first)) {
          try (InputStream in = item.openStream()) {
            line.append(" | ").append(sha256(in.readAllBytes()));
          }
        }
        first = false;
        seen.add(line.toString());
      }
      seen.add("end");
    } catch (Exception e) {
      seen.add("error: " + e.getClass().getName() + ": " + e.getMessage()
          + (e.getCause() == null ? "" : " (cause " + e.getCause().getClass().getName() + ": " + e.getCause().getMessage() + ")"));
    }
    return seen;
  }

  private static String headers(FileItemHeaders headers) {
    StringBuilder all = new StringBuilder();
    headers.getHeaderNames().forEachRemaining(name -> all.append(name).append('=').append(headers.getHeader(name)).append(';'));
    return all.toString();
  }

  private static String sha256(byte[] bytes) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
  }

  private static UploadContext context(String contentType, byte[] body, int chunk) {
    InputStream in = new ByteArrayInputStream(body) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
    return new UploadContext() {
      @Override
      public String getCharacterEncoding() {
        return null;
      }

      @Override
      public String getContentType() {
        return contentType;
      }

      @Override
      @Deprecated
      public int getContentLength() {
        return body.length;
      }

      @Override
      public long contentLength() {
        return body.length;
      }

      @Override
      public InputStream getInputStream() {
        return in;
      }
    };
  }

  /** Random bytes with planted prefixes may still spell the delimiter: change its last byte wherever they do. */
  private static void breakDelimiters(byte[] media) {
    byte[] delimiter = ("\r\n--" + B).getBytes(StandardCharsets.ISO_8859_1);
    for (int at = 0; at + delimiter.length <= media.length; at++) {
      if (java.util.Arrays.equals(media, at, at + delimiter.length, delimiter, 0, delimiter.length)) {
        media[at + delimiter.length - 1] ^= 1;
      }
    }
  }
}
