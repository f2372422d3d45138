import java.io.*;
import java.lang.management.*;
import java.nio.*;
import java.nio.channels.*;
import java.nio.file.*;
import java.util.*;

/**
 * The upload's writer lane alone (docs/benchmarks.md, "Fourth round"): CPU seconds of the writing thread and
 * wall time (with the final fsync) for writing N MiB from 1 MiB heap buffers as DigestingCopier does
 * (FileChannel.write of a wrapped byte[]), from a direct buffer the slot is copied into, and with O_DIRECT
 * (page cache bypassed; aligned direct buffer). Usage: java WriteCpu.java <MiB> <directory>
 */
public class WriteCpu {
  public static void main(String[] a) throws Exception {
    int mib = Integer.parseInt(a[0]);
    Path dir = Path.of(a[1]);
    byte[] slot = new byte[1 << 20];
    new Random(1).nextBytes(slot);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    ByteBuffer direct = ByteBuffer.allocateDirect(2 << 20).alignedSlice(4096);
    direct.limit(1 << 20);
    for (int round = 0; round < 3; round++) {
      for (String variant : new String[] {"heap (as now)", "direct", "O_DIRECT"}) {
        Path file = dir.resolve("write-probe-" + round + ".bin");
        Files.deleteIfExists(file);
        Set<OpenOption> options = new HashSet<>(List.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        if (variant.equals("O_DIRECT")) {
          options.add(com.sun.nio.file.ExtendedOpenOption.DIRECT);
        }
        long c0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long fsync0;
        try (FileChannel out = FileChannel.open(file, options)) {
          for (int i = 0; i < mib; i++) {
            ByteBuffer chunk;
            if (variant.startsWith("heap")) {
              chunk = ByteBuffer.wrap(slot);
            } else {
              direct.clear().limit(1 << 20);
              direct.put(slot).flip();
              chunk = direct;
            }
            while (chunk.hasRemaining()) {
              out.write(chunk);
            }
          }
          fsync0 = System.nanoTime();
          out.force(true);
        }
        long t1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        System.out.printf("round %d %-14s: CPU %.2f s per 512 MiB, wall %.0f MiB/s (writes %.2f s + fsync %.2f s)%n", round, variant,
            (c1 - c0) / 1e9 * 512 / mib, mib / ((t1 - t0) / 1e9), (fsync0 - t0) / 1e9, (t1 - fsync0) / 1e9);
        Files.delete(file);
      }
    }
  }
}
