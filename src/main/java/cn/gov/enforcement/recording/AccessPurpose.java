package cn.gov.enforcement.recording;

import cn.gov.enforcement.identity.BureauGroup;

/**
 * Why recordings are requested, and who decides (ACC-03..ACC-05): internal viewing by the section
 * head; public use and police, procuratorate or court by the principal leader (director); material
 * for administrative review or litigation through the legal unit, which keeps a copy; a party's
 * copy with the consent of the head of the bureau (the director), confidential recordings left out.
 */
public enum AccessPurpose {
  INTERNAL(BureauGroup.SECTION_HEAD),
  PUBLIC_USE(BureauGroup.DIRECTOR),
  POLICE(BureauGroup.DIRECTOR),
  PROCURATORATE(BureauGroup.DIRECTOR),
  COURT(BureauGroup.DIRECTOR),
  REVIEW_OR_LITIGATION(BureauGroup.LEGAL_AFFAIRS),
  /** ACC-05 (revised): 行政机关负责人 — the head of the bureau, not the section head (issue 14 item 6). */
  PARTY_COPY(BureauGroup.DIRECTOR);

  private final BureauGroup approver;

  AccessPurpose(BureauGroup approver) {
    this.approver = approver;
  }

  /** ACC-06: confidential material raises internal viewing to the director; the legal unit keeps its route. */
  public BureauGroup approver(boolean confidentialIncluded) {
    if (confidentialIncluded && approver == BureauGroup.SECTION_HEAD) {
      return BureauGroup.DIRECTOR;
    }
    return approver;
  }
}
