
import com.sun.jna.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.*;

/**
 * CPU seconds per GiB of each upload lane's digest (docs/benchmarks.md, "Third round"): the JDK's SHA-256
 * (heap array and direct buffer) against OpenSSL's EVP "SHA256" through JNA, and SM3 through JNA with
 * and without the copy of each 1 MiB slot into native memory (the copy the pipeline made before direct
 * slots). Thread CPU time (not wall time), so other processes on the machine do not distort it much.
 * Run: bench/ingest-parts.sh [MiB per run]
 */
public class DigestCpu {
  public interface Crypto extends Library {
    Pointer EVP_get_digestbyname(String name);
    Pointer EVP_MD_CTX_new();
    int EVP_DigestInit_ex(Pointer ctx, Pointer md, Pointer engine);
    int EVP_DigestUpdate(Pointer ctx, Pointer data, long n);
    int EVP_DigestFinal_ex(Pointer ctx, byte[] out, int[] len);
  }

  interface Lane { void run(int mib) throws Exception; }

  public static void main(String[] a) throws Exception {
    Crypto c = Native.load("crypto", Crypto.class);
    int mib = Integer.parseInt(a.length > 0 ? a[0] : "256");
    byte[] heap = new byte[1 << 20];
    new Random(1).nextBytes(heap);
    Memory native1 = new Memory(1 << 20);
    native1.write(0, heap, 0, heap.length);
    ByteBuffer direct = native1.getByteBuffer(0, heap.length);
    Memory copyTarget = new Memory(1 << 20);
    Map<String, Lane> lanes = new LinkedHashMap<>();
    lanes.put("JDK SHA-256, byte[]", n -> {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < n; i++) d.update(heap, 0, heap.length);
      d.digest();
    });
    lanes.put("JDK SHA-256, direct ByteBuffer", n -> {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      for (int i = 0; i < n; i++) d.update(direct.duplicate());
      d.digest();
    });
    for (String name : List.of("SHA256", "SM3")) {
      Pointer md = c.EVP_get_digestbyname(name);
      lanes.put("OpenSSL " + name + " (JNA), slot copied into Memory", n -> {
        Pointer ctx = c.EVP_MD_CTX_new(); c.EVP_DigestInit_ex(ctx, md, null);
        for (int i = 0; i < n; i++) { copyTarget.write(0, heap, 0, heap.length); c.EVP_DigestUpdate(ctx, copyTarget, heap.length); }
        c.EVP_DigestFinal_ex(ctx, new byte[64], new int[1]);
      });
      lanes.put("OpenSSL " + name + " (JNA), direct slot, no copy", n -> {
        Pointer ctx = c.EVP_MD_CTX_new(); c.EVP_DigestInit_ex(ctx, md, null);
        Pointer p = Native.getDirectBufferPointer(direct);
        for (int i = 0; i < n; i++) c.EVP_DigestUpdate(ctx, p, heap.length);
        c.EVP_DigestFinal_ex(ctx, new byte[64], new int[1]);
      });
    }
    lanes.put("copy 1 MiB heap -> native (Memory.write) alone", n -> {
      for (int i = 0; i < n; i++) copyTarget.write(0, heap, 0, heap.length);
    });
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) {
      for (Map.Entry<String, Lane> lane : lanes.entrySet()) {
        List<String> runs = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
          long c0 = cpu.getCurrentThreadCpuTime(), t0 = System.nanoTime();
          lane.getValue().run(mib);
          long c1 = cpu.getCurrentThreadCpuTime(), t1 = System.nanoTime();
          runs.add(String.format("%.0f MiB/s wall, %.2f CPU s/GiB", mib / ((t1 - t0) / 1e9), (c1 - c0) / 1e9 * 1024 / mib));
        }
        System.out.printf("round %d %-52s %s%n", round, lane.getKey(), runs);
      }
    }
  }
}
