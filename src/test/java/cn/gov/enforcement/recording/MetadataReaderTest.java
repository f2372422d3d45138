package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xml.sax.ContentHandler;

/**
 * Metadata within bounds. Real media go through the real Tika parsers; only the cut-off paths use a
 * parser that misbehaves on purpose (hangs ignoring interrupts, runs out of memory), since no
 * harmless file reliably makes a real parser hang.
 */
class MetadataReaderTest {

  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  @DisplayName("REC-05 Tika 从 MP4 读出时长与创建时间，从 MP3 读出时长")
  void realMediaIsParsed() throws Exception {
    MetadataReader reader = new MetadataReader(new AutoDetectParser(), Duration.ofSeconds(20), 2, 100_000);
    MediaMetadata mp4 = reader.read(write("a.part", EvidenceFixtures.mp4()), MediaType.parse("video/mp4"));
    assertThat(mp4.parsed()).isTrue();
    assertThat(mp4.durationSeconds()).isBetween(2.9, 3.1);
    assertThat(mp4.createdAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
    MediaMetadata mp3 = reader.read(write("b.part", EvidenceFixtures.mp3()), MediaType.parse("audio/mpeg"));
    assertThat(mp3.parsed()).isTrue();
    assertThat(mp3.durationSeconds()).isPositive();
    reader.destroy();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"WAVE, audio/vnd.wave", "AIFF, audio/x-aiff", "AU, audio/basic"})
  @DisplayName("REC-05 REC-09 Tika 未给出时长的音频容器（WAV、AIFF、AU）由文件头读出时长")
  void audioContainersGetTheirDuration(String container, String detected) throws Exception {
    MetadataReader reader = new MetadataReader(new AutoDetectParser(), Duration.ofSeconds(20), 2, 100_000);
    MediaMetadata media = reader.read(write("g.part", EvidenceFixtures.sampled(container, 20)), MediaType.parse(detected));
    assertThat(media.parsed()).isTrue();
    assertThat(media.durationSeconds()).isBetween(19.99, 20.01);
    reader.destroy();
  }

  @Test
  @DisplayName("REC-05 WAV 的创建时间取自广播 WAV（bext）的起录日期时间，按北京时间解释")
  void broadcastWaveCarriesItsCreationTime() throws Exception {
    MetadataReader reader = new MetadataReader(new AutoDetectParser(), Duration.ofSeconds(20), 2, 100_000);
    MediaMetadata media = reader.read(write("h.part", EvidenceFixtures.broadcastWave(5, "2026-11-20", "10:00:00")),
        MediaType.parse("audio/vnd.wave"));
    assertThat(media.durationSeconds()).isBetween(4.99, 5.01);
    assertThat(media.createdAt()).isEqualTo(Instant.parse("2026-11-20T02:00:00Z"));
    // a plain WAV has no creation time: it stays unknown rather than guessed
    assertThat(reader.read(write("i.part", EvidenceFixtures.wav(1)), MediaType.parse("audio/vnd.wave")).createdAt()).isNull();
    reader.destroy();
  }

  @Test
  @DisplayName("REC-05 解析挂起（且不响应中断）时按时限切断，记录为未解析而不丢失")
  void hangingParseIsCutOff() throws Exception {
    CountDownLatch released = new CountDownLatch(1);
    Parser hanging = new MisbehavingParser(() -> {
      while (released.getCount() > 0) {
        try {
          released.await();
        } catch (InterruptedException ignored) {
          // a parser that ignores interruption: the reader must still return on time
        }
      }
    });
    MetadataReader reader = new MetadataReader(hanging, Duration.ofMillis(300), 1, 1000);
    try {
      long start = System.nanoTime();
      MediaMetadata result = reader.read(write("c.part", EvidenceFixtures.wav(1)), MediaType.parse("audio/vnd.wave"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(result.parsed()).isFalse();
      assertThat(result.status()).isEqualTo("UNPARSED");
      assertThat(result.problem()).contains("cut off");
      // the runaway still holds the only slot: the next file is stored unparsed, not queued forever
      assertThat(reader.read(write("d.part", EvidenceFixtures.wav(1)), MediaType.parse("audio/vnd.wave")).problem())
          .contains("busy");
    } finally {
      // let the runaway end, so no parser thread outlives the test
      released.countDown();
      reader.destroy();
    }
  }

  @Test
  @DisplayName("REC-05 解析耗尽内存或抛出异常时只结束该次解析，记录为未解析")
  void explodingParseIsContained() throws Exception {
    MetadataReader oom = new MetadataReader(new MisbehavingParser(() -> {
      throw new OutOfMemoryError("simulated parser blow-up");
    }), Duration.ofSeconds(5), 1, 1000);
    assertThat(oom.read(write("e.part", EvidenceFixtures.wav(1)), MediaType.parse("audio/vnd.wave")).problem())
        .contains("OutOfMemoryError");
    MetadataReader failing = new MetadataReader(new MisbehavingParser(() -> {
      throw new IllegalStateException("corrupt header");
    }), Duration.ofSeconds(5), 1, 1000);
    assertThat(failing.read(write("f.part", EvidenceFixtures.wav(1)), MediaType.parse("audio/vnd.wave")).parsed()).isFalse();
    oom.destroy();
    failing.destroy();
  }

  /** A Tika {@link Parser} that does what it is told instead of parsing. */
  private record MisbehavingParser(Runnable behaviour) implements Parser {
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
      return Set.of(MediaType.parse("audio/vnd.wave"));
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
      behaviour.run();
    }
  }
}
