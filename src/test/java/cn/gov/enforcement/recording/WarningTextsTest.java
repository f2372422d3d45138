package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.apache.tika.mime.MediaType;

class WarningTextsTest {

  @ParameterizedTest(name = "{0}")
  @DisplayName("REC-02 REC-05 REC-06 staff read a warning's Chinese sentence: the rule code and the English are cut off")
  @CsvSource(delimiter = '|', value = {
      "REC-05 START_TIME_MISMATCH: 文书记载的开始时间与音像文件创建时间相差 120 分钟 / the start differs by 120 min | 文书记载的开始时间与音像文件创建时间相差 120 分钟",
      "REC-08 LATE_UPLOAD: 上传晚于录制结束后 24 小时 / uploaded after 24 h | 上传晚于录制结束后 24 小时",
      "REC-15 设备当日未做上岗前检查 | 设备当日未做上岗前检查",
      "没有代码的提示 | 没有代码的提示"})
  void staffText(String warning, String expected) {
    assertThat(WarningTexts.forStaff(warning)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @DisplayName("REC-02 a media mismatch names the requirement and the file's kind in Chinese")
  @CsvSource({"FULL_PROCESS_AV, audio/wav, 该执法活动要求全过程音像记录，上传的文件为音频文件",
      "PHOTO_OR_AV, audio/mpeg, 该执法活动要求照片或音像记录，上传的文件为音频文件",
      "AUDIO, image/jpeg, 该执法活动要求录音，上传的文件为图片文件"})
  void mediaMismatch(String requirement, String type, String expected) {
    String warning = RecordingRequirementCheck.warning(requirement, MediaType.parse(type)).orElseThrow();
    assertThat(warning).startsWith("REC-02 MEDIA_MISMATCH: ");
    assertThat(WarningTexts.forStaff(warning)).isEqualTo(expected);
  }
}
