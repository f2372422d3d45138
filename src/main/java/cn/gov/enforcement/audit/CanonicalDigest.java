package cn.gov.enforcement.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one unambiguous encoding every digest of the evidence service is computed over (docs/evidence.md
 * "Hash input"): each field is written as its length in UTF-8 bytes in decimal, a colon and the bytes;
 * a null field as {@code -1:}. No field can run into the next, whatever characters it holds — unlike
 * the '|'-joined text of format 1, where {@code a|b} + {@code c} and {@code a} + {@code b|c} collide.
 */
public final class CanonicalDigest {

  private final MessageDigest sha256;

  private CanonicalDigest() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static CanonicalDigest start() {
    return new CanonicalDigest();
  }

  public CanonicalDigest field(String value) {
    if (value == null) {
      sha256.update("-1:".getBytes(StandardCharsets.US_ASCII));
      return this;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
    sha256.update(bytes);
    return this;
  }

  public CanonicalDigest field(long value) {
    return field(Long.toString(value));
  }

  public String hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
