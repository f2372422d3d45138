package cn.gov.enforcement.recording;

import cn.gov.enforcement.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.InvalidFileNameException;
import org.apache.commons.fileupload.UploadContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the multipart body of {@code POST /api/recordings} as a stream with commons-fileupload's
 * {@link FileItemIterator} ({@link FastFileUpload}: the library's iterator behaviour and parser over a faster
 * boundary search; Spring's multipart handling is switched off, see
 * {@code spring.servlet.multipart.enabled}): form fields into a map, the one file part straight into
 * {@code partial/} while SHA-256 and SM3 are computed. Nothing is buffered beyond one copy buffer
 * and the small fields, so a 2 GiB recording fits a 256 MiB heap (docs/benchmarks.md).
 */
@Component
public class MultipartUploadReader {

  /** Form fields are small; a huge "field" is an attack, not metadata. */
  static final int MAX_FIELD_BYTES = 64 * 1024;
  static final int MAX_PARTS = 64;

  private final UploadRequestParser parser;

  public MultipartUploadReader(UploadRequestParser parser) {
    this.parser = parser;
  }

  /** What the body carried: the form fields in their order, the stored file's digests and its label. */
  record Received(Map<String, String> fields, DigestingCopier.Digests digests, String clientFileName) {}

  /**
   * Streams the body; the file goes to {@code partial}, at most {@code limit} bytes of it. Fields sent
   * before the file are checked before a single byte is stored.
   *
   * @throws DigestingCopier.LimitExceeded the file ran past {@code limit}
   * @throws IOException the client went away or sent a broken body
   */
  Received read(HttpServletRequest request, Path partial, long limit) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    DigestingCopier.Digests digests = null;
    String clientFileName = null;
    int parts = 0;
    try {
      FileUpload upload = new FastFileUpload(); // the library's parser, a faster boundary search (issue #17)
      upload.setHeaderEncoding(StandardCharsets.UTF_8.name());
      FileItemIterator items = upload.getItemIterator(new ServletUploadContext(request));
      while (items.hasNext()) {
        FileItemStream item = items.next();
        if (++parts > MAX_PARTS) {
          throw Refusals.invalid("body", "部分过多（至多 " + MAX_PARTS + " 个）", "too many parts (at most " + MAX_PARTS + ")");
        }
        try (InputStream in = item.openStream()) {
          if (item.isFormField()) {
            fields.put(item.getFieldName(), readField(item.getFieldName(), in));
          } else if ("file".equals(item.getFieldName())) {
            if (digests != null) {
              throw Refusals.invalid("file", "只能上传一个文件", "exactly one file per upload");
            }
            if (!fields.isEmpty()) {
              parser.parse(fields);
            }
            String disposition = item.getHeaders() == null ? null : item.getHeaders().getHeader("content-disposition");
            if (disposition != null && disposition.chars().filter(ch -> ch == '"').count() % 2 != 0) {
              // a CR LF inside the quoted name ended the header line: the name was cut, refuse it
              throw invalidFileName();
            }
            clientFileName = clientFileName(item.getName());
            digests = DigestingCopier.copy(in, partial, limit);
          } else {
            throw Refusals.invalid(item.getFieldName(), "未知的文件字段", "unknown file part");
          }
        }
      }
    } catch (InvalidFileNameException e) {
      // commons-fileupload refuses a file name with NUL when it is read
      throw invalidFileName();
    } catch (FileUploadException e) {
      // a malformed body (no boundary, broken part headers …): the client's fault, not ours
      throw new IOException(e.getMessage(), e);
    }
    return new Received(fields, digests, clientFileName);
  }

  static ApiException invalidFileName() {
    return Refusals.invalid("file", "文件名不得含控制字符（回车、换行、NUL 等）",
        "the file name must not contain control characters (CR, LF, NUL …)");
  }

  static ApiException incomplete() {
    return new ApiException(HttpStatus.BAD_REQUEST, "UPLOAD_INCOMPLETE",
        "上传未完成（连接中断或格式错误） / the upload did not complete (connection lost or malformed body)");
  }

  private static String readField(String name, InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
    if (bytes.length > MAX_FIELD_BYTES) {
      throw Refusals.invalid(name, "字段过长", "field too long");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Kept as a label only (never a path): the last path segment, at most 200 characters. A name with
   * control characters (CR, LF, NUL …) is refused: it is either an attack on logs and headers or
   * broken, and silently changing it would store a label the client never sent.
   */
  static String clientFileName(String name) {
    if (name == null) {
      return null;
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw invalidFileName();
    }
    String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    String clean = last.replaceAll("[\\p{Cntrl}]", "").strip();
    return clean.isEmpty() ? null : clean.substring(0, Math.min(200, clean.length()));
  }

  /**
   * commons-fileupload 1.x ships its servlet adapter for {@code javax.servlet} only; its parser reads
   * any {@link UploadContext}, so this one hands it the Jakarta request's stream (as Camunda's REST
   * API does for its own multipart endpoints).
   */
  private record ServletUploadContext(HttpServletRequest request) implements UploadContext {

    @Override
    public String getCharacterEncoding() {
      return request.getCharacterEncoding();
    }

    @Override
    public String getContentType() {
      return request.getContentType();
    }

    @Override
    @Deprecated
    public int getContentLength() {
      return request.getContentLength();
    }

    @Override
    public long contentLength() {
      return request.getContentLengthLong();
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return request.getInputStream();
    }
  }
}
