package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Truncated uploads are found by their container structure; complete files pass. */
class CompletenessCheckTest {

  @TempDir Path dir;
  private final CompletenessCheck check = new CompletenessCheck();
  private final MediaTypeDetector detector = new MediaTypeDetector();

  private java.util.Optional<String> problem(byte[] bytes) throws Exception {
    Path file = Files.createTempFile(dir, "x", ".part");
    Files.write(file, bytes);
    MediaType type = detector.detect(file);
    return check.problem(file, type);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mp4", "mp3", "wav", "jpeg"})
  @DisplayName("ACC-01 完整的 MP4、MP3、WAV、JPEG 通过完整性检查")
  void completeFilesPass(String kind) throws Exception {
    assertThat(problem(EvidenceFixtures.sample(kind))).isEmpty();
  }

  @ParameterizedTest(name = "{0} cut at {1}")
  @CsvSource({"mp4, 40", "mp4, 1000", "mp4, /2", "mp4, -1", "mp3, /3", "mp3, -7", "wav, -2", "jpeg, -2"})
  @DisplayName("ACC-01 在任意位置截断的 MP4、MP3、WAV、JPEG 均被识别")
  void truncationsAreFound(String kind, String keep) throws Exception {
    assertThat(problem(EvidenceFixtures.truncated(EvidenceFixtures.sample(kind), keep))).isPresent();
  }
}
