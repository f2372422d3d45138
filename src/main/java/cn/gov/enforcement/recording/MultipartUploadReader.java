package cn.gov.enforcement.recording;

import cn.gov.enforcement.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload.FileItemHeaders;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.InvalidFileNameException;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.util.Streams;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads the multipart body of {@code POST /api/recordings} as a stream with commons-fileupload's
 * {@link MultipartStream} (Spring's multipart handling is switched off, see
 * {@code spring.servlet.multipart.enabled}): form fields into a map, the one file part straight into
 * {@code partial/} while SHA-256 and SM3 are computed. Nothing is buffered beyond the parse buffer,
 * the copy buffers and the small fields, so a 2 GiB recording fits a 256 MiB heap (docs/benchmarks.md).
 *
 * <p>{@code MultipartStream} is used directly rather than through {@code FileUpload.getItemIterator}
 * because only its constructor takes a buffer size: the iterator fixes it at 4 KiB, and scanning the
 * body for the boundary in 4 KiB windows was a third of the upload's time. Part headers are parsed by
 * {@code FileUpload}'s own (protected) helpers, so names, file names and encodings are read exactly as before.
 */
@Component
public class MultipartUploadReader {

  /** Form fields are small; a huge "field" is an attack, not metadata. */
  static final int MAX_FIELD_BYTES = 64 * 1024;
  static final int MAX_PARTS = 64;
  /** The parse buffer (one per upload in progress); {@code FileUpload}'s iterator would use 4 KiB. */
  static final int PARSE_BUFFER = 1024 * 1024;
  private static final PartHeaders HEADERS = new PartHeaders();

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
    MultipartStream multipart = open(request);
    try {
      for (boolean next = multipart.skipPreamble(); next; next = multipart.readBoundary()) {
        FileItemHeaders headers = HEADERS.parse(multipart.readHeaders());
        String fieldName = HEADERS.fieldName(headers);
        if (fieldName == null) {
          // no form-data name: not a field of ours, skipped as FileUpload does
          multipart.discardBodyData();
          continue;
        }
        if (++parts > MAX_PARTS) {
          throw Refusals.invalid("body", "部分过多（至多 " + MAX_PARTS + " 个）", "too many parts (at most " + MAX_PARTS + ")");
        }
        String partType = headers.getHeader("content-type");
        if (partType != null && partType.toLowerCase(Locale.ROOT).startsWith("multipart/mixed")) {
          throw Refusals.invalid(fieldName, "不接受嵌套的 multipart 部分", "nested multipart parts are not accepted");
        }
        String fileName = HEADERS.fileName(headers);
        if (fileName == null) {
          fields.put(fieldName, readField(fieldName, multipart));
        } else if ("file".equals(fieldName)) {
          if (digests != null) {
            throw Refusals.invalid("file", "只能上传一个文件", "exactly one file per upload");
          }
          if (!fields.isEmpty()) {
            parser.parse(fields);
          }
          String disposition = headers.getHeader("content-disposition");
          if (disposition != null && disposition.chars().filter(ch -> ch == '"').count() % 2 != 0) {
            // a CR LF inside the quoted name ended the header line: the name was cut, refuse it
            throw invalidFileName();
          }
          clientFileName = clientFileName(Streams.checkFileName(fileName));
          digests = DigestingCopier.copy(multipart::readBodyData, partial, limit);
        } else {
          throw Refusals.invalid(fieldName, "未知的文件字段", "unknown file part");
        }
      }
    } catch (InvalidFileNameException e) {
      // commons-fileupload refuses a file name with NUL
      throw invalidFileName();
    }
    return new Received(fields, digests, clientFileName);
  }

  /** A malformed request (no boundary, one too long …) is the client's fault: an I/O failure, answered 400. */
  private static MultipartStream open(HttpServletRequest request) throws IOException {
    byte[] boundary = request.getContentType() == null ? null : HEADERS.boundary(request.getContentType());
    if (boundary == null) {
      throw new IOException("the request was rejected because no multipart boundary was found");
    }
    try {
      // no progress listener: the null notifier is what the deprecated three-argument constructor passes
      MultipartStream multipart = new MultipartStream(request.getInputStream(), boundary, PARSE_BUFFER, null);
      multipart.setHeaderEncoding(StandardCharsets.UTF_8.name());
      multipart.setPartHeaderSizeMax(HEADERS.getPartHeaderSizeMax()); // FileUpload's limit, as before
      return multipart;
    } catch (IllegalArgumentException e) {
      throw new IOException("the multipart boundary is too long", e);
    }
  }

  static ApiException invalidFileName() {
    return Refusals.invalid("file", "文件名不得含控制字符（回车、换行、NUL 等）",
        "the file name must not contain control characters (CR, LF, NUL …)");
  }

  static ApiException incomplete() {
    return new ApiException(HttpStatus.BAD_REQUEST, "UPLOAD_INCOMPLETE",
        "上传未完成（连接中断或格式错误） / the upload did not complete (connection lost or malformed body)");
  }

  private static String readField(String name, MultipartStream multipart) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream() {
      @Override
      public synchronized void write(byte[] b, int off, int len) {
        if (len > MAX_FIELD_BYTES - count) {
          throw Refusals.invalid(name, "字段过长", "field too long");
        }
        super.write(b, off, len);
      }

      @Override
      public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
    multipart.readBodyData(bytes);
    return bytes.toString(StandardCharsets.UTF_8);
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
   * {@code FileUpload}'s header parsing (boundary, part headers, field and file name), protected there
   * for subclasses like this one; it holds no state of an upload.
   */
  private static final class PartHeaders extends FileUpload {
    byte[] boundary(String contentType) {
      return getBoundary(contentType);
    }

    FileItemHeaders parse(String headerPart) {
      return getParsedHeaders(headerPart);
    }

    String fieldName(FileItemHeaders headers) {
      return getFieldName(headers);
    }

    String fileName(FileItemHeaders headers) {
      return getFileName(headers);
    }
  }
}
