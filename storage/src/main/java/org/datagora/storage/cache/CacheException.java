package org.datagora.storage.cache;

/** A failure of the local cache, with a sentence a user can act on. */
public class CacheException extends RuntimeException {
    public CacheException(String message) {
        super(message);
    }

    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
