package cn.gov.enforcement.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The stored file's writer (O_DIRECT where the filesystem allows it, else the page cache) stores exactly the bytes it is given. */
class DirectWriteTest {

  @TempDir
  Path dir;

  @ParameterizedTest(name = "O_DIRECT attempted: {0}")
  @ValueSource(booleans = {true, false})
  @DisplayName("ACC-02 #17 存储文件的写入（可用时 O_DIRECT，否则经页缓存）：任意长度（0、1、块边界 ±1、1 MiB ±1、多个缓冲区加零头）逐字节相同，大小准确，不覆盖已有文件")
  void storesExactlyTheBytes(boolean tryDirect) throws IOException {
    Random random = new Random(17);
    int buffer = DigestingCopier.BUFFER;
    int[] lengths = {0, 1, 511, 512, 513, 4095, 4096, 4097, buffer - 1, buffer, buffer + 1, 2 * buffer + 777, 3 * buffer};
    for (int length : lengths) {
      byte[] bytes = new byte[length];
      random.nextBytes(bytes);
      Path file = dir.resolve(tryDirect + "-" + length);
      try (DigestingCopier.Output out = DigestingCopier.Output.create(file, tryDirect)) {
        if (!tryDirect) {
          assertThat(out.direct()).isFalse();
        }
        for (int at = 0; at < length; at += buffer) { // whole buffers, the last one partial, as the pipeline hands them on
          byte[] slot = new byte[buffer];
          int n = Math.min(buffer, length - at);
          System.arraycopy(bytes, at, slot, 0, n);
          out.write(slot, n);
        }
        out.force();
      }
      assertThat(Files.size(file)).as("length %d", length).isEqualTo(length);
      assertThat(Files.readAllBytes(file)).as("length %d", length).isEqualTo(bytes);
      assertThatThrownBy(() -> DigestingCopier.Output.create(file, tryDirect)).isInstanceOf(FileAlreadyExistsException.class);
    }
  }
}
