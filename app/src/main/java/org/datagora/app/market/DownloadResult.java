package org.datagora.app.market;

import java.nio.file.Path;
import java.util.List;

/**
 * A purchase downloaded, decrypted and verified (CID of the content, key commitment, SHA-256 of each file).
 *
 * @param purchaseId the purchase
 * @param folder     the folder the files were written into
 * @param files      the files written, relative to {@code folder}, with sizes and SHA-256
 * @param verifiedAt when it was verified (epoch seconds, local clock)
 */
public record DownloadResult(long purchaseId, Path folder, List<DatasetMetadata.FileEntry> files, long verifiedAt) {

    public DownloadResult {
        files = List.copyOf(files);
    }
}
