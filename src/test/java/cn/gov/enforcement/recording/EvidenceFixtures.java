package cn.gov.enforcement.recording;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Real media for the tests: WAV and JPEG made here, MP4 and MP3 made once with ffmpeg and committed
 * under evidence-test/ (each a few KB), so CI needs no ffmpeg. Nothing of Tika is mocked.
 */
public final class EvidenceFixtures {

  private EvidenceFixtures() {}

  /** The fixture named in a test table: {@code mp4}, {@code mp3}, {@code wav} (one second), {@code jpeg}, {@code pdf}, {@code exe}. */
  static byte[] sample(String kind) {
    return switch (kind) {
      case "mp4" -> mp4();
      case "mp3" -> mp3();
      case "wav" -> wav(1);
      case "jpeg" -> jpeg();
      case "pdf" -> pdf();
      case "exe" -> executable();
      default -> throw new IllegalArgumentException("no fixture " + kind);
    };
  }

  /**
   * The first {@code keep} bytes of {@code media}, where {@code keep} as a table writes it: {@code 40}
   * (bytes from the start), {@code -2} (all but the last two), {@code /3} (a third of the file).
   */
  static byte[] truncated(byte[] media, String keep) {
    int length = keep.startsWith("/") ? media.length / Integer.parseInt(keep.substring(1))
        : keep.startsWith("-") ? media.length + Integer.parseInt(keep) : Integer.parseInt(keep);
    return truncated(media, length);
  }

  /** Moves the engine's clock (and so every rule's "now") to {@code instant}. */
  public static void at(String instant) {
    ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(instant)));
  }

  /** Acts as {@code user} with the groups the identity service gives them, as the REST API would. */
  public static void authenticate(IdentityService identityService, String user) {
    identityService.setAuthentication(user, identityService.createGroupQuery().groupMember(user).list().stream()
        .map(Group::getId).toList());
  }

  /**
   * The append-only trigger's refusal, or — on PostgreSQL with the two roles of issue 11 — the missing
   * privilege, which the application's role meets before the trigger is reached.
   */
  public static void refusedByTheDatabase(Throwable e) {
    java.io.StringWriter trace = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(trace));
    org.assertj.core.api.Assertions.assertThat(trace.toString()).containsAnyOf("append-only", "permission denied");
  }

  static byte[] resource(String name) {
    try (InputStream in = EvidenceFixtures.class.getResourceAsStream("/evidence-test/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** 3 s 64x48 H.264/AAC, creation_time 2026-11-20T02:00:00Z. */
  public static byte[] mp4() {
    return resource("clip.mp4");
  }

  static byte[] mp3() {
    return resource("clip.mp3");
  }

  /** A valid PCM WAV of the given length (8 kHz mono 16 bit, a 440 Hz tone). */
  public static byte[] wav(double seconds) {
    int samples = (int) (8000 * seconds);
    ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
        .putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(samples * 2);
    for (int i = 0; i < samples; i++) {
      b.putShort((short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 8000));
    }
    return b.array();
  }

  /** A real tone written by the JDK's own audio writer ({@code javax.sound.sampled}): WAVE, AIFF or AU. */
  public static byte[] sampled(String container, double seconds) {
    javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(8000f, 16, 1, true,
        !"WAVE".equals(container));
    int frames = (int) (8000 * seconds);
    byte[] pcm = new byte[frames * 2];
    for (int i = 0; i < frames; i++) {
      short v = (short) (Math.sin(2 * Math.PI * 440 * i / 8000.0) * 8000);
      int hi = format.isBigEndian() ? 2 * i : 2 * i + 1;
      pcm[hi] = (byte) (v >> 8);
      pcm[format.isBigEndian() ? 2 * i + 1 : 2 * i] = (byte) v;
    }
    javax.sound.sampled.AudioFileFormat.Type type = switch (container) {
      case "AIFF" -> javax.sound.sampled.AudioFileFormat.Type.AIFF;
      case "AU" -> javax.sound.sampled.AudioFileFormat.Type.AU;
      default -> javax.sound.sampled.AudioFileFormat.Type.WAVE;
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
        new java.io.ByteArrayInputStream(pcm), format, frames)) {
      javax.sound.sampled.AudioSystem.write(in, type, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A Broadcast-Wave file: a {@code bext} chunk (EBU Tech 3285) with the device's local origination date and time. */
  public static byte[] broadcastWave(double seconds, String date, String time) {
    byte[] plain = sampled("WAVE", seconds);
    byte[] bext = new byte[602];
    System.arraycopy(date.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bext, 320, 10);
    System.arraycopy(time.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, bext, 330, 8);
    ByteBuffer b = ByteBuffer.allocate(plain.length + 8 + bext.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(plain, 0, 12).put("bext".getBytes()).putInt(bext.length).put(bext).put(plain, 12, plain.length - 12);
    b.putInt(4, b.capacity() - 8);
    return b.array();
  }

  public static byte[] jpeg() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.ORANGE);
    g.fillRect(8, 8, 40, 30);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "jpg", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\n"
        + "endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes();
  }

  /** The first 64 KB of a real ELF executable of this machine. */
  static byte[] executable() {
    try {
      byte[] all = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(ProcessHandle.current().info().command()
          .orElse("/bin/sh")));
      return Arrays.copyOf(all, Math.min(all.length, 64 * 1024));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] truncated(byte[] media, int keep) {
    return Arrays.copyOf(media, keep);
  }

  /** Fields of a valid upload (officer1 + officer2, an on-site inspection), to be changed per test. */
  static Map<String, String> fields(String startedAt, String endedAt) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("activity", "ONSITE_INSPECTION");
    fields.put("caseNumber", "云住建罚〔2026〕" + System.nanoTime());
    fields.put("deviceNumber", "DSJ-0042");
    fields.put("officers", "officer1,officer2");
    fields.put("partyName", "某某建筑公司");
    fields.put("startedAt", startedAt);
    fields.put("endedAt", endedAt);
    return fields;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  static ResponseEntity<Map> upload(TestRestTemplate rest, String user, Map<String, String> fields, byte[] content,
      String fileName) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    if (content != null) {
      HttpHeaders partHeaders = new HttpHeaders();
      // the client's type claim is deliberately wrong: the server must judge by content
      partHeaders.setContentType(MediaType.parseMediaType("video/mp4"));
      body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      }, partHeaders));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/recordings", HttpMethod.POST, new HttpEntity<>(body, headers),
        Map.class);
  }

  /** The upload's answer as the client receives it (text), for tests of the JSON itself. */
  static ResponseEntity<String> uploadAs(TestRestTemplate rest, String user, Map<String, String> fields, byte[] content) {
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    fields.forEach(body::add);
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return "clip";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.withBasicAuth(user, "demo").exchange("/api/recordings", HttpMethod.POST, new HttpEntity<>(body, headers),
        String.class);
  }

  /** Uploads and returns the new id (fails the test unless 201). */
  public static String uploadId(TestRestTemplate rest, String user, Map<String, String> fields, byte[] content) {
    ResponseEntity<Map> response = upload(rest, user, fields, content, "clip");
    if (response.getStatusCode().value() != 201) {
      throw new AssertionError("upload refused: " + response.getStatusCode() + " " + response.getBody());
    }
    return (String) response.getBody().get("id");
  }

  /** Fields of a recording that ended a minute before the engine's current time. */
  public static Map<String, String> justRecorded(String activity) {
    java.time.OffsetDateTime end = java.time.OffsetDateTime.ofInstant(
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().minusSeconds(60), java.time.ZoneOffset.ofHours(8))
        .withNano(0);
    Map<String, String> fields = fields(end.minusSeconds(3).toString(), end.toString());
    fields.put("activity", activity);
    return fields;
  }

  /**
   * Uploads {@code content} as officer1 for a case and activity through {@code POST /api/recordings},
   * recorded until a minute before the engine's time, and returns the new id: how a case gets
   * recordings (never a process variable).
   */
  public static String uploadFor(TestRestTemplate rest, String caseNumber, String activity, byte[] content) {
    Map<String, String> fields = justRecorded(activity);
    fields.put("caseNumber", caseNumber);
    return uploadId(rest, "officer1", fields, content);
  }
}
