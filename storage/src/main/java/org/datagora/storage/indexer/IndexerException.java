package org.datagora.storage.indexer;

/** The indexer could not read the chain; the message says why in a sentence, the cache is untouched. */
public class IndexerException extends RuntimeException {
    public IndexerException(String message, Throwable cause) {
        super(message, cause);
    }
}
