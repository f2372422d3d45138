import java.io.*;
import java.util.*;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.io.output.NullOutputStream;

/** commons-fileupload MultipartStream parse speed by buffer size, input in 8 KiB reads like Tomcat's (docs/benchmarks.md, "Digests in parallel"). */
public class MultipartSpeed {
  public static void main(String[] a) throws Exception {
    int mib = Integer.parseInt(a[0]);
    String boundary = "------------------------" + "a1b2c3d4e5f6a7b8";
    byte[] data = new byte[mib << 20]; new Random(1).nextBytes(data);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.wav\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes());
    body.write(data);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes());
    byte[] all = body.toByteArray();
    for (int round = 0; round < 3; round++)
    for (int buf : new int[]{4096, 65536, 1 << 20}) {
      InputStream in = new ByteArrayInputStream(all) { // 8 KiB per read, like Tomcat's
        @Override public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, 8192)); }
      };
      long t0 = System.nanoTime();
      MultipartStream m = new MultipartStream(in, boundary.getBytes(), buf, null);
      m.skipPreamble(); m.readHeaders(); m.readBodyData(NullOutputStream.INSTANCE); m.readBoundary();
      long t1 = System.nanoTime();
      System.out.printf("round %d buffer %7d: %.0f MiB/s (%.2f ns/byte)%n", round, buf, mib / ((t1 - t0) / 1e9), (t1 - t0) / (double) all.length);
    }
  }
}
