package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SM3 by OpenSSL (JNA) and by BouncyCastle give the same digests; the copier's pieces add up to the same bytes. */
class Sm3DigestsTest {

  static Stream<Arguments> implementations() {
    return Stream.of(
        Arguments.of("BouncyCastle", (Supplier<Sm3Digests.Sm3>) Sm3Digests::bouncyCastle),
        Arguments.of("OpenSSL", (Supplier<Sm3Digests.Sm3>) Sm3Digests::openSsl),
        Arguments.of("create()", (Supplier<Sm3Digests.Sm3>) Sm3Digests::create));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  @DisplayName("ACC-02 SM3 与 GB/T 32905-2016 附录 A 的示例一致（\"abc\"、\"abcd\"×16）")
  void standardVectors(String name, Supplier<Sm3Digests.Sm3> implementation) {
    assumeTrue(implementation.get() != null, "no libcrypto with SM3 on this machine");
    assertThat(sm3(implementation, "abc".getBytes(StandardCharsets.US_ASCII), 3))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    assertThat(sm3(implementation, "abcd".repeat(16).getBytes(StandardCharsets.US_ASCII), 7))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  @DisplayName("ACC-02 SM3 与 BouncyCastle 在各种长度（0、55、56、63、64、65 … 3 MiB+1）与任意分段下结果相同")
  void sameAsBouncyCastle(String name, Supplier<Sm3Digests.Sm3> implementation) {
    assumeTrue(implementation.get() != null, "no libcrypto with SM3 on this machine");
    Random random = new Random(32905);
    IntStream lengths = IntStream.concat(IntStream.rangeClosed(0, 130),
        IntStream.of(255, 256, 1000, 4095, 4096, 65_536, 1024 * 1024 - 1, 1024 * 1024, 3 * 1024 * 1024 + 1));
    lengths.forEach(length -> {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      String expected = bouncyCastle(bytes);
      assertThat(sm3(implementation, bytes, Integer.MAX_VALUE)).as("length %d whole", length).isEqualTo(expected);
      assertThat(sm3(implementation, bytes, 1 + random.nextInt(length < 8192 ? 100 : 100_000))).as("length %d in pieces", length).isEqualTo(expected);
    });
  }

  @Test
  @DisplayName("ACC-02 有 libcrypto 时上传与定期复核都用 OpenSSL 的 SM3，否则回退到 BouncyCastle")
  void picksOpenSslWhenThereIsOne() {
    Sm3Digests.Sm3 openSsl = Sm3Digests.openSsl();
    assertThat(Sm3Digests.implementation()).startsWith(openSsl != null ? "OpenSSL" : "BouncyCastle");
    if (openSsl != null) {
      openSsl.close();
    }
  }

  @Test
  @DisplayName("ACC-02 流式写入：流每次给出任意多的字节，存储内容与两个摘要与一次性计算相同；恰好等于上限可以，多一个字节即拒绝")
  void copierTakesReadsOfAnySizeAndStopsAtTheLimit(@TempDir Path dir) throws Exception {
    byte[] bytes = new byte[3 * DigestingCopier.BUFFER + 12_345];
    new Random(7).nextBytes(bytes);
    DigestingCopier.Digests digests = DigestingCopier.copy(unevenReads(bytes), dir.resolve("a"), bytes.length);

    assertThat(Files.readAllBytes(dir.resolve("a"))).isEqualTo(bytes);
    assertThat(digests.size()).isEqualTo(bytes.length);
    assertThat(digests.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    assertThat(digests.sm3()).isEqualTo(bouncyCastle(bytes));
    assertThat(DigestingCopier.hash(dir.resolve("a"))).isEqualTo(digests);

    assertThatThrownBy(() -> DigestingCopier.copy(unevenReads(bytes), dir.resolve("b"), bytes.length - 1))
        .isInstanceOf(DigestingCopier.LimitExceeded.class);
    assertThatThrownBy(() -> DigestingCopier.copy(new ByteArrayInputStream(bytes), dir.resolve("c"), bytes.length - 1))
        .isInstanceOf(DigestingCopier.LimitExceeded.class);
  }

  /** A stream that hands out 1 byte to 200 kB per read, like a network stream. */
  private static InputStream unevenReads(byte[] bytes) {
    Random pieces = new Random(11);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, pieces.nextInt(3) == 0 ? 1 : 1 + pieces.nextInt(200_000)));
      }
    };
  }

  private static String sm3(Supplier<Sm3Digests.Sm3> implementation, byte[] bytes, int piece) {
    try (Sm3Digests.Sm3 sm3 = implementation.get()) {
      for (int at = 0; at < bytes.length; at += piece) {
        sm3.update(bytes, at, Math.min(piece, bytes.length - at));
      }
      return HexFormat.of().formatHex(sm3.digest());
    }
  }

  private static String bouncyCastle(byte[] bytes) {
    SM3Digest sm3 = new SM3Digest();
    sm3.update(bytes, 0, bytes.length);
    byte[] out = new byte[32];
    sm3.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }
}
