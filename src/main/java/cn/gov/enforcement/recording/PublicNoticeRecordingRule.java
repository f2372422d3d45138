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
  String label() {
    return "公告张贴/发布过程的截图、照片或录像";
  }

  @Override
  String field() {
    return "noticeRecordingIds";
  }
}
