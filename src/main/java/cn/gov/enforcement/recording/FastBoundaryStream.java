package cn.gov.enforcement.recording;

import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.commons.fileupload.MultipartStream;

/**
 * commons-fileupload's {@link MultipartStream} with a faster boundary search and nothing else changed: the
 * library's {@code findSeparator()} (protected, called by its part stream after every buffer refill) runs
 * Knuth–Morris–Pratt over every byte, ~3–5 ns per byte, the largest cost of reading an upload
 * (docs/benchmarks.md, "Fourth round"). This one looks for the delimiter's first byte eight bytes at a time
 * and compares the whole delimiter only where that byte occurs (CR, about once per 256 bytes of media), then
 * returns the same position: the first full delimiter between the buffer's head and tail, or -1.
 *
 * <p>The method works on the library's private buffer state (buffer, head, tail, the current delimiter and
 * its length, which {@code skipPreamble} shortens while it runs), read through private-access var handles;
 * the library sits on the class path (an open, unnamed module), where that access is allowed. If it is not
 * (a future version renamed a field), {@link #AVAILABLE} is false and {@link FastFileUpload} uses the
 * library's own iterator and search. {@code FastBoundaryStreamTest} pins the equivalence.
 */
final class FastBoundaryStream extends MultipartStream {

  /** Whether the library's private state could be reached; otherwise nothing here is used. */
  static final boolean AVAILABLE;
  private static final VarHandle BUFFER;
  private static final VarHandle HEAD;
  private static final VarHandle TAIL;
  private static final VarHandle BOUNDARY;
  private static final VarHandle BOUNDARY_LENGTH;
  private static final MethodHandle NEW_INPUT_STREAM;
  /** Eight bytes of the buffer as one long, at any offset (plain reads need no alignment). */
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  static {
    VarHandle buffer = null;
    VarHandle head = null;
    VarHandle tail = null;
    VarHandle boundary = null;
    VarHandle boundaryLength = null;
    MethodHandle newInputStream = null;
    boolean available;
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(MultipartStream.class, MethodHandles.lookup());
      buffer = lookup.findVarHandle(MultipartStream.class, "buffer", byte[].class);
      head = lookup.findVarHandle(MultipartStream.class, "head", int.class);
      tail = lookup.findVarHandle(MultipartStream.class, "tail", int.class);
      boundary = lookup.findVarHandle(MultipartStream.class, "boundary", byte[].class);
      boundaryLength = lookup.findVarHandle(MultipartStream.class, "boundaryLength", int.class);
      // the part stream the library's own iterator uses (package-private factory, public type)
      newInputStream = lookup.findVirtual(MultipartStream.class, "newInputStream", MethodType.methodType(ItemInputStream.class));
      available = true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      available = false;
    }
    AVAILABLE = available;
    BUFFER = buffer;
    HEAD = head;
    TAIL = tail;
    BOUNDARY = boundary;
    BOUNDARY_LENGTH = boundaryLength;
    NEW_INPUT_STREAM = newInputStream;
  }

  /** The library's arrays (final fields: the same objects for the stream's life; their contents change). */
  private final byte[] buffer;
  private final byte[] delimiter;

  /** As {@code new MultipartStream(input, boundary, bufSize, null)}; only when {@link #AVAILABLE}. */
  FastBoundaryStream(InputStream input, byte[] boundary, int bufSize) {
    super(input, boundary, bufSize, null);
    this.buffer = (byte[]) BUFFER.get((MultipartStream) this);
    this.delimiter = (byte[]) BOUNDARY.get((MultipartStream) this);
  }

  /** The stream of the current part's body, as the library's iterator opens it. */
  ItemInputStream openPart() {
    try {
      return (ItemInputStream) NEW_INPUT_STREAM.invokeExact((MultipartStream) this);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected int findSeparator() {
    return indexOf(buffer, (int) HEAD.get((MultipartStream) this), (int) TAIL.get((MultipartStream) this), delimiter,
        (int) BOUNDARY_LENGTH.get((MultipartStream) this));
  }

  /** The library's search, for the equivalence test. */
  int librarySearch() {
    return super.findSeparator();
  }

  /**
   * The first {@code i} in {@code [from, to - length]} with {@code bytes[i .. i + length) == pattern[0 .. length)},
   * or -1. Finds candidates for {@code pattern[0]} eight bytes at a time: XOR with that byte repeated turns a match
   * into a zero byte, and {@code (x - 0x01…) & ~x & 0x80…} marks the lowest zero byte exactly (a borrow only runs
   * upwards, so bytes above it may be marked falsely, never the lowest), so each candidate is exact and the scan
   * goes on after it.
   */
  static int indexOf(byte[] bytes, int from, int to, byte[] pattern, int length) {
    int last = to - length;
    if (length <= 0) {
      return from <= to ? from : -1;
    }
    byte first = pattern[0];
    long spread = (first & 0xFFL) * ONES;
    int i = from;
    int wordEnd = Math.min(last, bytes.length - Long.BYTES); // a word read at i covers i .. i + 7, all in the array
    while (i <= wordEnd) {
      long x = (long) LONGS.get(bytes, i) ^ spread;
      long found = (x - ONES) & ~x & HIGHS;
      if (found == 0) {
        i += Long.BYTES;
        continue;
      }
      int candidate = i + (Long.numberOfTrailingZeros(found) >>> 3);
      if (candidate > last) {
        return -1;
      }
      if (Arrays.equals(bytes, candidate, candidate + length, pattern, 0, length)) {
        return candidate;
      }
      i = candidate + 1;
    }
    for (; i <= last; i++) {
      if (bytes[i] == first && Arrays.equals(bytes, i, i + length, pattern, 0, length)) {
        return i;
      }
    }
    return -1;
  }
}
