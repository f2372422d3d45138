package cn.gov.enforcement.inspection;

import cn.gov.enforcement.web.ApiException;
import org.springframework.http.HttpStatus;

/** The refusals of the device register and the inspection ledger, each in Chinese and English. */
final class InspectionRefusals {

  private InspectionRefusals() {}

  static ApiException missing(String field) {
    return ApiException.missingField(field);
  }

  static ApiException invalid(String field, String chinese, String english) {
    return ApiException.invalidField(field, chinese, english);
  }

  static ApiException forbidden(String chinese, String english) {
    return new ApiException(HttpStatus.FORBIDDEN, "FORBIDDEN", chinese + " / " + english);
  }

  static ApiException unknownDevice(String number) {
    return new ApiException(HttpStatus.NOT_FOUND, "NOT_FOUND",
        "执法记录设备 " + number + " 未登记 / recording device " + number + " is not registered");
  }
}
