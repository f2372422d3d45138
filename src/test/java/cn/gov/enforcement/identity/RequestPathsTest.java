package cn.gov.enforcement.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestPathsTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "/engine-rest/task;x=1, /engine-rest/task",
      "/engine-rest/task/;x=1, /engine-rest/task",
      "/engine-rest/task;, /engine-rest/task",
      "/engine-rest//task, /engine-rest/task",
      "/engine-rest/ta%73k, /engine-rest/task",
      "/engine-rest/ta%2573k, /engine-rest/task",
      "/ENGINE-REST/Task, /engine-rest/task",
      "/camunda/api/admin;x=1/setup/default, /camunda/api/admin/setup/default",
      "/engine-rest/group/camunda%2Dadmin/members/admin;a, /engine-rest/group/camunda-admin/members/admin",
      "/engine-rest/a%2Fb, /engine-rest/a/b"})
  @DisplayName("URL 守卫先规范化路径 / URL guards match the normalised path")
  void normalises(String raw, String expected) {
    assertThat(RequestPaths.normalise(raw)).isEqualTo(expected);
  }
}
