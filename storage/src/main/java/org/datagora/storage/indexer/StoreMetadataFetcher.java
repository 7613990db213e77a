package org.datagora.storage.indexer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads metadata documents from a content store and checks them against their CID; documents larger than
 * {@link #MAX_BYTES} are refused, so a hostile listing cannot make the indexer read a dataset.
 */
public final class StoreMetadataFetcher implements MetadataFetcher {
    public static final int MAX_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(StoreMetadataFetcher.class);

    private final ContentStore store;

    public StoreMetadataFetcher(ContentStore store) {
        this.store = store;
    }

    @Override
    public Optional<byte[]> fetch(String cid) {
        // Checked here too, not left to the store: ContentStore does not promise to verify what it serves.
        try (InputStream in = new CidVerifyingInputStream(store.get(cid), Cid.parse(cid))) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                LOG.warn("Listing metadata {} is larger than {} bytes; not indexed", cid, MAX_BYTES);
                return Optional.empty();
            }
            // readNBytes stopped at the end of the stream, so the CID check has passed.
            return Optional.of(bytes);
        } catch (IOException | RuntimeException e) {
            LOG.debug("Listing metadata {} is not available yet: {}", cid, e.getMessage());
            return Optional.empty();
        }
    }
}
