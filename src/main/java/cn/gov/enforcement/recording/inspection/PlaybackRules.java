package cn.gov.enforcement.recording.inspection;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code playbackRules}, for recording-playback-check (REC-14): the timer's cycle from configuration,
 * the period a check samples, and the random draw itself — per unit, so that each unit's recordings
 * are inspected, not only the busiest unit's.
 */
@Component("playbackRules")
public class PlaybackRules {

  /** The unit label of recordings filed under none. */
  static final String NO_UNIT = "（未标注单位）";

  private final InspectionProperties properties;
  private final JdbcClient jdbc;
  private final Random random = new SecureRandom();

  public PlaybackRules(InspectionProperties properties, JdbcClient jdbc) {
    this.properties = properties;
    this.jdbc = jdbc;
  }

  /** The timer start's cron ({@code inspection.playback.cycle}), read when the model is deployed. */
  public String cycle() {
    return properties.playback().cycle();
  }

  /** The multi-instance collection: the sampled ids, stored as one comma-separated string variable. */
  public List<String> ids(Object sample) {
    if (sample == null || sample.toString().isBlank()) {
      return List.of();
    }
    return Arrays.stream(sample.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The sampled period: {@code lookback} up to the Beijing midnight that began the day of {@code now}. */
  public Instant[] period(Instant now) {
    LocalDate today = now.atZone(DeviceRegister.BEIJING).toLocalDate();
    return new Instant[] {today.minus(properties.playback().lookback()).atStartOfDay(DeviceRegister.BEIJING).toInstant(),
        today.atStartOfDay(DeviceRegister.BEIJING).toInstant()};
  }

  /** The recordings begun in [from, to), not disposed, by unit (in unit order, ids in id order). */
  public Map<String, List<String>> candidates(Instant from, Instant to) {
    Map<String, List<String>> byUnit = new TreeMap<>();
    jdbc.sql("SELECT r.id, r.unit FROM recording r WHERE r.started_at >= ? AND r.started_at < ? AND NOT EXISTS"
            + " (SELECT 1 FROM recording_event e WHERE e.recording_id = r.id AND e.kind = 'DISPOSED') ORDER BY r.id")
        .params(DeviceRegister.utc(from), DeviceRegister.utc(to))
        .query(Candidate.class)
        .list()
        .forEach(c -> byUnit.computeIfAbsent(c.unit() == null || c.unit().isBlank() ? NO_UNIT : c.unit(), u -> new ArrayList<>())
            .add(c.id()));
    return byUnit;
  }

  /** One row of {@link #candidates}: a recording and the unit it is filed under (none: null). */
  record Candidate(String id, String unit) {}

  /** At most {@code inspection.playback.sample-size} of each unit's candidates, drawn at random. */
  public Map<String, List<String>> sample(Map<String, List<String>> candidates) {
    return draw(candidates, properties.playback().sampleSize(), random);
  }

  /** The draw: a uniform choice without repetition of {@code size} per unit (all of a smaller unit). */
  static Map<String, List<String>> draw(Map<String, List<String>> candidates, int size, Random random) {
    Map<String, List<String>> drawn = new LinkedHashMap<>();
    candidates.forEach((unit, ids) -> {
      List<String> shuffled = new ArrayList<>(ids);
      Collections.shuffle(shuffled, random);
      List<String> picked = new ArrayList<>(shuffled.subList(0, Math.min(Math.max(size, 0), shuffled.size())));
      Collections.sort(picked);
      if (!picked.isEmpty()) {
        drawn.put(unit, picked);
      }
    });
    return drawn;
  }
}
