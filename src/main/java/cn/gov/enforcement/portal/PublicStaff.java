package cn.gov.enforcement.portal;

import cn.gov.enforcement.identity.AuxiliaryStaffRegister;
import cn.gov.enforcement.identity.BureauGroup;
import cn.gov.enforcement.identity.CertifiedOfficers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The public staff lists, read from the identity store at each request, so they are current as
 * people join and leave (AUX-05): enforcement officers with their certificate numbers (PUB-06,
 * {@link CertifiedOfficers}: auxiliary staff hold none) and auxiliary staff with post, work card
 * and the officer or unit they assist ({@link AuxiliaryStaffRegister}). Only these fields: no user
 * ids, e-mail addresses or groups.
 */
@Component
public class PublicStaff {

  public record Officer(String name, String certificateNumber) {}

  public record Auxiliary(String name, String post, String workCardNumber, String assists) {}

  private final IdentityService identityService;
  private final CertifiedOfficers certifiedOfficers;
  private final AuxiliaryStaffRegister auxiliaryRegister;

  public PublicStaff(IdentityService identityService, CertifiedOfficers certifiedOfficers, AuxiliaryStaffRegister auxiliaryRegister) {
    this.identityService = identityService;
    this.certifiedOfficers = certifiedOfficers;
    this.auxiliaryRegister = auxiliaryRegister;
  }

  public List<Officer> officers(String query) {
    Set<String> auxiliaries = auxiliaryIds();
    List<Officer> officers = new ArrayList<>();
    for (User user : identityService.createUserQuery().orderByUserId().asc().list()) {
      if (auxiliaries.contains(user.getId())) {
        continue;
      }
      certifiedOfficers.certificateNumber(user.getId())
          .ifPresent(number -> officers.add(new Officer(name(user), number)));
    }
    return officers.stream().filter(o -> matches(query, o.name(), o.certificateNumber()))
        .sorted(Comparator.comparing(Officer::certificateNumber)).toList();
  }

  public List<Auxiliary> auxiliaries(String query) {
    List<Auxiliary> list = new ArrayList<>();
    for (User user : identityService.createUserQuery().memberOfGroup(BureauGroup.AUXILIARY_STAFF.id()).orderByUserId().asc().list()) {
      Map<String, String> entries = auxiliaryRegister.entries(user.getId());
      String assists = entries.getOrDefault(AuxiliaryStaffRegister.ASSISTED_UNIT_KEY, "");
      String officerId = entries.get(AuxiliaryStaffRegister.ASSISTED_OFFICER_KEY);
      if (officerId != null) {
        User officer = identityService.createUserQuery().userId(officerId).singleResult();
        if (officer != null) {
          assists = (assists.isEmpty() ? "" : assists + " ") + name(officer)
              + certifiedOfficers.certificateNumber(officerId).map(n -> "（执法证号 " + n + "）").orElse("");
        }
      }
      list.add(new Auxiliary(name(user), entries.getOrDefault(AuxiliaryStaffRegister.POST_KEY, ""),
          entries.getOrDefault(AuxiliaryStaffRegister.WORK_CARD_KEY, ""), assists));
    }
    return list.stream().filter(a -> matches(query, a.name(), a.workCardNumber())).toList();
  }

  private Set<String> auxiliaryIds() {
    return identityService.createUserQuery().memberOfGroup(BureauGroup.AUXILIARY_STAFF.id()).list().stream()
        .map(User::getId).collect(Collectors.toSet());
  }

  private static String name(User user) {
    String first = user.getFirstName() == null ? "" : user.getFirstName().trim();
    String last = user.getLastName() == null ? "" : user.getLastName().trim();
    return first + last;
  }

  private static boolean matches(String query, String... values) {
    if (query == null || query.isBlank()) {
      return true;
    }
    for (String value : values) {
      if (value != null && value.contains(query.trim())) {
        return true;
      }
    }
    return false;
  }
}
