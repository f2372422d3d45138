package cn.gov.enforcement.identity;

import static cn.gov.enforcement.identity.BureauGroup.*;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo users of contract.md, password {@code demo}; only in the demo profile. */
@Component
@Profile("demo")
public class DemoData {

  public static final String PASSWORD = "demo";

  /** Tasklist shows "firstName lastName", so the family name goes first, as in 王 局长. */
  record DemoUser(String id, String firstName, String lastName, BureauGroup group, String certificate) {}

  static final List<DemoUser> USERS = List.of(
      new DemoUser("director1", "王", "局长", DIRECTOR, "33112300001"),
      new DemoUser("deputy1", "李", "副局长", DEPUTY_DIRECTOR, "33112300002"),
      new DemoUser("legal1", "赵", "法制员", LEGAL_AFFAIRS, "33112300003"),
      new DemoUser("head1", "陈", "科长", SECTION_HEAD, "33112300004"),
      new DemoUser("officer1", "张", "执法员", ENFORCEMENT_OFFICER, "33112300005"),
      new DemoUser("officer2", "刘", "执法员", ENFORCEMENT_OFFICER, "33112300006"),
      new DemoUser("aux1", "周", "协管员", AUXILIARY_STAFF, null),
      new DemoUser("records1", "吴", "档案员", RECORDS_OFFICE, null),
      new DemoUser("rules1", "郑", "规则员", RULE_OWNER, null),
      new DemoUser("supervisor1", "孙", "督察员", SUPERVISOR, null),
      new DemoUser("expert1", "钱", "专家一", EXPERT, null),
      new DemoUser("expert2", "冯", "专家二", EXPERT, null),
      new DemoUser("expert3", "褚", "专家三", EXPERT, null));

  private final IdentityService identityService;
  private final CertifiedOfficers certifiedOfficers;
  private final AuxiliaryStaffRegister auxiliaryStaff;

  public DemoData(IdentityService identityService, CertifiedOfficers certifiedOfficers, AuxiliaryStaffRegister auxiliaryStaff) {
    this.identityService = identityService;
    this.certifiedOfficers = certifiedOfficers;
    this.auxiliaryStaff = auxiliaryStaff;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(10)
  public void apply() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() > 0) {
        continue;
      }
      User user = identityService.newUser(demo.id());
      user.setFirstName(demo.firstName());
      user.setLastName(demo.lastName());
      user.setEmail(demo.id() + "@bureau.example");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      identityService.createMembership(demo.id(), demo.group().id());
      if (demo.certificate() != null) {
        certifiedOfficers.certify(demo.id(), demo.certificate());
      }
    }
    // AUX-05: the public list shows post, work card and the officer assisted
    if (identityService.getUserInfo("aux1", AuxiliaryStaffRegister.WORK_CARD_KEY) == null) {
      auxiliaryStaff.register("aux1", "执法辅助（案件受理、热线记录）", "YXFZ-2026-001", "officer1", "执法一中队");
    }
  }
}
