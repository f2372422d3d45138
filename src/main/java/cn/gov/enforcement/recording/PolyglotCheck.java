package cn.gov.enforcement.recording;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.mime.MediaType;
import org.springframework.stereotype.Component;

/**
 * Refuses polyglots — a file that is a recording to the type detector and something else to another
 * reader (issue 11 item 7: {@code GIF89a<script>…} stored as an image, a WAV with a PDF appended
 * stored as audio). Run after {@link CompletenessCheck} (which reports a file that ends too early):
 * the whole file must be the detected container — RIFF (WAV, AVI, WebP) exactly as long as it
 * declares, a GIF parsed block by block to its trailer, JPEG ending with EOI, PNG with the IEND chunk,
 * MPEG audio frames up to the end (an ID3v1/APE tag allowed) — and no type may carry markup or a
 * PDF header at its start or end (for types without a structural check, e.g. WebM, BMP, TIFF).
 */
@Component
public class PolyglotCheck {

  private static final Set<String> RIFF = Set.of("audio/vnd.wave", "audio/wav", "audio/x-wav", "audio/wave",
      "video/x-msvideo", "image/webp");
  private static final List<String> FOREIGN = List.of("<script", "<html", "<!doctype", "<?php", "<svg", "<iframe",
      "%pdf-", "<body", "javascript:");
  private static final int SCAN = 4096;

  /** Empty when the file is only the detected type, else what else is in it. */
  public Optional<String> problem(Path file, MediaType type) throws IOException {
    String base = type.getBaseType().toString();
    Optional<String> structural;
    if (RIFF.contains(base)) {
      structural = riff(file);
    } else if ("image/gif".equals(base)) {
      structural = gif(file);
    } else if ("image/jpeg".equals(base)) {
      structural = endsWith(file, new byte[] {(byte) 0xFF, (byte) 0xD9}, "JPEG");
    } else if ("image/png".equals(base)) {
      structural = endsWith(file, new byte[] {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82}, "PNG");
    } else if ("audio/mpeg".equals(base)) {
      structural = mpegTail(file);
    } else {
      structural = Optional.empty();
    }
    return structural.isPresent() ? structural : foreignMarkup(file);
  }

  private static Optional<String> riff(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      raf.seek(4);
      long declared = Integer.toUnsignedLong(Integer.reverseBytes(raf.readInt())) + 8;
      // a RIFF chunk of odd size may be followed by one pad byte
      if (length > declared + (declared & 1)) {
        return Optional.of("RIFF 容器之后还有 " + (length - declared) + " 字节其他数据 / " + (length - declared)
            + " bytes of other data after the RIFF container");
      }
      return Optional.empty();
    }
  }

  /** Header, screen descriptor, colour table, then blocks (image, extension) until the trailer 0x3B at the very end. */
  private static Optional<String> gif(Path file) throws IOException {
    long length = Files.size(file);
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
      long offset = 13;
      in.skipNBytes(10);
      int flags = in.readUnsignedByte();
      in.skipNBytes(2);
      if ((flags & 0x80) != 0) {
        int table = 3 * (1 << ((flags & 7) + 1));
        in.skipNBytes(table);
        offset += table;
      }
      while (true) {
        int introducer = in.readUnsignedByte();
        offset++;
        if (introducer == 0x3B) {
          return offset == length ? Optional.empty() : Optional.of("GIF 结束标记之后还有 " + (length - offset)
              + " 字节其他数据 / " + (length - offset) + " bytes of other data after the GIF trailer");
        }
        if (introducer == 0x21) {
          in.readUnsignedByte();
          offset += 1 + subBlocks(in);
        } else if (introducer == 0x2C) {
          in.skipNBytes(8);
          int imageFlags = in.readUnsignedByte();
          offset += 9;
          if ((imageFlags & 0x80) != 0) {
            int table = 3 * (1 << ((imageFlags & 7) + 1));
            in.skipNBytes(table);
            offset += table;
          }
          in.readUnsignedByte(); // LZW minimum code size
          offset += 1 + subBlocks(in);
        } else {
          return Optional.of("GIF 在偏移 " + (offset - 1) + " 处不是图像数据 / not GIF image data at offset " + (offset - 1));
        }
      }
    } catch (EOFException e) {
      return Optional.of("GIF 没有结束标记 / GIF without its trailer");
    }
  }

  private static long subBlocks(DataInputStream in) throws IOException {
    long read = 0;
    while (true) {
      int size = in.readUnsignedByte();
      read++;
      if (size == 0) {
        return read;
      }
      in.skipNBytes(size);
      read += size;
    }
  }

  private static Optional<String> endsWith(Path file, byte[] end, String name) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      byte[] tail = new byte[end.length];
      if (length >= end.length) {
        raf.seek(length - end.length);
        raf.readFully(tail);
        if (java.util.Arrays.equals(tail, end)) {
          return Optional.empty();
        }
      }
      return Optional.of(name + " 结束标记之后还有其他数据 / other data after the end of the " + name + " image");
    }
  }

  /** What follows the last MPEG frame must be nothing or a tag (ID3v1 "TAG", APE, Lyrics3). */
  private static Optional<String> mpegTail(Path file) throws IOException {
    long length = Files.size(file);
    long end = MpegFrames.end(file);
    if (end < 0 || length - end < 4) {
      return Optional.empty();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(end);
      byte[] head = new byte[(int) Math.min(11, length - end)];
      raf.readFully(head);
      String start = new String(head, StandardCharsets.ISO_8859_1);
      if ((start.startsWith("TAG") && length - end == 128) || start.startsWith("APETAGEX") || start.startsWith("LYRICSBEGIN")) {
        return Optional.empty();
      }
      return Optional.of("MPEG 音频帧之后还有 " + (length - end) + " 字节其他数据 / " + (length - end)
          + " bytes of other data after the MPEG audio frames");
    }
  }

  private static Optional<String> foreignMarkup(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      long length = raf.length();
      for (long at : new long[] {0, Math.max(0, length - SCAN)}) {
        byte[] window = new byte[(int) Math.min(SCAN, length - at)];
        raf.seek(at);
        raf.readFully(window);
        String text = new String(window, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : FOREIGN) {
          if (text.contains(marker)) {
            return Optional.of("文件中含有 " + marker + "（网页、脚本或 PDF） / the file carries " + marker
                + " (markup, script or PDF)");
          }
        }
      }
      return Optional.empty();
    }
  }

  /** Walks MPEG audio frames (after an ID3v2 tag) to find where the last one ends. */
  static final class MpegFrames {
    private MpegFrames() {}

    /** The offset after the last frame, or -1 when no frame was found. */
    static long end(Path file) throws IOException {
      long length = Files.size(file);
      try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
          DataInputStream in = new DataInputStream(raw)) {
        long offset = 0;
        byte[] head = new byte[10];
        in.readFully(head);
        int first;
        if (head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
          long tag = ((head[6] & 0x7F) << 21) | ((head[7] & 0x7F) << 14) | ((head[8] & 0x7F) << 7) | (head[9] & 0x7F);
          long skip = tag + ((head[5] & 0x10) != 0 ? 10 : 0);
          in.skipNBytes(skip);
          offset = 10 + skip;
          first = -1;
        } else {
          first = ((head[0] & 0xFF) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        }
        int frames = 0;
        int header = first;
        while (length - offset >= 4) {
          if (frames > 0 || first == -1) {
            header = in.readInt();
          }
          long frameLength = MpegFrameHeader.frameLength(header);
          if (frameLength < 0) {
            break; // no sync or an invalid header: the frames end here
          }
          if (offset + frameLength > length) {
            return offset;
          }
          long skip = frameLength - 4 - (frames == 0 && first != -1 ? 6 : 0);
          in.skipNBytes(skip);
          offset += frameLength;
          frames++;
        }
        return frames == 0 ? -1 : offset;
      } catch (EOFException e) {
        return -1;
      }
    }
  }
}
