package cn.gov.enforcement.recording;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.XMPDM;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Duration, creation time and device make/model by Tika, within bounds per file: the parse runs on
 * its own thread and is abandoned after the timeout; at most {@code max-concurrent} parses run at
 * once and their text output is capped (write limit), so parsing cannot take the heap the uploads
 * need; an {@link OutOfMemoryError} or {@link StackOverflowError} inside a parser ends that parse only.
 * Whatever happens, the recording is kept — as "unparsed" when the parse did not finish.
 *
 * <p>A permit is given back only when the parse thread really ends: a parser that ignores
 * interruption keeps its permit, which bounds the memory such runaways can hold (and further
 * recordings are then stored unparsed rather than piling up threads).
 */
@Component
public class MetadataReader implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(MetadataReader.class);

  private final Parser parser;
  private final Duration timeout;
  private final int writeLimit;
  private final Semaphore permits;
  private final ExecutorService executor;

  @Autowired
  public MetadataReader(RecordingProperties properties) {
    this(new AutoDetectParser(), properties.metadata().timeout(), properties.metadata().maxConcurrent(),
        properties.metadata().writeLimit());
  }

  MetadataReader(Parser parser, Duration timeout, int maxConcurrent, int writeLimit) {
    this.parser = parser;
    this.timeout = timeout;
    this.writeLimit = writeLimit;
    this.permits = new Semaphore(maxConcurrent);
    AtomicInteger count = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread thread = new Thread(r, "tika-metadata-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  public MediaMetadata read(Path file, MediaType detected) {
    try {
      if (!permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        return MediaMetadata.unparsed("busy: no parse slot within " + timeout);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return MediaMetadata.unparsed("interrupted");
    }
    Future<MediaMetadata> future;
    try {
      future = executor.submit(() -> {
        try {
          return parse(file, detected);
        } finally {
          permits.release();
        }
      });
    } catch (RuntimeException e) {
      permits.release();
      return MediaMetadata.unparsed("cannot start parse: " + e);
    }
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      LOG.warn("metadata parse of {} cut off after {}", file.getFileName(), timeout);
      return MediaMetadata.unparsed("parse cut off after " + timeout);
    } catch (ExecutionException e) {
      LOG.warn("metadata parse of {} failed: {}", file.getFileName(), e.getCause().toString());
      return MediaMetadata.unparsed("parse failed: " + e.getCause());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return MediaMetadata.unparsed("interrupted");
    }
  }

  private MediaMetadata parse(Path file, MediaType detected) {
    Metadata metadata = new Metadata();
    // the parser is chosen by the type detected from the content, not by any name
    metadata.set(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE, detected.toString());
    try (InputStream in = TikaInputStream.get(Files.newInputStream(file))) {
      parser.parse(in, new BodyContentHandler(writeLimit), metadata, new ParseContext());
    } catch (Throwable t) { // a parser bug must not take the upload with it, OOME and SOE included
      if (!WriteLimitReachedException.isWriteLimitReached(t)) {
        return MediaMetadata.unparsed("parse failed: " + t);
      }
    }
    Double duration = duration(metadata);
    Instant created = created(metadata);
    if (duration == null || created == null) {
      // Tika first; the container's own header only for what Tika left out (WAV duration, bext time)
      ContainerFacts.Facts facts = ContainerFacts.read(file, detected);
      duration = duration != null ? duration : facts.durationSeconds();
      created = created != null ? created : facts.createdAt();
    }
    return new MediaMetadata(true, duration, created, blankToNull(metadata.get(TIFF.EQUIPMENT_MAKE)),
        blankToNull(metadata.get(TIFF.EQUIPMENT_MODEL)), null);
  }

  /** Tika 3 reports {@code xmpDM:duration} in seconds (MP4, MP3). */
  static Double duration(Metadata metadata) {
    String value = metadata.get(XMPDM.DURATION);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static Instant created(Metadata metadata) {
    for (String value : new String[] {metadata.get(TikaCoreProperties.CREATED), metadata.get("exif:DateTimeOriginal")}) {
      if (value == null || value.isBlank()) {
        continue;
      }
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        try {
          return Instant.parse(value);
        } catch (DateTimeParseException ignored) {
          // EXIF local time without zone: the device's clock zone is unknown, leave it out
        }
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
