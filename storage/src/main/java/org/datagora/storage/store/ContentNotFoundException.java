package org.datagora.storage.store;

import java.io.IOException;

/** The store does not hold the content asked for. */
public class ContentNotFoundException extends IOException {

    private final String cid;

    public ContentNotFoundException(String cid, String message, Throwable cause) {
        super(message, cause);
        this.cid = cid;
    }

    /** The CID that was asked for. */
    public String cid() {
        return cid;
    }
}
