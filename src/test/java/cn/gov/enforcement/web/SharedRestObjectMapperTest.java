package cn.gov.enforcement.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("engine-rest 的共享 ObjectMapper 与 Camunda 每次新建的配置一致 / the shared engine-rest mapper writes and reads as Camunda's per-call one")
class SharedRestObjectMapperTest {

  private final SharedRestObjectMapper.Resolver resolver = new SharedRestObjectMapper.Resolver();

  @Test
  @DisplayName("同一实例；日期、java.time 值与 Camunda 的映射器写法相同，读回相同 / one instance; dates and java.time values as Camunda's mapper writes and reads them")
  void sameAsCamundas() throws Exception {
    ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);
    ObjectMapper shared = resolver.getContext(Object.class);
    assertThat(resolver.getContext(String.class)).isSameAs(shared);
    Map<String, Object> value = Map.of("due", new Date(1_764_547_200_123L), "day", LocalDate.of(2026, 12, 1),
        "at", OffsetDateTime.of(2026, 12, 1, 8, 30, 0, 0, ZoneOffset.ofHours(8)), "n", List.of(1, 2));
    String written = shared.writeValueAsString(value);
    assertThat(written).isEqualTo(camundas.writeValueAsString(value));
    String date = "{\"due\":\"2026-12-01T08:00:00.123+0800\"}";
    assertThat(shared.readValue(date, DueDto.class).due).isEqualTo(camundas.readValue(date, DueDto.class).due);
  }

  @Test
  @DisplayName("多线程同时使用时日期读写仍正确（Jackson 为每次使用复制日期格式） / dates stay right under concurrent use")
  void concurrentDates() throws Exception {
    ObjectMapper shared = resolver.getContext(Object.class);
    ObjectMapper camundas = new JacksonConfigurator().getContext(Object.class);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final long base = 1_700_000_000_000L + t * 86_400_000L * 37;
        Callable<Boolean> work = () -> {
          for (int i = 0; i < 2_000; i++) {
            Date date = new Date(base + i * 3_600_123L);
            String json = shared.writeValueAsString(Map.of("due", date));
            if (!json.equals(camundas.writeValueAsString(Map.of("due", date)))
                || !shared.readValue(json, DueDto.class).due.equals(date)) {
              return false;
            }
          }
          return true;
        };
        results.add(pool.submit(work));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  public static class DueDto {
    public Date due;
  }
}
