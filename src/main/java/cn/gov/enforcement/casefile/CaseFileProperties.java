package cn.gov.enforcement.casefile;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code casefile:} block of application.yaml. {@code archiveRoot}: where archive packages are
 * stored (write-once); {@code font}: the CJK font embedded in the PDF (WenQuanYi Micro Hei from the
 * Debian package fonts-wqy-microhei, Apache-2.0 / GPL-3 with font exception: embedding allowed);
 * {@code includeOriginals}: copy the recordings' originals into the package instead of referencing
 * them by id and digest (the default, so a package stays small and the originals stay single).
 */
@ConfigurationProperties("casefile")
public record CaseFileProperties(Path archiveRoot, Path font, boolean includeOriginals) {}
