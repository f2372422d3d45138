package cn.gov.enforcement.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The cases of one rule table, {@code dmn/cases/{key}.csv}: UTF-8, comma separated, fields may be
 * quoted ({@code "a, b"}, {@code ""} for a quote; read with commons-csv, see {@link #split}). Blank lines and lines starting with {@code #} are
 * comments. The first other line names the columns: the table's inputs and outputs by their
 * contract names, plus {@value #ERROR} (the evaluation must fail with a message containing this
 * text) and {@value #NOTE} (free text). An empty input cell means "not given", an empty output
 * cell means "null".
 *
 * @param key     the decision key the file belongs to
 * @param source  where the file came from, for messages (e.g. {@code dmn/cases/retention-class.csv})
 * @param content the bytes, kept so that the gate can attach the file to a deployment
 */
public record CaseFile(String key, String source, List<String> columns, List<Row> rows, byte[] content) {

  public static final String ERROR = "error";
  public static final String NOTE = "note";
  public static final Set<String> RESERVED = Set.of(ERROR, NOTE);

  /** One case; {@code line} is the line number in the file (1-based), as an editor shows it. */
  public record Row(int line, Map<String, String> cells) {
    public String cell(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  /** A file that cannot be read as a case file; {@code line} 0 means the file as a whole. */
  public static class MalformedCaseFileException extends IllegalArgumentException {
    private final int line;

    MalformedCaseFileException(int line, String message) {
      super(message);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  public static CaseFile parse(String key, String source, byte[] content) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      throw new MalformedCaseFileException(0, "文件不是 UTF-8 编码 / the file is not UTF-8 encoded");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // Excel writes a byte order mark
    }
    String[] lines = text.split("\r\n|\n|\r", -1);
    List<String> columns = null;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      int lineNumber = i + 1;
      String line = lines[i];
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> fields = split(line, lineNumber);
      if (columns == null) {
        columns = header(fields, lineNumber);
        continue;
      }
      if (fields.size() > columns.size()) {
        throw new MalformedCaseFileException(lineNumber, "第 " + lineNumber + " 行有 " + fields.size() + " 列，表头只有 "
            + columns.size() + " 列（备注中的英文逗号须加引号） / line " + lineNumber + " has " + fields.size()
            + " fields but the header has " + columns.size() + " (quote a note that contains a comma)");
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        cells.put(columns.get(c), c < fields.size() ? fields.get(c) : "");
      }
      rows.add(new Row(lineNumber, cells));
    }
    if (columns == null) {
      throw new MalformedCaseFileException(0, "文件没有表头 / the file has no header line");
    }
    return new CaseFile(key, source, List.copyOf(columns), List.copyOf(rows), content.clone());
  }

  private static List<String> header(List<String> fields, int lineNumber) {
    Set<String> seen = new HashSet<>();
    for (String field : fields) {
      if (field.isEmpty()) {
        throw new MalformedCaseFileException(lineNumber, "表头有空列名 / the header has an empty column name");
      }
      if (!seen.add(field)) {
        throw new MalformedCaseFileException(lineNumber, "表头列名重复：" + field + " / duplicate column " + field);
      }
    }
    return fields;
  }

  /**
   * One line as a CSV record (commons-csv, RFC 4180 quoting): unquoted fields trimmed, quoted
   * fields keep their inner spaces and commas. The file is read line by line, so a comment or a
   * blank line is recognised and each row keeps the line number an editor shows; a quote left open
   * at the end of its line is an error on that line, not the start of a multi-line field.
   */
  static List<String> split(String line, int lineNumber) {
    try (CSVParser parser = CSVParser.parse(line, LINE)) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    } catch (IOException | UncheckedIOException e) {
      throw new MalformedCaseFileException(lineNumber, "第 " + lineNumber + " 行引号未闭合或引号后有多余字符 / unclosed quote or text after a closing quote on line " + lineNumber);
    }
  }

  private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();
}
