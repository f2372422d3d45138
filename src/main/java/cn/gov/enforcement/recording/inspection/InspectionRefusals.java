package cn.gov.enforcement.recording.inspection;

import cn.gov.enforcement.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The refusals of the device register and the inspection ledger, each in Chinese and English. */
final class InspectionRefusals {

  /** The fields as the device register and the playback ledger pages label them. */
  private static final Map<String, String> LABELS = Map.of(
      "deviceNumber", "设备编号",
      "deviceType", "设备类型",
      "unit", "执法单位",
      "responsible", "责任人",
      "note", "备注",
      "year", "检查年份",
      "month", "检查月份",
      "day", "日",
      "clockSet", "已校准设备时间");

  private InspectionRefusals() {}

  static ApiException missing(String field) {
    return ApiException.missingField(field, LABELS.get(field));
  }

  static ApiException invalid(String field, String chinese, String english) {
    return ApiException.invalidField(field, LABELS.get(field), chinese, english);
  }

  static ApiException forbidden(String chinese, String english) {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", chinese + " / " + english);
  }

  static ApiException unknownDevice(String number) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
        "执法记录设备 " + number + " 未登记 / recording device " + number + " is not registered");
  }
}
