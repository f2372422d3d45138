package cn.gov.enforcement.audit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The chain's head kept outside the database: after each commit the newest seq and hash are written
 * to {@code audit-anchor-<chainId>.txt} in {@code audit.anchor-dir} (default: the recordings store).
 * Someone who cuts off the newest audit rows and rewinds {@code audit_head} in the database (a
 * superuser, a restore of an old backup) still leaves this file ahead of the chain, which verify
 * reports. The file only ever moves forward; writers on several nodes sharing the store take a file
 * lock. A failure to write it is logged and does not undo the committed request (the next append
 * writes it again).
 */
@Component
public class AuditAnchor {

  private static final Logger LOG = LoggerFactory.getLogger(AuditAnchor.class);

  /** What the file says: the chain had reached {@code seq} with {@code hash}. */
  public record Anchor(long seq, String hash) {}

  private final Path directory;

  public AuditAnchor(@Value("${audit.anchor-dir:${recording.storage.root:./data/recordings}}") String directory) {
    this.directory = Path.of(directory);
  }

  Path file(String chainId) {
    return directory.resolve("audit-anchor-" + chainId + ".txt");
  }

  public synchronized void advance(String chainId, long seq, String hash) {
    try {
      Files.createDirectories(directory);
      try (FileChannel lockChannel = FileChannel.open(directory.resolve("audit-anchor.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockChannel.lock()) {
        Optional<Anchor> current = read(chainId);
        if (current.isPresent() && current.get().seq() >= seq) {
          return;
        }
        Path temp = directory.resolve("audit-anchor-" + chainId + ".tmp");
        Files.writeString(temp, seq + " " + hash + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file(chainId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the audit anchor for seq {}: {}", seq, e.toString());
    }
  }

  public Optional<Anchor> read(String chainId) {
    Path file = file(chainId);
    try {
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
      return Optional.of(new Anchor(Long.parseLong(parts[0]), parts[1]));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("the audit anchor " + file + " cannot be read / 审计锚点文件无法读取", e);
    }
  }
}
