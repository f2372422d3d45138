package cn.gov.enforcement.recording;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SM3 (GB/T 32905-2016) for the upload pipeline and the fixity re-check: OpenSSL's libcrypto through
 * JNA when the machine has one that knows SM3 and passes the standard's "abc" vector at start, else
 * BouncyCastle's {@link SM3Digest}. Both compute the same digest (tests compare them on many lengths);
 * OpenSSL's C code hashes about 1.6 times as fast as BouncyCastle's Java on this machine, and SM3 is the
 * slowest lane of an upload (docs/benchmarks.md, "Digests in parallel"). A tuned pure-Java SM3 was tried
 * and was no faster than BouncyCastle, so it was not kept.
 */
final class Sm3Digests {

  private static final Logger LOG = LoggerFactory.getLogger(Sm3Digests.class);
  /** GB/T 32905-2016 appendix A.1: SM3("abc"). */
  static final String ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0";
  /** Native bytes per update call; the pipeline hands over 1 MiB buffers. */
  private static final int NATIVE_CHUNK = 1024 * 1024;

  /** One running SM3; not thread-safe. {@link #close} frees what it holds outside the heap. */
  interface Sm3 extends AutoCloseable {
    void update(byte[] bytes, int offset, int length);

    /** The digest of everything given; the instance is spent afterwards. */
    byte[] digest();

    @Override
    default void close() {}
  }

  /** libcrypto's EVP digest API (OpenSSL 1.1.1 and 3.x). */
  public interface LibCrypto extends Library {
    Pointer EVP_get_digestbyname(String name);

    Pointer EVP_MD_CTX_new();

    void EVP_MD_CTX_free(Pointer context);

    int EVP_DigestInit_ex(Pointer context, Pointer type, Pointer engine);

    int EVP_DigestUpdate(Pointer context, Pointer data, long count);

    int EVP_DigestFinal_ex(Pointer context, byte[] digest, int[] length);
  }

  /** {@code -Drecording.sm3=bouncycastle} keeps OpenSSL out (a fallback for operations; the benchmark's before/after). */
  private static final LibCrypto OPENSSL =
      "bouncycastle".equalsIgnoreCase(System.getProperty("recording.sm3", "auto")) ? null : loadOpenSsl();
  private static final Pointer OPENSSL_SM3 = OPENSSL == null ? null : OPENSSL.EVP_get_digestbyname("SM3");

  static {
    LOG.info("SM3 by {}", implementation());
  }

  private Sm3Digests() {}

  /** The fastest SM3 this machine has. */
  static Sm3 create() {
    return OPENSSL_SM3 != null ? new OpenSslSm3(OPENSSL, OPENSSL_SM3) : bouncyCastle();
  }

  static String implementation() {
    return OPENSSL_SM3 != null ? "OpenSSL libcrypto (JNA)" : "BouncyCastle SM3Digest (no usable libcrypto, or -Drecording.sm3=bouncycastle)";
  }

  /** OpenSSL's SM3, or null when there is none; for the tests that compare both. */
  static Sm3 openSsl() {
    return OPENSSL_SM3 == null ? null : new OpenSslSm3(OPENSSL, OPENSSL_SM3);
  }

  static Sm3 bouncyCastle() {
    SM3Digest sm3 = new SM3Digest();
    return new Sm3() {
      @Override
      public void update(byte[] bytes, int offset, int length) {
        sm3.update(bytes, offset, length);
      }

      @Override
      public byte[] digest() {
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return out;
      }
    };
  }

  /**
   * Loads libcrypto under the names distributions ship it as, and keeps it only if its SM3 gives the
   * standard's digest of "abc": a missing library, one built without SM3 (OPENSSL_NO_SM3) or anything
   * odd falls back to BouncyCastle instead of failing uploads.
   */
  private static LibCrypto loadOpenSsl() {
    for (String name : List.of("crypto", "libcrypto.so.3", "libcrypto.so.1.1")) {
      try {
        LibCrypto library = Native.load(name, LibCrypto.class);
        Pointer sm3 = library.EVP_get_digestbyname("SM3");
        if (sm3 == null) {
          continue;
        }
        try (Sm3 probe = new OpenSslSm3(library, sm3)) {
          byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
          probe.update(abc, 0, abc.length);
          if (ABC.equals(HexFormat.of().formatHex(probe.digest()))) {
            return library;
          }
        }
      } catch (LinkageError | RuntimeException e) {
        LOG.debug("libcrypto '{}' not usable for SM3: {}", name, e.toString());
      }
    }
    return null;
  }

  /** One EVP context and one native buffer, both freed on close (also after a failed upload). */
  private static final class OpenSslSm3 implements Sm3 {
    private final LibCrypto library;
    private Pointer context;
    private Memory chunk;

    OpenSslSm3(LibCrypto library, Pointer type) {
      this.library = library;
      this.context = library.EVP_MD_CTX_new();
      if (context == null) {
        throw new IllegalStateException("EVP_MD_CTX_new failed");
      }
      if (library.EVP_DigestInit_ex(context, type, null) != 1) {
        close();
        throw new IllegalStateException("EVP_DigestInit_ex(SM3) failed");
      }
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
      while (length > 0) {
        int n = Math.min(length, NATIVE_CHUNK);
        if (chunk == null) {
          chunk = new Memory(NATIVE_CHUNK);
        }
        chunk.write(0, bytes, offset, n);
        if (library.EVP_DigestUpdate(context, chunk, n) != 1) {
          throw new IllegalStateException("EVP_DigestUpdate(SM3) failed");
        }
        offset += n;
        length -= n;
      }
    }

    @Override
    public byte[] digest() {
      byte[] out = new byte[32];
      int[] length = new int[1];
      if (library.EVP_DigestFinal_ex(context, out, length) != 1 || length[0] != out.length) {
        throw new IllegalStateException("EVP_DigestFinal_ex(SM3) failed");
      }
      return out;
    }

    @Override
    public void close() {
      if (context != null) {
        library.EVP_MD_CTX_free(context);
        context = null;
      }
      if (chunk != null) {
        chunk.close();
        chunk = null;
      }
    }
  }
}
