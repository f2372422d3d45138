package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * Copies a stream to a file while computing SHA-256 and SM3 (ACC-02) in the same pass, with one
 * fixed buffer: memory does not grow with the file, so a 2 GB upload fits a 256 MB heap.
 */
final class DigestingCopier {

  static final int BUFFER = 256 * 1024;

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
    MessageDigest sha256 = sha256();
    SM3Digest sm3 = new SM3Digest();
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        size += n;
        if (size > limit) {
          throw new LimitExceeded();
        }
        sha256.update(buffer, 0, n);
        sm3.update(buffer, 0, n);
        ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
        while (chunk.hasRemaining()) {
          out.write(chunk);
        }
      }
      // durable before it is acknowledged (restart safety)
      out.force(true);
    }
    return new Digests(size, hex(sha256.digest()), hex(sm3Final(sm3)));
  }

  /** Re-hashes a stored file (fixity check, download). */
  static Digests hash(Path file) throws IOException {
    MessageDigest sha256 = sha256();
    SM3Digest sm3 = new SM3Digest();
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    try (InputStream in = java.nio.file.Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) != -1) {
        size += n;
        sha256.update(buffer, 0, n);
        sm3.update(buffer, 0, n);
      }
    }
    return new Digests(size, hex(sha256.digest()), hex(sm3Final(sm3)));
  }

  private static byte[] sm3Final(SM3Digest sm3) {
    byte[] out = new byte[sm3.getDigestSize()];
    sm3.doFinal(out, 0);
    return out;
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
