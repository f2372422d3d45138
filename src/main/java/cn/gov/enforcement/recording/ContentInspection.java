package cn.gov.enforcement.recording;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * What the stored bytes are, decided from the content alone (the client's Content-Type and file name
 * are never trusted): a recording type (415 otherwise), complete (422 for a cut-off file), not a
 * polyglot (415), and the metadata Tika could read within its bounds.
 */
@Component
public class ContentInspection {

  private final MediaTypeDetector detector;
  private final CompletenessCheck completeness;
  private final PolyglotCheck polyglots;
  private final MetadataReader metadataReader;

  public ContentInspection(MediaTypeDetector detector, CompletenessCheck completeness, PolyglotCheck polyglots,
      MetadataReader metadataReader) {
    this.detector = detector;
    this.completeness = completeness;
    this.polyglots = polyglots;
    this.metadataReader = metadataReader;
  }

  /** The accepted content: its detected type and what Tika read. */
  record Inspected(MediaType type, MediaMetadata media) {}

  Inspected inspect(Path file) throws IOException {
    MediaType type = detector.detect(file);
    if (!MediaTypeDetector.isRecording(type)) {
      throw Refusals.unsupportedMedia(type.toString());
    }
    Optional<String> problem = completeness.problem(file, type);
    if (problem.isPresent()) {
      throw Refusals.truncated(problem.get());
    }
    Optional<String> foreign = polyglots.problem(file, type);
    if (foreign.isPresent()) {
      throw Refusals.polyglot(foreign.get());
    }
    return new Inspected(type, metadataReader.read(file, type));
  }
}
