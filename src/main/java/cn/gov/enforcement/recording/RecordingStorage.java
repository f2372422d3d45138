package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file side of the evidence store. Originals live in {@code originals/yyyy/MM/dd/<id>.<ext>}
 * (REC-09: findable by date; case, device and officers are in the database row), named by the
 * server-made id only — a client's file name never becomes a path. Uploads are written to
 * {@code partial/} first, so an interrupted upload is never mistaken for an original.
 *
 * <p>Commit protocol (restart safety): data in {@code partial/<id>.part} is fsynced; a marker
 * {@code partial/<id>.pending} names the target; the file is moved atomically into place and the
 * database row commits; then the marker goes. After a crash the startup sweep deletes every
 * {@code .part} and, for a marker whose row never committed, the moved original, so a recording is
 * either complete and acknowledged or absent.
 */
@Component
public class RecordingStorage {

  private static final Logger LOG = LoggerFactory.getLogger(RecordingStorage.class);
  static final String PART = ".part";
  static final String PENDING = ".pending";

  private final Path root;

  public RecordingStorage(RecordingProperties properties) {
    this.root = properties.storage().root().toAbsolutePath().normalize();
    try {
      Files.createDirectories(partialDir());
      Files.createDirectories(root.resolve("originals"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the recording storage under " + root, e);
    }
  }

  public Path root() {
    return root;
  }

  public Path partialDir() {
    return root.resolve("partial");
  }

  Path partialFile(String id) {
    return partialDir().resolve(id + PART);
  }

  /** {@code originals/2026/11/21/<id>.mp4}, relative to the root (stored in the row). */
  String targetFor(String id, LocalDate day, String extension) {
    return String.format("originals/%04d/%02d/%02d/%s%s", day.getYear(), day.getMonthValue(), day.getDayOfMonth(), id,
        extension);
  }

  public Path resolve(String relativePath) {
    Path path = root.resolve(relativePath).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalArgumentException("path outside the storage: " + relativePath);
    }
    return path;
  }

  void writeMarker(String id, String relativeTarget) throws IOException {
    Path marker = partialDir().resolve(id + PENDING);
    try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      channel.write(java.nio.ByteBuffer.wrap(relativeTarget.getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
    }
  }

  void deleteMarker(String id) {
    deleteQuietly(partialDir().resolve(id + PENDING));
  }

  /** Atomic rename into the dated folder, then read-only (ACC-01) and the directory entry made durable. */
  void moveIntoPlace(Path partial, String relativeTarget) throws IOException {
    Path target = resolve(relativeTarget);
    Files.createDirectories(target.getParent());
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("partial/ and originals/ must be on one file system for an atomic move", e);
    }
    makeReadOnly(target);
    fsyncDirectory(target.getParent());
  }

  static void makeReadOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setReadOnly();
    }
  }

  private static void fsyncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // some platforms cannot open a directory; the rename itself is still atomic
      LOG.debug("cannot fsync {}: {}", directory, e.getMessage());
    }
  }

  /** Removes the file of a disposed original (RET-06); its row and digests stay. */
  void delete(String relativePath) throws IOException {
    Files.deleteIfExists(resolve(relativePath));
  }

  /**
   * Startup sweep: removes every partial upload; for a marker whose recording row exists the upload
   * committed and only the marker is stale, otherwise the moved original is removed too.
   */
  public int sweep(Predicate<String> committed) {
    int removed = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(partialDir())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.endsWith(PENDING)) {
          String id = name.substring(0, name.length() - PENDING.length());
          if (!committed.test(id)) {
            String target = Files.readString(entry, StandardCharsets.UTF_8).trim();
            if (Files.deleteIfExists(resolve(target))) {
              LOG.warn("removed original {} of an upload that never committed", target);
              removed++;
            }
          }
          deleteQuietly(entry);
        } else if (name.endsWith(PART)) {
          deleteQuietly(entry);
          LOG.warn("removed partial upload {}", name);
          removed++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sweep " + partialDir(), e);
    }
    return removed;
  }

  static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", path, e.getMessage());
    }
  }
}
