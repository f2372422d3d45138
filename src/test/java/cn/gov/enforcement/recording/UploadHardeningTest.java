package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11 item 7 on the evidence API: hostile file names and field values are a clear 400 (never a
 * 500), polyglots are refused (415), and auxiliary staff see only the recordings they uploaded or
 * those of the cases they assist on (AUX-03, ACC-06).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@SuppressWarnings("rawtypes")
class UploadHardeningTest {

  @Autowired TestRestTemplate rest;
  @Autowired JdbcTemplate jdbc;
  @Autowired RecordingStorage storage;

  @ParameterizedTest(name = "file name with {0}")
  @ValueSource(strings = {"CR", "LF", "CRLF", "NUL", "TAB"})
  @DisplayName("REC-09 文件名含回车、换行、NUL 等控制字符：400（中英文说明），不留文件也不留记录")
  void fileNamesWithControlCharactersAreRefused(String character) {
    String c = switch (character) {
      case "CR" -> "\r";
      case "LF" -> "\n";
      case "CRLF" -> "\r\n";
      case "NUL" -> "\0";
      default -> "\t";
    };
    StorageState before = StorageState.of(jdbc, storage);
    ResponseEntity<Map> response = rawUpload("clip" + c + "evil.wav", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(0.2));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("error")).isIn("INVALID_FIELD", "UPLOAD_INCOMPLETE");
    assertThat((String) response.getBody().get("message")).contains(" / ");
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} of {1} characters")
  @CsvSource({"partyName, 5000", "partyName, 257", "caseNumber, 129", "deviceNumber, 5000", "confidentialityReason, 1001",
      "evidenceDescription, 4001"})
  @DisplayName("REC-08 超长字段（如 5000 字的当事人名称）：400 INVALID_FIELD 并说明上限，不留任何东西")
  void overlongFieldsAreRefused(String field, int length) {
    StorageState before = StorageState.of(jdbc, storage);
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put(field, "某".repeat(length));
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(0.2), "a.wav");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("error", "INVALID_FIELD");
    assertThat((String) response.getBody().get("message")).contains(field).contains("characters").contains("字符");
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0} with {1}")
  @CsvSource({"partyName, NUL", "partyName, LF", "caseNumber, CR", "evidenceDescription, NUL"})
  @DisplayName("REC-08 字段含 NUL 或单行字段含换行：400 INVALID_FIELD")
  void controlCharactersInFieldsAreRefused(String field, String character) {
    Map<String, String> fields = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    fields.put(field, "某某" + ("NUL".equals(character) ? "\0" : "LF".equals(character) ? "\n" : "\r") + "公司");
    ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1", fields, EvidenceFixtures.wav(0.2), "a.wav");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).containsEntry("error", "INVALID_FIELD");
  }

  @Test
  @DisplayName("ACC-01 多重格式文件（GIF89a<script>、WAV 后附 PDF、JPEG 后附 PDF）拒绝 415，不留任何东西；正常 GIF 入库")
  void polyglotsAreRefused() throws Exception {
    StorageState before = StorageState.of(jdbc, storage);
    byte[] gifScript = "GIF89a<script>alert(document.cookie)</script>".getBytes(StandardCharsets.ISO_8859_1);
    byte[] wavPdf = concat(EvidenceFixtures.wav(0.2), EvidenceFixtures.pdf());
    byte[] jpegPdf = concat(EvidenceFixtures.jpeg(), EvidenceFixtures.pdf());
    byte[] gifPdf = concat(gif(), EvidenceFixtures.pdf());
    for (byte[] polyglot : List.of(gifScript, wavPdf, jpegPdf, gifPdf)) {
      ResponseEntity<Map> response = EvidenceFixtures.upload(rest, "officer1",
          EvidenceFixtures.justRecorded("ONSITE_INSPECTION"), polyglot, "x.bin");
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
      assertThat(response.getBody()).containsEntry("error", "POLYGLOT_FILE");
      assertThat((String) response.getBody().get("message")).contains(" / ");
    }
    assertThat(StorageState.of(jdbc, storage)).isEqualTo(before);
    ResponseEntity<Map> gif = EvidenceFixtures.upload(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        gif(), "photo.gif");
    assertThat(gif.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(gif.getBody()).containsEntry("mediaType", "image/gif");
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("AUX-03 ACC-06 辅助人员只看到自己上传的、或其协助的案件的音像记录；其他记录不列出、查看为 404")
  void auxiliaryStaffSeeOnlyTheirOwnAndAssistedRecordings() {
    Map<String, String> others = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    String foreign = EvidenceFixtures.uploadId(rest, "officer1", others, EvidenceFixtures.wav(0.2));
    Map<String, String> mine = EvidenceFixtures.justRecorded("ONSITE_INSPECTION");
    String own = EvidenceFixtures.uploadId(rest, "aux1", mine, EvidenceFixtures.wav(0.2));

    ResponseEntity<List> all = rest.withBasicAuth("aux1", "demo").getForEntity("/api/recordings", List.class);
    assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
    List<Object> ids = ((List<Map>) all.getBody()).stream().map(m -> m.get("id")).toList();
    assertThat(ids).contains(own).doesNotContain(foreign);
    assertThat(rest.withBasicAuth("aux1", "demo").getForEntity("/api/recordings?caseNumber={c}", List.class,
        others.get("caseNumber")).getBody()).isEmpty();
    assertThat(rest.withBasicAuth("aux1", "demo").getForEntity("/api/recordings/" + foreign, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.withBasicAuth("aux1", "demo").getForEntity("/api/recordings/" + own, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    // an officer still sees both
    List<Object> officerIds = ((List<Map>) rest.withBasicAuth("officer2", "demo").getForEntity("/api/recordings", List.class)
        .getBody()).stream().map(m -> m.get("id")).toList();
    assertThat(officerIds).contains(own, foreign);
  }

  private static byte[] gif() throws Exception {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_BYTE_INDEXED);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "gif", out);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  /** A multipart body written byte by byte, so the file name reaches the server exactly as given. */
  private ResponseEntity<Map> rawUpload(String fileName, Map<String, String> fields, byte[] content) {
    String boundary = "----hardening" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
        + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: audio/wav\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary));
    return rest.withBasicAuth("officer1", "demo").exchange("/api/recordings", HttpMethod.POST,
        new HttpEntity<>(body.toByteArray(), headers), Map.class);
  }
}
