package cn.gov.enforcement.casefile;

import cn.gov.enforcement.audit.AuditAction;
import cn.gov.enforcement.audit.AuditEntry;
import cn.gov.enforcement.audit.AuditLog;
import cn.gov.enforcement.recording.EvidenceReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * REC-13: the archive package of a case, written once. One ZIP, streamed entry by entry while each
 * entry's SHA-256 and SM3 are computed on the way (nothing is held twice, an original is never read
 * into memory): {@code case-file.pdf} (the record, CJK font embedded), {@code case-file.html},
 * {@code case-file.json}, optionally {@code recordings/<id>.<ext>}, and last {@code manifest.json}
 * with every item's size and digests, the recordings (by reference with their stored digests, or as
 * included files) and the case's audit entries. {@code Verify.java} checks a package against it.
 *
 * <p>The file is made read-only in {@code archives/yyyy/}; its row in {@code case_archive} and an
 * audit entry with the package's own digests commit with the archive step; if that step rolls back
 * the file is removed again.
 */
@Component
public class ArchivePackager {

  static final String FORMAT = "case-archive/1";
  static final String MANIFEST = "manifest.json";

  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT).build();

  private final CaseFileReader reader;
  private final EvidenceReader evidence;
  private final CaseArchives archives;
  private final AuditLog auditLog;
  private final CaseFileProperties properties;

  public ArchivePackager(CaseFileReader reader, EvidenceReader evidence, CaseArchives archives, AuditLog auditLog,
      CaseFileProperties properties) {
    this.reader = reader;
    this.evidence = evidence;
    this.archives = archives;
    this.auditLog = auditLog;
    this.properties = properties;
  }

  public CaseArchives.Archive archive(String caseNumber, CaseFile.Step pending, String actor, Instant now)
      throws IOException {
    if (archives.forCase(caseNumber).isPresent()) {
      throw new IllegalStateException("案卷已归档，归档包只生成一次 / the case " + caseNumber + " is archived already");
    }
    CaseFile file = reader.read(caseNumber, true, pending)
        .orElseThrow(() -> new IllegalStateException("no enforcement case " + caseNumber));
    String id = UUID.randomUUID().toString();
    Path root = properties.archiveRoot().toAbsolutePath().normalize();
    Path partialDir = Files.createDirectories(root.resolve("partial"));
    Path partial = partialDir.resolve(id + ".zip.part");
    String relative = "archives/" + now.atZone(CaseFileReader.SHANGHAI).getYear() + "/" + id + ".zip";
    Path target = root.resolve(relative).normalize();

    Digests whole;
    try (OutputStream raw = Files.newOutputStream(partial)) {
      Digesting packageStream = new Digesting(raw);
      try (ZipOutputStream zip = new ZipOutputStream(packageStream, StandardCharsets.UTF_8)) {
        List<Map<String, Object>> items = new ArrayList<>();
        List<CaseFileDocument.Block> blocks = CaseFileDocument.of(file);
        String title = "行政执法案卷 " + caseNumber;
        items.add(entry(zip, "case-file.pdf", out -> new CaseFilePdf(properties.font()).write(blocks, title, out)));
        items.add(entry(zip, "case-file.html", out -> out.write(CaseFileHtml.render(blocks, title)
            .getBytes(StandardCharsets.UTF_8))));
        items.add(entry(zip, "case-file.json", out -> JSON.writeValue(nonClosing(out), file)));
        List<Map<String, Object>> recordings = new ArrayList<>();
        for (EvidenceReader.Item r : file.recordings()) {
          Map<String, Object> ref = new LinkedHashMap<>();
          ref.put("id", r.id());
          ref.put("mediaType", r.mediaType());
          ref.put("sizeBytes", r.sizeBytes());
          ref.put("sha256", r.sha256());
          ref.put("sm3", r.sm3());
          boolean include = properties.includeOriginals() && !r.disposed();
          ref.put("storedAs", include ? "included" : "reference");
          if (include) {
            String path = "recordings/" + r.id() + r.extension();
            items.add(entry(zip, path, out -> {
              try (InputStream in = evidence.open(r.id())) {
                in.transferTo(out);
              }
            }));
            ref.put("path", path);
          }
          recordings.add(ref);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", FORMAT);
        manifest.put("caseNumber", caseNumber);
        manifest.put("processInstanceId", file.processInstanceId());
        manifest.put("packageId", id);
        manifest.put("createdAt", now.toString());
        manifest.put("createdBy", actor);
        manifest.put("algorithms", List.of("SHA-256", "SM3"));
        manifest.put("items", items);
        manifest.put("recordings", recordings);
        manifest.put("auditEntries", file.auditEntries().stream().map(ArchivePackager::audit).toList());
        zip.putNextEntry(new ZipEntry(MANIFEST));
        JSON.writeValue(nonClosing(zip), manifest);
        zip.closeEntry();
      }
      whole = packageStream.digests();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.createDirectories(target.getParent());
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    readOnly(target);
    removeOnRollback(target);

    CaseArchives.Archive archive = new CaseArchives.Archive(id, caseNumber, file.processInstanceId(), relative,
        whole.size(), whole.sha256(), whole.sm3(), now, actor);
    archives.insert(archive);
    auditLog.append(actor, AuditAction.CASE_ARCHIVED, caseNumber, "package=" + id + " sha256=" + whole.sha256()
        + " sm3=" + whole.sm3() + " size=" + whole.size() + " recordings=" + file.recordings().size()
        + (properties.includeOriginals() ? " (originals included)" : " (recordings by reference)"));
    return archive;
  }

  public Path resolve(CaseArchives.Archive archive) {
    Path root = properties.archiveRoot().toAbsolutePath().normalize();
    Path path = root.resolve(archive.storagePath()).normalize();
    if (!path.startsWith(root)) {
      throw new IllegalStateException("archive outside its root: " + archive.storagePath());
    }
    return path;
  }

  private static Map<String, Object> audit(AuditEntry e) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("seq", e.seq());
    row.put("occurredAt", e.occurredAt().toString());
    row.put("actor", e.actor());
    row.put("action", e.action());
    row.put("target", e.target());
    row.put("detail", e.detail());
    row.put("prevHash", e.prevHash());
    row.put("hash", e.hash());
    return row;
  }

  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private static Map<String, Object> entry(ZipOutputStream zip, String path, Writer writer) throws IOException {
    zip.putNextEntry(new ZipEntry(path));
    Digesting digesting = new Digesting(nonClosing(zip));
    writer.write(digesting);
    digesting.flush();
    zip.closeEntry();
    Digests d = digesting.digests();
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("path", path);
    item.put("size", d.size());
    item.put("sha256", d.sha256());
    item.put("sm3", d.sm3());
    return item;
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  private static void readOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
    } catch (UnsupportedOperationException e) {
      file.toFile().setReadOnly();
    }
  }

  private static void removeOnRollback(Path target) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        if (status != STATUS_COMMITTED) {
          try {
            Files.deleteIfExists(target);
          } catch (IOException ignored) {
            // a leftover file without a row is no package: the register is the case_archive table
          }
        }
      }
    });
  }

  record Digests(long size, String sha256, String sm3) {}

  /** Passes bytes through while counting them and computing SHA-256 and SM3. */
  static final class Digesting extends FilterOutputStream {
    private final MessageDigest sha256;
    private final SM3Digest sm3 = new SM3Digest();
    private long size;

    Digesting(OutputStream out) {
      super(out);
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      sha256.update((byte) b);
      sm3.update((byte) b);
      size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha256.update(b, off, len);
      sm3.update(b, off, len);
      size += len;
    }

    Digests digests() {
      byte[] s = new byte[32];
      sm3.doFinal(s, 0);
      return new Digests(size, HexFormat.of().formatHex(sha256.digest()), HexFormat.of().formatHex(s));
    }
  }
}
