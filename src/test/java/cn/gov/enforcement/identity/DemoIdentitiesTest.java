package cn.gov.enforcement.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The groups and demo users of contract.md, as the demo profile creates them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoIdentitiesTest {

  @Autowired IdentityService identityService;
  @Autowired CertifiedOfficers certifiedOfficers;

  @Test
  @DisplayName("合同中的全部用户组均已创建，名称为中文 / every group of the contract exists with its Chinese name")
  void groupsOfTheContract() {
    for (BureauGroup bureauGroup : BureauGroup.values()) {
      Group group = identityService.createGroupQuery().groupId(bureauGroup.id()).singleResult();
      assertThat(group).as(bureauGroup.id()).isNotNull();
      if (bureauGroup.isStaff()) {
        assertThat(group.getName()).isEqualTo(bureauGroup.chineseName());
      }
    }
  }

  @Test
  @DisplayName("演示用户及其所属用户组 / the demo users and their groups")
  void demoUsersAndGroups() {
    Map<String, String> expected = Map.ofEntries(
        Map.entry("director1", "director"), Map.entry("deputy1", "deputy-director"), Map.entry("legal1", "legal-affairs"),
        Map.entry("head1", "section-head"), Map.entry("officer1", "enforcement-officer"),
        Map.entry("officer2", "enforcement-officer"), Map.entry("aux1", "auxiliary-staff"),
        Map.entry("records1", "records-office"), Map.entry("rules1", "rule-owner"), Map.entry("supervisor1", "supervisor"),
        Map.entry("expert1", "expert"), Map.entry("expert2", "expert"), Map.entry("expert3", "expert"),
        Map.entry("admin", "camunda-admin"));
    expected.forEach((user, group) -> {
      assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count()).as(user + " in " + group).isEqualTo(1);
      assertThat(identityService.checkPassword(user, "demo")).as(user + " password").isTrue();
    });
  }

  @Test
  @DisplayName("AUX-01 执法人员持证，辅助人员不算持证执法人员 / officers are certified, auxiliary staff never")
  void certifiedOfficers() {
    assertThat(certifiedOfficers.certificateNumber("officer1")).contains("33112300005");
    assertThat(certifiedOfficers.isCertified("officer1")).isTrue();
    assertThat(certifiedOfficers.isCertified("officer2")).isTrue();
    assertThat(certifiedOfficers.isCertified("aux1")).isFalse();
    assertThat(certifiedOfficers.isCertified("records1")).isFalse();
    assertThat(certifiedOfficers.isCertified("nobody")).isFalse();
    // a certificate wrongly given to an auxiliary does not make them an officer
    certifiedOfficers.certify("aux1", "99999999999");
    try {
      assertThat(certifiedOfficers.isCertified("aux1")).isFalse();
    } finally {
      identityService.deleteUserInfo("aux1", CertifiedOfficers.CERTIFICATE_KEY);
    }
  }
}
