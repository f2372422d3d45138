package cn.gov.enforcement.recording;

import cn.gov.enforcement.forms.FormValues;
import org.springframework.stereotype.Component;

/** SVC-02: a lodged service that took place is recorded by photo, video or audio from the store. */
@Component
class LodgedServiceRecordingRule extends LinkedRecordingRule {

  LodgedServiceRecordingRule(RecordingRepository repository) {
    super(repository);
  }

  @Override
  public String formId() {
    return "service-lodged";
  }

  @Override
  public String ruleId() {
    return "SVC-02";
  }

  @Override
  String label() {
    return "留置过程音像记录";
  }

  @Override
  String field() {
    return "lodgedRecordingIds";
  }

  @Override
  boolean applies(FormValues values) {
    return values.isTrue("served");
  }
}
