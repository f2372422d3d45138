package cn.gov.enforcement.identity;

import java.util.Arrays;
import java.util.Optional;

/** The bureau's groups (contract.md, "Identities"): the id is what models name in candidateGroups. */
public enum BureauGroup {
  DIRECTOR("director", "局长"),
  DEPUTY_DIRECTOR("deputy-director", "分管副局长"),
  LEGAL_AFFAIRS("legal-affairs", "法规科(法制机构)"),
  SECTION_HEAD("section-head", "科室负责人"),
  ENFORCEMENT_OFFICER("enforcement-officer", "执法人员"),
  AUXILIARY_STAFF("auxiliary-staff", "执法辅助人员"),
  RECORDS_OFFICE("records-office", "办公室(档案)"),
  RULE_OWNER("rule-owner", "规则维护"),
  SUPERVISOR("supervisor", "督察"),
  EXPERT("expert", "专家"),
  CAMUNDA_ADMIN("camunda-admin", "系统管理员");

  private final String id;
  private final String chineseName;

  BureauGroup(String id, String chineseName) {
    this.id = id;
    this.chineseName = chineseName;
  }

  public String id() {
    return id;
  }

  public String chineseName() {
    return chineseName;
  }

  public static Optional<BureauGroup> byId(String id) {
    return Arrays.stream(values()).filter(g -> g.id.equals(id)).findFirst();
  }

  /** Staff groups work in Tasklist; camunda-admin is set up by the starter with every permission. */
  public boolean isStaff() {
    return this != CAMUNDA_ADMIN;
  }
}
