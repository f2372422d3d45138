package cn.gov.enforcement.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortalMaskingTest {

  @Test
  @DisplayName("PUB-07 张三 → 张某, 欧阳明 → 欧阳某, a company as it is; identity and mobile numbers removed from published text")
  void masks() {
    assertThat(PortalMasking.party("张三", "NATURAL_PERSON")).isEqualTo("张某");
    assertThat(PortalMasking.party("欧阳明华", "NATURAL_PERSON")).isEqualTo("欧阳某");
    assertThat(PortalMasking.party("欧阳", "NATURAL_PERSON")).isEqualTo("欧某");
    assertThat(PortalMasking.party("某某建材有限公司", "LEGAL_PERSON")).isEqualTo("某某建材有限公司");
    assertThat(PortalMasking.text("张三（身份证 33012319900101123X，15 位 330123900101123，电话 13812345678）占道", "张三", "NATURAL_PERSON"))
        .isEqualTo("张某（身份证 [身份证号码不予公开]，15 位 [身份证号码不予公开]，电话 [电话号码不予公开]）占道");
    // a legal person's name stays; numbers are removed for everybody
    assertThat(PortalMasking.text("某公司 13812345678", "某公司", "LEGAL_PERSON")).isEqualTo("某公司 [电话号码不予公开]");
  }
}
