package cn.gov.enforcement.recording;

/**
 * The length of an MPEG audio frame from its 4-byte header (ISO 11172-3 / 13818-3), shared by the
 * truncation check ({@link CompletenessCheck}) and the trailing-data check ({@link PolyglotCheck}),
 * which both walk an MP3 frame by frame.
 */
final class MpegFrameHeader {

  private static final int[][] BITRATES = {
      {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448}, // V1 L1
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384}, // V1 L2
      {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320}, // V1 L3
      {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256}, // V2 L1
      {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}}; // V2 L2/L3
  private static final int[][] SAMPLE_RATES = {{11025, 12000, 8000}, {0, 0, 0}, {22050, 24000, 16000},
      {44100, 48000, 32000}};

  /** Result of {@link #frameLength} for a word that is not a frame header at all (no sync bits). */
  static final long NO_SYNC = -1;
  /** Result of {@link #frameLength} for a header with sync bits but reserved or invalid fields. */
  static final long INVALID = -2;

  private MpegFrameHeader() {}

  /** The frame's length in bytes including its header, or {@link #NO_SYNC} / {@link #INVALID}. */
  static long frameLength(int header) {
    if ((header >>> 21) != 0x7FF) {
      return NO_SYNC;
    }
    int version = (header >>> 19) & 3;
    int layer = (header >>> 17) & 3;
    int bitrateIndex = (header >>> 12) & 0xF;
    int rateIndex = (header >>> 10) & 3;
    int padding = (header >>> 9) & 1;
    if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return INVALID;
    }
    boolean v1 = version == 3;
    int table = v1 ? 3 - layer : (layer == 3 ? 3 : 4);
    int bitrate = BITRATES[table][bitrateIndex] * 1000;
    int sampleRate = SAMPLE_RATES[version][rateIndex];
    if (layer == 3) {
      return (12L * bitrate / sampleRate + padding) * 4;
    } else if (layer == 1 && !v1) {
      return 72L * bitrate / sampleRate + padding;
    }
    return 144L * bitrate / sampleRate + padding;
  }
}
