package cn.gov.enforcement.recording;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Finds truncated uploads by the container structure, so a half-transferred file is refused with a
 * clear message instead of being stored as evidence: ISO-BMFF (MP4/MOV/3GP) boxes must add up to
 * the file and contain a {@code moov}; RIFF/WAVE chunks must fit; JPEG must end with EOI, PNG with
 * IEND; MPEG audio frames must not run past the end. Other types are accepted as they are. The
 * checks read headers and seek, so a large file costs little.
 */
@Component
public class CompletenessCheck {

  private static final Set<String> ISO_BMFF = Set.of("video/mp4", "video/quicktime", "audio/mp4", "video/3gpp",
      "video/3gpp2", "video/x-m4v", "audio/x-m4a", "application/mp4");
  private static final Set<String> WAVE = Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wave");

  /** Empty when complete, else why not. */
  public Optional<String> problem(Path file, MediaType type) throws IOException {
    String base = type.getBaseType().toString();
    if (ISO_BMFF.contains(base)) {
      return isoBmff(file);
    }
    if (WAVE.contains(base)) {
      return riff(file);
    }
    if ("image/jpeg".equals(base)) {
      return tailContains(file, new byte[] {(byte) 0xFF, (byte) 0xD9}, 64 * 1024) ? Optional.empty()
          : Optional.of("JPEG 缺少结束标记 EOI / JPEG without end-of-image marker");
    }
    if ("image/png".equals(base)) {
      return tailContains(file, "IEND".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 64) ? Optional.empty()
          : Optional.of("PNG 缺少 IEND / PNG without IEND chunk");
    }
    if ("audio/mpeg".equals(base)) {
      return mpegAudio(file);
    }
    return Optional.empty();
  }

  private Optional<String> isoBmff(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      long offset = 0;
      boolean moov = false;
      while (offset < length) {
        if (length - offset < 8) {
          return Optional.of("MP4 box header cut at " + offset);
        }
        raf.seek(offset);
        long size = raf.readInt() & 0xFFFFFFFFL;
        String boxType = new String(new byte[] {raf.readByte(), raf.readByte(), raf.readByte(), raf.readByte()},
            java.nio.charset.StandardCharsets.ISO_8859_1);
        if (size == 1) {
          if (length - offset < 16) {
            return Optional.of("MP4 box header cut at " + offset);
          }
          size = raf.readLong();
        } else if (size == 0) {
          size = length - offset;
        }
        if (size < 8) {
          return Optional.of("MP4 box '" + boxType + "' has an impossible size at " + offset);
        }
        if (offset + size > length) {
          return Optional.of("MP4 box '" + boxType + "' runs past the end of the file (" + (offset + size) + " > " + length + ")");
        }
        moov |= "moov".equals(boxType);
        offset += size;
      }
      return moov ? Optional.empty() : Optional.of("MP4 without 'moov' box");
    }
  }

  private Optional<String> riff(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      if (length < 12) {
        return Optional.of("RIFF header cut");
      }
      raf.seek(4);
      long declared = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt())) + 8;
      if (declared > length) {
        return Optional.of("RIFF declares " + declared + " bytes, file has " + length);
      }
      long offset = 12;
      while (offset + 8 <= declared) {
        raf.seek(offset + 4);
        long chunk = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt()));
        long next = offset + 8 + chunk + (chunk & 1);
        if (offset + 8 + chunk > length) {
          return Optional.of("RIFF chunk at " + offset + " runs past the end of the file");
        }
        offset = next;
      }
      return Optional.empty();
    }
  }

  private static boolean tailContains(Path file, byte[] marker, int window) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      int size = (int) Math.min(window, length);
      byte[] tail = new byte[size];
      raf.seek(length - size);
      raf.readFully(tail);
      for (int i = size - marker.length; i >= 0; i--) {
        boolean match = true;
        for (int j = 0; j < marker.length && match; j++) {
          match = tail[i + j] == marker[j];
        }
        if (match) {
          return true;
        }
      }
      return false;
    }
  }

  /** Walks MPEG audio frames from the first one; the last frame must end inside the file. */
  private Optional<String> mpegAudio(Path file) throws IOException {
    long length = Files.size(file);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
      long offset = 0;
      byte[] head = new byte[10];
      in.readFully(head);
      if (head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
        long tag = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7) | (head[9] & 0x7F);
        long skip = tag + ((head[5] & 0x10) != 0 ? 10 : 0);
        if (10 + skip > length) {
          return Optional.of("ID3 tag runs past the end of the file");
        }
        skipFully(in, skip);
        offset = 10 + skip;
      } else {
        return walkFrames(new SequenceStart(head, in), length, 0);
      }
      return walkFrames(new SequenceStart(new byte[0], in), length, offset);
    } catch (EOFException e) {
      return Optional.of("MPEG audio cut inside a header");
    }
  }

  private Optional<String> walkFrames(InputStream in, long length, long offset) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int frames = 0;
    while (length - offset >= 4) {
      int header = data.readInt();
      long frameLength = MpegFrameHeader.frameLength(header);
      if (frameLength == MpegFrameHeader.NO_SYNC) {
        // not a frame: a trailing tag (ID3v1, APE) or unknown data ends the walk
        return frames > 0 ? Optional.empty() : Optional.of("no MPEG audio frame found");
      }
      if (frameLength == MpegFrameHeader.INVALID) {
        return frames > 0 ? Optional.empty() : Optional.of("invalid MPEG audio header");
      }
      if (offset + frameLength > length) {
        return Optional.of("MPEG audio frame " + frames + " runs past the end of the file");
      }
      skipFully(data, frameLength - 4);
      offset += frameLength;
      frames++;
    }
    return Optional.empty();
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException();
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** Re-reads bytes already taken from the stream before continuing with it. */
  private static final class SequenceStart extends InputStream {
    private final byte[] first;
    private int position;
    private final InputStream rest;

    SequenceStart(byte[] first, InputStream rest) {
      this.first = first;
      this.rest = rest;
    }

    @Override
    public int read() throws IOException {
      return position < first.length ? first[position++] & 0xFF : rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (position < first.length) {
        int n = Math.min(len, first.length - position);
        System.arraycopy(first, position, b, off, n);
        position += n;
        return n;
      }
      return rest.read(b, off, len);
    }

    @Override
    public long skip(long n) throws IOException {
      if (position < first.length) {
        int k = (int) Math.min(n, first.length - position);
        position += k;
        return k;
      }
      return rest.skip(n);
    }
  }
}
