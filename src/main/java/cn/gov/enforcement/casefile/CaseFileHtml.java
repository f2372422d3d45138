package cn.gov.enforcement.casefile;

import java.util.List;

/** The case file as a self-contained HTML page (no scripts; every value escaped). */
final class CaseFileHtml {

  private CaseFileHtml() {}

  static String render(List<CaseFileDocument.Block> blocks, String title) {
    return render(blocks, title, null);
  }

  /**
   * The case file as a page; {@code archive}, when the case is archived, adds the link that
   * downloads its package (relative, so it works under any context path) with the package's
   * digests to compare after download (REC-13). The package's own copy of this page has no link.
   */
  static String render(List<CaseFileDocument.Block> blocks, String title, CaseArchives.Archive archive) {
    StringBuilder html = new StringBuilder("""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>""").append(escape(title)).append("""
        </title><style>
        body { font-family: sans-serif; max-width: 60em; margin: 2em auto; line-height: 1.5; }
        table { border-collapse: collapse; width: 100%; margin-bottom: .5em; }
        th { text-align: left; width: 12em; vertical-align: top; color: #555; font-weight: normal; }
        td, th { border-bottom: 1px solid #eee; padding: .15em .5em; word-break: break-all; }
        </style></head><body>
        """);
    if (archive != null) {
      html.append("<p class=\"archive\">已归档。<a href=\"archive\" download data-archive-link>下载归档包（ZIP）</a>")
          .append("（").append(archive.sizeBytes()).append(" 字节；SHA-256 <code>").append(escape(archive.sha256()))
          .append("</code>；SM3 <code>").append(escape(archive.sm3())).append("</code>）。")
          .append("下载后可用 <code>java Verify.java 归档包.zip</code> 离线核验。</p>\n");
    }
    boolean inTable = false;
    for (CaseFileDocument.Block block : blocks) {
      if (block instanceof CaseFileDocument.Line line) {
        if (!inTable) {
          html.append("<table>\n");
          inTable = true;
        }
        html.append("<tr><th>").append(escape(line.label())).append("</th><td>").append(escape(line.value()))
            .append("</td></tr>\n");
        continue;
      }
      if (inTable) {
        html.append("</table>\n");
        inTable = false;
      }
      if (block instanceof CaseFileDocument.Heading heading) {
        html.append("<h").append(heading.level()).append('>').append(escape(heading.text())).append("</h")
            .append(heading.level()).append(">\n");
      } else if (block instanceof CaseFileDocument.Text text) {
        html.append("<p>").append(escape(text.text())).append("</p>\n");
      }
    }
    if (inTable) {
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
