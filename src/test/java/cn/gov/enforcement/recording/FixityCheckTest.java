package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** ACC-02: the scheduled fixity check finds a corrupted original and raises a Cockpit-visible incident. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FixityCheckTest {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired FixityCheck fixityCheck;
  @Autowired RecordingStorage storage;
  @Autowired JdbcTemplate jdbc;


  @Test
  @DisplayName("ACC-02 完好的原始文件复核通过，不产生事件")
  void intactOriginalPasses() {
    String id = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.mp3());
    assertThat(fixityCheck.check(id)).isEmpty();
    assertThat(runtimeService.createIncidentQuery().configuration(id).count()).isZero();
  }

  @Test
  @DisplayName("ACC-02 篡改存储的原始文件后，定期复核发现摘要不符并产生 Cockpit 可见的 incident（不重复产生）")
  void corruptedOriginalRaisesAnIncident() throws Exception {
    String id = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.wav(1));
    Path file = storage.resolve(jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, id));
    // someone with file-system access flips bytes in the middle of the original
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
      channel.position(100);
      channel.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4}));
    }

    FixityCheck.Report report = fixityCheck.checkAll();
    assertThat(report.failed()).contains(id);

    Incident incident = runtimeService.createIncidentQuery().incidentType(IntegrityIncidents.INCIDENT_TYPE)
        .configuration(id).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("digest mismatch");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
        .singleResult();
    assertThat(instance.getBusinessKey()).isEqualTo(id);
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
        .isWaitingAt(IntegrityIncidents.TASK);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recording_event WHERE recording_id = ? AND kind = 'FIXITY_MISMATCH'",
        Integer.class, id)).isEqualTo(1);

    // the next cycle records the finding again but raises no second incident
    fixityCheck.check(id);
    assertThat(runtimeService.createIncidentQuery().configuration(id).count()).isEqualTo(1);

    // and the corrupted original is not handed out, even to its uploader
    ResponseEntity<Map> download = rest.withBasicAuth("officer1", "demo").getForEntity("/api/recordings/" + id + "/content",
        Map.class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(download.getBody()).containsEntry("error", "INTEGRITY_FAILURE");
  }

  @Test
  @DisplayName("ACC-02 原始文件缺失同样产生 incident")
  void missingOriginalRaisesAnIncident() throws Exception {
    String id = EvidenceFixtures.uploadId(rest, "officer1", EvidenceFixtures.justRecorded("ONSITE_INSPECTION"),
        EvidenceFixtures.jpeg());
    Files.delete(storage.resolve(jdbc.queryForObject("SELECT storage_path FROM recording WHERE id = ?", String.class, id)));
    assertThat(fixityCheck.check(id)).hasValueSatisfying(p -> assertThat(p).contains("missing"));
    assertThat(runtimeService.createIncidentQuery().incidentType(IntegrityIncidents.INCIDENT_TYPE).configuration(id).count())
        .isEqualTo(1);
  }
}
