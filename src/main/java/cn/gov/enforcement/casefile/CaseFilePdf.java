package cn.gov.enforcement.casefile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The case file as PDF (PDFBox): A4, the CJK font embedded as a subset (so the PDF reads the same on
 * any machine), text wrapped by measured width since Chinese has no spaces to break at. A character
 * the font lacks is printed as "?" rather than failing the archive.
 */
final class CaseFilePdf {

  private static final float MARGIN = 50;
  private static final float BODY = 10f;
  private static final float LABEL_WIDTH = 120;

  private final Path fontFile;

  CaseFilePdf(Path fontFile) {
    this.fontFile = fontFile;
  }

  void write(List<CaseFileDocument.Block> blocks, String title, OutputStream out) throws IOException {
    if (!Files.isReadable(fontFile)) {
      throw new IOException("CJK font not found: " + fontFile + " (casefile.font; Debian package fonts-wqy-microhei)");
    }
    boolean collection = fontFile.getFileName().toString().toLowerCase().endsWith(".ttc");
    TrueTypeCollection ttc = collection ? new TrueTypeCollection(fontFile.toFile()) : null;
    try (PDDocument document = new PDDocument()) {
      TrueTypeFont ttf = collection ? first(ttc) : null;
      PDType0Font font = collection ? PDType0Font.load(document, ttf, true) : PDType0Font.load(document, fontFile.toFile());
      CmapLookup cmap = collection ? ttf.getUnicodeCmapLookup() : null;
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("行政执法案卷 / enforcement case file");
      new Layout(document, font, cmap).blocks(blocks);
      document.save(out);
    } finally {
      if (ttc != null) {
        ttc.close();
      }
    }
  }

  private static TrueTypeFont first(TrueTypeCollection ttc) throws IOException {
    List<TrueTypeFont> fonts = new ArrayList<>();
    ttc.processAllFonts(fonts::add);
    if (fonts.isEmpty()) {
      throw new IOException("empty font collection");
    }
    return fonts.get(0);
  }

  /** Writes lines top to bottom, opening a new page when one is full. */
  private static final class Layout {
    private final PDDocument document;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private PDPageContentStream stream;
    private float y;
    private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;

    Layout(PDDocument document, PDType0Font font, CmapLookup cmap) {
      this.document = document;
      this.font = font;
      this.cmap = cmap;
    }

    void blocks(List<CaseFileDocument.Block> blocks) throws IOException {
      newPage();
      for (CaseFileDocument.Block block : blocks) {
        if (block instanceof CaseFileDocument.Heading h) {
          float size = h.level() == 1 ? 16 : h.level() == 2 ? 13 : 11;
          y -= h.level() == 3 ? 4 : 10;
          paragraph(MARGIN, width, h.text(), size);
        } else if (block instanceof CaseFileDocument.Line line) {
          List<String> labels = wrap(clean(line.label()), LABEL_WIDTH - 8, BODY);
          List<String> values = wrap(clean(line.value()), width - LABEL_WIDTH, BODY);
          for (int i = 0; i < Math.max(labels.size(), values.size()); i++) {
            ensureRoom(BODY * 1.5f);
            if (i < labels.size()) {
              show(MARGIN, labels.get(i), BODY);
            }
            if (i < values.size()) {
              show(MARGIN + LABEL_WIDTH, values.get(i), BODY);
            }
            y -= BODY * 1.5f;
          }
        } else if (block instanceof CaseFileDocument.Text t) {
          paragraph(MARGIN, width, t.text(), BODY);
        }
      }
      stream.close();
    }

    private void paragraph(float x, float w, String text, float size) throws IOException {
      for (String line : wrap(clean(text), w, size)) {
        ensureRoom(size * 1.5f);
        show(x, line, size);
        y -= size * 1.5f;
      }
    }

    private void show(float x, String text, float size) throws IOException {
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(x, y - size);
      stream.showText(text);
      stream.endText();
    }

    private void ensureRoom(float height) throws IOException {
      if (y - height < MARGIN) {
        stream.close();
        newPage();
      }
    }

    private void newPage() throws IOException {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    /** One line per paragraph of the text, each broken where the next character would pass the width. */
    private List<String> wrap(String text, float w, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      for (String paragraph : text.split("\n", -1)) {
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (int i = 0; i < paragraph.length(); ) {
          int cp = paragraph.codePointAt(i);
          String ch = new String(Character.toChars(cp));
          float cw = font.getStringWidth(ch) / 1000 * size;
          if (lineWidth + cw > w && line.length() > 0) {
            lines.add(line.toString());
            line.setLength(0);
            lineWidth = 0;
          }
          line.append(ch);
          lineWidth += cw;
          i += Character.charCount(cp);
        }
        lines.add(line.toString());
      }
      return lines;
    }

    /** Controls become spaces; characters the font cannot draw become "?". */
    private String clean(String text) {
      if (text == null) {
        return "";
      }
      StringBuilder out = new StringBuilder(text.length());
      text.replace("\r\n", "\n").codePoints().forEach(cp -> {
        if (cp == '\n') {
          out.append('\n');
        } else if (Character.isISOControl(cp)) {
          out.append(' ');
        } else if (cmap != null && cmap.getGlyphId(cp) == 0) {
          out.append('?');
        } else {
          out.appendCodePoint(cp);
        }
      });
      return out.toString();
    }
  }
}
