import java.io.*;
import java.util.*;
import org.apache.commons.fileupload.*;

/**
 * The upload's reader without Tomcat (docs/benchmarks.md, "Fourth round"): the body of a one-file form, fed
 * in 8 KiB reads like Tomcat's, through commons-fileupload's item iterator and through the application's
 * FastFileUpload (the same iterator behaviour over FastBoundaryStream's search), the file part read into a
 * 1 MiB buffer as DigestingCopier does; CPU time of the reading thread and ns per byte. Needs the
 * application's classes on the class path (bench/ingest-parts.sh adds BOOT-INF/classes).
 */
public class IteratorSpeed {
  public static void main(String[] a) throws Exception {
    int mib = Integer.parseInt(a[0]);
    String boundary = "------------------------" + "a1b2c3d4e5f6a7b8"; // curl's form
    byte[] data = new byte[mib << 20];
    new Random(1).nextBytes(data);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String field : new String[] {"activity", "deviceNumber", "officers", "startedAt", "endedAt"}) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\nvalue\r\n").getBytes());
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.wav\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes());
    byte[] all = body.toByteArray();
    java.lang.reflect.Constructor<?> fast = Class.forName("cn.gov.enforcement.recording.FastFileUpload").getDeclaredConstructor();
    fast.setAccessible(true);
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    byte[] slot = new byte[1 << 20];
    for (int round = 0; round < 4; round++) {
      for (String variant : new String[] {"library FileUpload", "FastFileUpload"}) {
        FileUpload upload = variant.startsWith("library") ? new FileUpload() : (FileUpload) fast.newInstance();
        InputStream in = new ByteArrayInputStream(all) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 8192));
          }
        };
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        FileItemIterator items = upload.getItemIterator(new Context(in, "multipart/form-data; boundary=" + boundary, all.length));
        long fileBytes = 0;
        int checksum = 0;
        while (items.hasNext()) {
          FileItemStream item = items.next();
          try (InputStream part = item.openStream()) {
            int filled = 0;
            for (int n; (n = part.read(slot, filled, slot.length - filled)) >= 0; ) {
              filled += n;
              if (filled == slot.length) {
                checksum += slot[12345];
                fileBytes += filled;
                filled = 0;
              }
            }
            fileBytes += filled;
          }
        }
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        System.out.printf("round %d %-19s: %.0f MiB/s, %.2f ns/byte wall, %.2f CPU s per 512 MiB (%d bytes of file, %d)%n", round, variant,
            mib / ((t1 - t0) / 1e9), (t1 - t0) / (double) all.length, (c1 - c0) / 1e9 * 512 / mib, fileBytes, checksum);
      }
    }
  }

  record Context(InputStream in, String type, long length) implements UploadContext {
    public String getCharacterEncoding() { return null; }
    public String getContentType() { return type; }
    @Deprecated public int getContentLength() { return (int) length; }
    public long contentLength() { return length; }
    public InputStream getInputStream() { return in; }
  }
}
