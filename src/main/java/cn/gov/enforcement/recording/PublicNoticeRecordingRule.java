package cn.gov.enforcement.recording;

import org.springframework.stereotype.Component;

/** SVC-05: the public notice is kept by screenshot, photo or video from the store. */
@Component
class PublicNoticeRecordingRule extends LinkedRecordingRule {

  PublicNoticeRecordingRule(RecordingRepository repository) {
    super(repository);
  }

  @Override
  public String formId() {
    return "service-public-notice";
  }

  @Override
  public String ruleId() {
    return "SVC-05";
  }

  @Override
  String field() {
    return "noticeRecordingIds";
  }
}
