package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * The media type from the bytes alone (Tika magic): no file name and no client Content-Type are
 * handed to the detector, so a PDF or an executable renamed {@code .mp4} is what it is.
 */
@Component
public class MediaTypeDetector {

  private final Detector detector = new DefaultDetector();

  public MediaType detect(Path file) throws IOException {
    try (InputStream in = TikaInputStream.get(Files.newInputStream(file))) {
      return detector.detect(in, new Metadata());
    }
  }

  /** Audio, video or image; SVG is script-bearing XML, not a recording. */
  public static boolean isRecording(MediaType type) {
    String top = type.getType();
    return ("audio".equals(top) || "video".equals(top) || "image".equals(top)) && !"svg+xml".equals(type.getSubtype());
  }

  /** The extension the stored original gets, from the detected type (never from the client's name). */
  public static String extension(MediaType type) {
    try {
      String extension = MimeTypes.getDefaultMimeTypes().forName(type.getBaseType().toString()).getExtension();
      return extension == null || extension.isBlank() ? ".bin" : extension;
    } catch (MimeTypeException e) {
      return ".bin";
    }
  }
}
