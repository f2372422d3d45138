package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/** What is stored right now: rows and files, to prove that a refusal leaves nothing behind. */
record StorageState(long rows, long originals, long partials) {

  static StorageState of(JdbcTemplate jdbc, RecordingStorage storage) {
    return new StorageState(jdbc.queryForObject("SELECT COUNT(*) FROM recording", Long.class),
        count(storage.root().resolve("originals")), count(storage.partialDir()));
  }

  private static long count(Path folder) {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
