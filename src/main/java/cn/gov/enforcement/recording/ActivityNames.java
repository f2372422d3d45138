package cn.gov.enforcement.recording;

import cn.gov.enforcement.activities.EnforcementActivity;

/** The Chinese names of the contract's activities ({@link EnforcementActivity}), for labels staff read. */
public final class ActivityNames {

  private ActivityNames() {}

  public static String of(String activity) {
    return EnforcementActivity.chineseNameOf(activity);
  }
}
