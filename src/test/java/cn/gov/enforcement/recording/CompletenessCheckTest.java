package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
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

  @Test
  @DisplayName("ACC-01 完整的 MP4、MP3、WAV、JPEG 通过完整性检查")
  void completeFilesPass() throws Exception {
    assertThat(problem(EvidenceFixtures.mp4())).isEmpty();
    assertThat(problem(EvidenceFixtures.mp3())).isEmpty();
    assertThat(problem(EvidenceFixtures.wav(1))).isEmpty();
    assertThat(problem(EvidenceFixtures.jpeg())).isEmpty();
  }

  @Test
  @DisplayName("ACC-01 在任意位置截断的 MP4、MP3、WAV、JPEG 均被识别")
  void truncationsAreFound() throws Exception {
    byte[] mp4 = EvidenceFixtures.mp4();
    for (int keep : new int[] {40, 1000, mp4.length / 2, mp4.length - 1}) {
      assertThat(problem(EvidenceFixtures.truncated(mp4, keep))).as("mp4 cut at " + keep).isPresent();
    }
    byte[] mp3 = EvidenceFixtures.mp3();
    for (int keep : new int[] {mp3.length / 3, mp3.length - 7}) {
      assertThat(problem(EvidenceFixtures.truncated(mp3, keep))).as("mp3 cut at " + keep).isPresent();
    }
    byte[] wav = EvidenceFixtures.wav(1);
    assertThat(problem(EvidenceFixtures.truncated(wav, wav.length - 2))).isPresent();
    byte[] jpeg = EvidenceFixtures.jpeg();
    assertThat(problem(EvidenceFixtures.truncated(jpeg, jpeg.length - 2))).isPresent();
  }
}
