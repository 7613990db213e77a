package org.datagora.storage.store;

import java.io.IOException;

/** A CAR file that is damaged, truncated, not CAR v1, or holds a block that does not match its CID. */
public class CarFormatException extends IOException {

    public CarFormatException(String message) {
        super(message);
    }

    public CarFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
