package org.datagora.storage.dataset;

import java.io.IOException;

/** Base of the failures a dataset container can cause; each carries one sentence a user can act on. */
public class DatasetException extends IOException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
