package cn.gov.enforcement.portal;

import java.util.regex.Pattern;

/**
 * PUB-07, PUB-03: a natural person's name is shown as the family name and 某 (张三 → 张某); identity
 * numbers (18 or 15 digits, a final X allowed) and mobile numbers never leave the server, even when
 * somebody typed them into a published text. Applied when a result is written to the portal, so no
 * later reader can get the unmasked text from it.
 */
final class PortalMasking {

  static final String NATURAL_PERSON = "NATURAL_PERSON";

  private static final Pattern IDENTITY_NUMBER = Pattern.compile("(?<![0-9])([0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");
  private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

  /** Two-character family names: 欧阳明 is 欧阳某, not 欧某 (which would name another family). */
  private static final java.util.Set<String> COMPOUND_SURNAMES = java.util.Set.of("欧阳", "司马", "上官", "诸葛", "东方",
      "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "司徒", "申屠",
      "澹台", "公冶", "呼延", "赫连", "百里", "钟离", "闻人", "太史", "万俟", "拓跋");

  private PortalMasking() {}

  /** The party as published: a natural person's name masked, a legal person's name as it is. */
  static String party(String name, String partyType) {
    String trimmed = name == null ? "" : name.trim();
    if (!NATURAL_PERSON.equals(partyType) || trimmed.isEmpty()) {
      return trimmed;
    }
    int family = trimmed.codePointCount(0, trimmed.length()) > 2 && COMPOUND_SURNAMES.contains(trimmed.substring(0, 2)) ? 2 : 1;
    return trimmed.codePoints().limit(family).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "某";
  }

  /** A published text: the natural person's full name replaced by the masked one, numbers removed. */
  static String text(String value, String partyName, String partyType) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (NATURAL_PERSON.equals(partyType) && partyName != null && partyName.trim().length() > 1) {
      text = text.replace(partyName.trim(), party(partyName, partyType));
    }
    text = IDENTITY_NUMBER.matcher(text).replaceAll("[身份证号码不予公开]");
    return MOBILE.matcher(text).replaceAll("[电话号码不予公开]");
  }
}
