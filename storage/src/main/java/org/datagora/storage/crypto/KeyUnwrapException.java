package org.datagora.storage.crypto;

import java.security.GeneralSecurityException;

/** Thrown when a wrapped dataset key cannot be opened, or opens to a key the listing did not commit to. */
public final class KeyUnwrapException extends GeneralSecurityException {

    public KeyUnwrapException(String message) {
        super(message);
    }

    public KeyUnwrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
