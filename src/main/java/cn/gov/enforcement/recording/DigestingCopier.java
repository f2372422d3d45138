package cn.gov.enforcement.recording;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Copies a stream to a file while computing SHA-256 and SM3 (ACC-02) in the same pass. The calling
 * thread only reads; the file write and each digest run on their own threads over the very same
 * buffers (a bounded hand-off of {@value #BUFFERS} recycled buffers of {@value #BUFFER} bytes), so
 * memory does not grow with the file (a 2 GB upload fits a 256 MB heap) and the upload runs at the
 * speed of the slowest of the four instead of their sum (docs/benchmarks.md, "Digests in parallel").
 */
final class DigestingCopier {

  /** Large enough that the per-buffer hand-off costs nothing next to hashing it. */
  static final int BUFFER = 1024 * 1024;
  /** Buffers in flight per copy: the reader can run ahead of the digests by this much, no more. */
  static final int BUFFERS = 4;

  /** Digest threads are idle between uploads; daemon, so they never hold the JVM open. */
  private static final ExecutorService DIGESTERS = Executors.newCachedThreadPool(new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread thread = new Thread(r, "evidence-digest-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  });

  /** What was stored: the size and both digests (hex). */
  record Digests(long size, String sha256, String sm3) {}

  /** Thrown when the stream runs past the configured limit; the caller answers 413. */
  static final class LimitExceeded extends IOException {
    LimitExceeded() {
      super("upload exceeds the limit");
    }
  }

  private DigestingCopier() {}

  static Digests copy(InputStream in, Path target, long limit) throws IOException {
    // the pipeline closes first: its threads have stopped before the channel closes
    try (Output out = Output.create(target); Pipeline pipeline = new Pipeline(out)) {
      Filler filler = new Filler(pipeline, limit);
      filler.readFrom(in);
      long size = filler.end();
      return pipeline.finish(size, out::force); // durable before it is acknowledged (restart safety)
    }
  }

  /**
   * {@code -Drecording.direct-write=false} writes through the page cache as before (the benchmark's before/after;
   * a fallback for operations).
   */
  static final boolean DIRECT_WRITE = !"false".equalsIgnoreCase(System.getProperty("recording.direct-write", "true"));

  /**
   * The stored file, written with {@code O_DIRECT} where the filesystem allows it: the upload's bytes go from
   * one aligned native buffer to the disk without passing through the page cache, which on a busy machine cost
   * the writer lane more CPU than anything but SM3 (allocating and reclaiming a page-cache page per 4 KiB,
   * docs/benchmarks.md "Fourth round"). Every buffer but the last is whole (a multiple of the block size); the
   * last is padded with zeros to a block and the file cut back to its size before the fsync. Where
   * {@code O_DIRECT} is refused (tmpfs, some network filesystems), or switched off, the file is written through
   * the page cache as before. The fsync at the end makes either durable.
   */
  static final class Output implements AutoCloseable {
    private static final int MAX_BLOCK = 64 * 1024;
    private static final byte[] ZEROS = new byte[MAX_BLOCK];

    private final Path target;
    private FileChannel channel;
    private ByteBuffer aligned;
    private final int block;
    private long size;
    private boolean padded;

    private Output(Path target, FileChannel channel, ByteBuffer aligned, int block) {
      this.target = target;
      this.channel = channel;
      this.aligned = aligned;
      this.block = block;
    }

    /** Creates the file (it must not exist) and opens it for direct writes if possible. */
    static Output create(Path target) throws IOException {
      return create(target, DIRECT_WRITE);
    }

    static Output create(Path target, boolean tryDirect) throws IOException {
      FileChannel plain = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      if (!tryDirect) {
        return new Output(target, plain, null, 0);
      }
      try {
        // the filesystem's block, at least 4 KiB: no device needs a larger alignment for O_DIRECT
        long block = Math.max(4096, Files.getFileStore(target).getBlockSize());
        if (block > MAX_BLOCK || BUFFER % block != 0) {
          return new Output(target, plain, null, 0);
        }
        FileChannel direct = FileChannel.open(target, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        plain.close();
        return new Output(target, direct, ByteBuffer.allocateDirect(BUFFER + (int) block).alignedSlice((int) block), (int) block);
      } catch (IOException | UnsupportedOperationException e) {
        return new Output(target, plain, null, 0); // the filesystem refuses O_DIRECT: through the page cache
      }
    }

    boolean direct() {
      return aligned != null;
    }

    /** Appends {@code length} bytes; only the last call may pass less than a whole buffer. */
    void write(byte[] bytes, int length) throws IOException {
      if (aligned != null) {
        try {
          writeDirect(bytes, length);
          return;
        } catch (IOException e) {
          if (size > 0) {
            throw e; // the disk failed mid-file: the upload fails, as through the page cache
          }
          // the very first direct write was refused (an alignment this filesystem or device does not take):
          // start the file again through the page cache
          channel.close();
          channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
          aligned = null;
        }
      }
      ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, length);
      while (chunk.hasRemaining()) {
        channel.write(chunk);
      }
    }

    private void writeDirect(byte[] bytes, int length) throws IOException {
      if (padded) {
        throw new IllegalStateException("a partial buffer was not the last");
      }
      int whole = (length + block - 1) / block * block;
      aligned.clear();
      aligned.put(bytes, 0, length).put(ZEROS, 0, whole - length).flip();
      while (aligned.hasRemaining()) {
        channel.write(aligned);
      }
      size += length;
      padded = whole != length;
    }

    /** Cuts the last block's padding off and makes the file durable. */
    void force() throws IOException {
      if (padded) {
        channel.truncate(size);
      }
      channel.force(true);
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Re-hashes a stored file (fixity check, download). */
  static Digests hash(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file); Pipeline digests = new Pipeline(null)) {
      Filler filler = new Filler(digests, Long.MAX_VALUE);
      filler.readFrom(in);
      return digests.finish(filler.end(), () -> { });
    }
  }

  /**
   * Fills the pipeline's buffers from the stream (the multipart stream hands out a few KiB per read) and
   * publishes each one when full. The limit is checked before a read's bytes are handed on: not one byte
   * past it reaches the disk.
   */
  private static final class Filler {
    private final Pipeline pipeline;
    private final long limit;
    private Slot slot;
    private int filled;
    private long size;

    Filler(Pipeline pipeline, long limit) {
      this.pipeline = pipeline;
      this.limit = limit;
    }

    /** Reads straight into the buffers (no copy in between). */
    void readFrom(InputStream in) throws IOException {
      while (true) {
        Slot current = current();
        int n = in.read(current.bytes, filled, current.bytes.length - filled);
        if (n < 0) {
          return;
        }
        count(n);
        advance(n);
      }
    }

    private void count(int n) throws LimitExceeded {
      if (n > limit - size) {
        throw new LimitExceeded();
      }
      size += n;
    }

    private Slot current() throws IOException {
      if (slot == null) {
        slot = pipeline.freeSlot();
        filled = 0;
      }
      return slot;
    }

    private void advance(int n) {
      filled += n;
      if (filled == slot.bytes.length) {
        pipeline.publish(slot, filled);
        slot = null;
      }
    }

    /** Hands over the last, partly filled buffer; the total size. */
    long end() {
      if (slot != null) {
        if (filled > 0) {
          pipeline.publish(slot, filled);
        } else {
          pipeline.recycle(slot);
        }
        slot = null;
      }
      return size;
    }
  }

  /** One recycled buffer; {@code pending} counts the digests that have not yet read it. */
  private static final class Slot {
    final byte[] bytes;
    int length;
    final AtomicInteger pending = new AtomicInteger();

    Slot(int size) {
      this.bytes = new byte[size];
    }
  }

  /** One consumer of the buffers on its own thread: a digest, or the writer of the file. */
  private interface Hasher {
    void update(byte[] bytes, int length) throws IOException;

    byte[] finish();

    /** Frees what the consumer holds (native SM3 state); runs on its thread, also after a failure. */
    default void release() {}
  }

  /** What runs on the calling thread once every buffer is written (the fsync). */
  private interface WrittenAction {
    void run() throws IOException;
  }

  /**
   * The digest threads (and the writer, when copying) and the buffers they share with the caller. Closing it without
   * {@link #finish} (an abort, a limit, a broken body) stops both threads; nothing they hold is kept.
   */
  private static final class Pipeline implements AutoCloseable {
    private static final Slot END = new Slot(0);

    private final BlockingQueue<Slot> free = new ArrayBlockingQueue<>(BUFFERS);
    private final List<BlockingQueue<Slot>> lanes = new ArrayList<>();
    private final List<Future<byte[]>> results = new ArrayList<>();
    private boolean finished;

    private final List<CountDownLatch> stopped = new ArrayList<>();

    /** {@code out} null: digests only (re-hash of a stored file). */
    Pipeline(Output out) {
      for (int i = 0; i < BUFFERS; i++) {
        free.add(new Slot(BUFFER));
      }
      MessageDigest sha256 = sha256();
      start(new Hasher() {
        @Override
        public void update(byte[] bytes, int length) {
          sha256.update(bytes, 0, length);
        }

        @Override
        public byte[] finish() {
          return sha256.digest();
        }
      });
      Sm3Digests.Sm3 sm3 = Sm3Digests.create();
      start(new Hasher() {
        @Override
        public void update(byte[] bytes, int length) {
          sm3.update(bytes, 0, length);
        }

        @Override
        public byte[] finish() {
          return sm3.digest();
        }

        @Override
        public void release() {
          sm3.close();
        }
      });
      if (out != null) {
        // the writer too: reading the request, writing the disk and hashing overlap
        start(new Hasher() {
          @Override
          public void update(byte[] bytes, int length) throws IOException {
            out.write(bytes, length);
          }

          @Override
          public byte[] finish() {
            return new byte[0];
          }
        });
      }
    }

    private void start(Hasher hasher) {
      // room for every buffer plus END: the caller never blocks handing off, only waiting for a free buffer
      BlockingQueue<Slot> lane = new ArrayBlockingQueue<>(BUFFERS + 1);
      lanes.add(lane);
      CountDownLatch done = new CountDownLatch(1);
      stopped.add(done);
      try {
        results.add(DIGESTERS.submit(() -> {
          try {
            while (true) {
              Slot slot = lane.take();
              if (slot == END) {
                return hasher.finish();
              }
              hasher.update(slot.bytes, slot.length);
              if (slot.pending.decrementAndGet() == 0) {
                free.add(slot);
              }
            }
          } finally {
            hasher.release();
            done.countDown();
          }
        }));
      } catch (RuntimeException e) {
        for (Future<byte[]> result : results) {
          result.cancel(true);
        }
        throw e;
      }
    }

    /** The next buffer to fill; waits while the digests are behind, fails if one of them died. */
    Slot freeSlot() throws IOException {
      try {
        while (true) {
          Slot slot = free.poll(100, TimeUnit.MILLISECONDS);
          if (slot != null) {
            return slot;
          }
          for (Future<byte[]> result : results) {
            if (result.isDone()) {
              result.get(); // a worker only ends early by failing: this throws its cause
              throw new IllegalStateException("digest thread ended early");
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    /** A failed write stays an I/O failure (as when the caller wrote itself); anything else is a bug. */
    private static IOException failure(ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        return io;
      }
      throw new IllegalStateException("digest failed", e.getCause());
    }

    void recycle(Slot slot) {
      free.add(slot);
    }

    void publish(Slot slot, int length) {
      slot.length = length;
      slot.pending.set(lanes.size());
      for (BlockingQueue<Slot> lane : lanes) {
        lane.add(slot);
      }
    }

    /** Ends every lane; {@code written} runs as soon as the writer is done, while the digests finish. */
    Digests finish(long size, WrittenAction written) throws IOException {
      for (BlockingQueue<Slot> lane : lanes) {
        lane.add(END);
      }
      try {
        if (results.size() > 2) {
          results.get(2).get();
        }
        written.run();
        byte[] sha256 = results.get(0).get();
        byte[] sm3 = results.get(1).get();
        finished = true;
        return new Digests(size, hex(sha256), hex(sm3));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while hashing");
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    /** On failure: stops the threads and waits until they have, so none writes after the caller deletes the file. */
    @Override
    public void close() throws IOException {
      if (finished) {
        return;
      }
      for (Future<byte[]> result : results) {
        result.cancel(true);
      }
      try {
        for (CountDownLatch done : stopped) {
          if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IOException("digest thread did not stop");
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
