package org.datagora.storage.cache;

/** The password given cannot open the cache file or unlock its secrets. */
public class WrongPasswordException extends CacheException {
    public WrongPasswordException(String message) {
        super(message);
    }

    public WrongPasswordException(String message, Throwable cause) {
        super(message, cause);
    }
}
