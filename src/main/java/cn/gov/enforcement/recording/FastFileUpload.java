package cn.gov.enforcement.recording;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.apache.commons.fileupload.FileItemHeaders;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadBase;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.RequestContext;
import org.apache.commons.fileupload.util.Streams;

/**
 * commons-fileupload's {@link FileUpload} whose item iterator reads the body with {@link FastBoundaryStream}
 * (the library's {@code MultipartStream} with a faster boundary search, issue #17 item 5). The library's
 * iterator creates its {@code MultipartStream} itself, so this iterator drives the stream through its public
 * API — {@code skipPreamble}, {@code readHeaders}, {@code discardBodyData}, {@code setBoundary} — with the
 * library's own header parsing ({@code getParsedHeaders}, {@code getFieldName}, {@code getFileName},
 * {@code getBoundary}) and part stream, in the order and with the errors of the library's iterator
 * (multipart/mixed parts, multipart/related bodies, parts without a name skipped, size errors unwrapped).
 * Settings it does not implement (size limits, a progress listener) and a library whose private state is
 * out of reach fall back to the library's iterator. {@code FastBoundaryStreamTest} compares both on the
 * same bodies.
 */
final class FastFileUpload extends FileUpload {

  /** The library's iterator's buffer ({@code MultipartStream.DEFAULT_BUFSIZE}). */
  static final int BUFFER = 4096;

  @Override
  public FileItemIterator getItemIterator(RequestContext ctx) throws FileUploadException, IOException {
    if (!FastBoundaryStream.AVAILABLE || getSizeMax() >= 0 || getFileSizeMax() != -1 || getProgressListener() != null) {
      return super.getItemIterator(ctx);
    }
    try {
      return new Parts(ctx);
    } catch (FileUploadBase.FileUploadIOException e) {
      throw (FileUploadException) e.getCause(); // as the library: a size error comes out as itself
    }
  }

  /** The library's iterator's behaviour over {@link FastBoundaryStream}. */
  private final class Parts implements FileItemIterator {
    private final FastBoundaryStream multi;
    private final byte[] boundary;
    private final boolean related;
    private Part current;
    /** The field of the multipart/mixed part being read, null at the outer level. */
    private String mixedField;
    private boolean ready;
    private boolean eof;

    Parts(RequestContext ctx) throws FileUploadException, IOException {
      String contentType = ctx.getContentType();
      if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(MULTIPART)) {
        throw new InvalidContentTypeException(String.format(
            "the request neither contains a %s nor a %s nor a %s stream, content type header is %s",
            MULTIPART_FORM_DATA, MULTIPART_MIXED, MULTIPART_RELATED, contentType));
      }
      related = contentType.toLowerCase(Locale.ROOT).startsWith(MULTIPART_RELATED);
      InputStream input = ctx.getInputStream();
      String encoding = getHeaderEncoding() != null ? getHeaderEncoding() : ctx.getCharacterEncoding();
      boundary = getBoundary(contentType);
      if (boundary == null) {
        closeQuietly(input);
        throw new FileUploadException("the request was rejected because no multipart boundary was found");
      }
      try {
        multi = new FastBoundaryStream(input, boundary, BUFFER);
      } catch (IllegalArgumentException e) {
        closeQuietly(input);
        throw new InvalidContentTypeException(String.format("The boundary specified in the %s header is too long", CONTENT_TYPE), e);
      }
      multi.setHeaderEncoding(encoding);
      multi.setPartHeaderSizeMax(getPartHeaderSizeMax());
      findNext();
    }

    private boolean findNext() throws IOException {
      if (eof) {
        return false;
      }
      if (current != null) {
        current.stream.close();
        current = null;
      }
      while (true) {
        // as the library's iterator: every delimiter is read with skipPreamble (it never switches to
        // readBoundary), which skips whatever precedes the delimiter and ends the body on a malformed one
        boolean more = multi.skipPreamble();
        if (!more) {
          if (mixedField == null) {
            eof = true;
            return false;
          }
          multi.setBoundary(boundary); // the multipart/mixed part ended: back to the outer body
          mixedField = null;
          continue;
        }
        FileItemHeaders headers = getParsedHeaders(multi.readHeaders());
        if (related) {
          mixedField = "";
          return open(null, null, headers, false);
        }
        if (mixedField == null) {
          String fieldName = getFieldName(headers);
          if (fieldName != null) {
            String subType = headers.getHeader(CONTENT_TYPE);
            if (subType != null && subType.toLowerCase(Locale.ROOT).startsWith(MULTIPART_MIXED)) {
              mixedField = fieldName;
              multi.setBoundary(getBoundary(subType));
              continue;
            }
            String fileName = getFileName(headers);
            return open(fileName, fieldName, headers, fileName == null);
          }
        } else {
          String fileName = getFileName(headers);
          if (fileName != null) {
            return open(fileName, mixedField, headers, false);
          }
        }
        multi.discardBodyData();
      }
    }

    private boolean open(String name, String fieldName, FileItemHeaders headers, boolean formField) {
      current = new Part(name, fieldName, headers, formField, multi.openPart());
      ready = true;
      return true;
    }

    @Override
    public boolean hasNext() throws FileUploadException, IOException {
      if (eof) {
        return false;
      }
      if (ready) {
        return true;
      }
      try {
        return findNext();
      } catch (FileUploadBase.FileUploadIOException e) {
        throw (FileUploadException) e.getCause();
      }
    }

    @Override
    public FileItemStream next() throws FileUploadException, IOException {
      if (eof || !ready && !hasNext()) {
        throw new NoSuchElementException();
      }
      ready = false;
      return current;
    }
  }

  /** One part: its headers as the library parsed them and the library's part stream. */
  private static final class Part implements FileItemStream {
    private final String name;
    private final String contentType;
    private final String fieldName;
    private final boolean formField;
    private final MultipartStream.ItemInputStream stream;
    private FileItemHeaders headers;

    Part(String name, String fieldName, FileItemHeaders headers, boolean formField, MultipartStream.ItemInputStream stream) {
      this.name = name;
      this.contentType = headers.getHeader(CONTENT_TYPE);
      this.fieldName = fieldName;
      this.headers = headers;
      this.formField = formField;
      this.stream = stream;
    }

    @Override
    public String getContentType() {
      return contentType;
    }

    @Override
    public String getFieldName() {
      return fieldName;
    }

    @Override
    public String getName() {
      return Streams.checkFileName(name);
    }

    @Override
    public boolean isFormField() {
      return formField;
    }

    @Override
    public InputStream openStream() throws IOException {
      if (stream.isClosed()) {
        throw new FileItemStream.ItemSkippedException();
      }
      return stream;
    }

    @Override
    public FileItemHeaders getHeaders() {
      return headers;
    }

    @Override
    public void setHeaders(FileItemHeaders headers) {
      this.headers = headers;
    }
  }

  private static void closeQuietly(InputStream input) {
    try {
      input.close();
    } catch (IOException e) {
      // as the library: the request is refused anyway
    }
  }
}
