package org.datagora.storage.indexer;

import java.util.Optional;

/**
 * Fetches a listing's metadata document by CID and returns its bytes only once they are verified against
 * that CID; empty when it cannot be had right now (the indexer tries again later).
 */
public interface MetadataFetcher {
    Optional<byte[]> fetch(String cid);
}
