package cn.gov.enforcement.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.apache.tika.mime.MediaType;

/**
 * Duration and creation time where Tika reports none (Tika 3.3's {@code AudioParser} gives a WAV's
 * sample rate and channels but no {@code xmpDM:duration}). Only headers are read, never the samples:
 * <ul>
 *   <li>WAV (RIFF/WAVE): duration = {@code data} chunk size / {@code fmt } byte rate; creation time
 *       from the Broadcast-Wave {@code bext} chunk (OriginationDate + OriginationTime) or the
 *       {@code LIST/INFO ICRD} entry;
 *   <li>other audio the JDK reads (AIFF, AU): frames / frame rate from {@code javax.sound.sampled}.
 * </ul>
 * A device clock without a zone (bext, ICRD without offset) is read as Beijing time: the bureau's
 * devices are set to the current local time before duty (REC-15), and that is the zone of the
 * documents the times are compared with (REC-05).
 */
final class ContainerFacts {

  static final Set<String> WAVE = Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wave");

  private ContainerFacts() {}

  record Facts(Double durationSeconds, Instant createdAt) {}

  static Facts read(Path file, MediaType type) {
    String base = type.getBaseType().toString();
    try {
      if (WAVE.contains(base)) {
        return wave(file);
      }
      if ("audio".equals(type.getType())) {
        return new Facts(sampledDuration(file), null);
      }
    } catch (IOException | RuntimeException e) {
      // a header this code cannot read: the facts stay unknown, the upload is kept (and flagged by REC-05)
    }
    return new Facts(null, null);
  }

  /** Walks the RIFF chunks; skips every chunk body except the few header bytes it needs. */
  static Facts wave(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      ByteBuffer head = read(channel, 0, 12);
      if (head.remaining() < 12 || !"RIFF".equals(fourCc(head, 0)) || !"WAVE".equals(fourCc(head, 8))) {
        return new Facts(null, null);
      }
      long byteRate = 0;
      long dataSize = -1;
      Instant created = null;
      long position = 12;
      while (position + 8 <= size) {
        ByteBuffer chunk = read(channel, position, 8);
        String id = fourCc(chunk, 0);
        long length = Integer.toUnsignedLong(chunk.getInt(4));
        long body = position + 8;
        switch (id) {
          case "fmt " -> {
            ByteBuffer fmt = read(channel, body, 16);
            if (fmt.remaining() >= 12) {
              byteRate = Integer.toUnsignedLong(fmt.getInt(8));
            }
          }
          case "data" -> // a streamed or damaged header may state more than there is: count what is there
              dataSize = Math.min(length, size - body);
          case "bext" -> {
            ByteBuffer bext = read(channel, body + 320, 18);
            if (created == null && bext.remaining() == 18) {
              created = bextOrigination(ascii(bext, 0, 10), ascii(bext, 10, 8));
            }
          }
          case "LIST" -> {
            Instant icrd = infoCreationDate(channel, body, Math.min(length, size - body));
            if (created == null) {
              created = icrd;
            }
          }
          default -> {
            // other chunks (fact, cue, JUNK …) carry nothing needed here
          }
        }
        position = body + length + (length & 1);
      }
      Double duration = byteRate > 0 && dataSize >= 0 ? (double) dataSize / byteRate : null;
      return new Facts(duration, created);
    }
  }

  private static Instant infoCreationDate(FileChannel channel, long start, long length) throws IOException {
    if (length < 4 || !"INFO".equals(fourCc(read(channel, start, 4), 0))) {
      return null;
    }
    long position = start + 4;
    long end = start + length;
    while (position + 8 <= end) {
      ByteBuffer sub = read(channel, position, 8);
      String id = fourCc(sub, 0);
      long subLength = Integer.toUnsignedLong(sub.getInt(4));
      if ("ICRD".equals(id)) {
        ByteBuffer value = read(channel, position + 8, (int) Math.min(subLength, 64));
        return deviceTime(ascii(value, 0, value.remaining()));
      }
      position += 8 + subLength + (subLength & 1);
    }
    return null;
  }

  /** EBU Tech 3285: "yyyy-mm-dd" and "hh:mm:ss", any single separator character allowed. */
  static Instant bextOrigination(String date, String time) {
    String d = date.replaceAll("\\D", "");
    String t = time.replaceAll("\\D", "");
    if (d.length() != 8 || t.length() != 6) {
      return null;
    }
    try {
      LocalDateTime local = LocalDateTime.of(LocalDate.of(Integer.parseInt(d.substring(0, 4)),
          Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6, 8))),
          LocalTime.of(Integer.parseInt(t.substring(0, 2)), Integer.parseInt(t.substring(2, 4)),
              Integer.parseInt(t.substring(4, 6))));
      return local.atZone(RetentionClassifier.SHANGHAI).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** ISO-8601 with offset, or a local date-time read as Beijing time; a bare date is too coarse for REC-05. */
  static Instant deviceTime(String value) {
    String v = value.trim();
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(v.replace(' ', 'T')).atZone(RetentionClassifier.SHANGHAI).toInstant();
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static Double sampledDuration(Path file) throws IOException {
    try {
      AudioFileFormat format = AudioSystem.getAudioFileFormat(file.toFile());
      long frames = format.getFrameLength();
      float rate = format.getFormat().getFrameRate();
      return frames == AudioSystem.NOT_SPECIFIED || frames < 0 || rate <= 0 ? null : frames / (double) rate;
    } catch (UnsupportedAudioFileException e) {
      return null;
    }
  }

  private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length)).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, position + buffer.position());
      if (n < 0) {
        break;
      }
    }
    buffer.flip();
    return buffer;
  }

  private static String fourCc(ByteBuffer buffer, int offset) {
    return buffer.remaining() < offset + 4 ? "" : ascii(buffer, offset, 4);
  }

  private static String ascii(ByteBuffer buffer, int offset, int length) {
    byte[] bytes = new byte[length];
    buffer.get(offset, bytes);
    return new String(bytes, StandardCharsets.US_ASCII).replace("\0", "");
  }
}
