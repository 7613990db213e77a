package org.datagora.storage.ipfs;

import java.io.IOException;

/** A failed call to an IPFS node; the message is a sentence a user can act on. */
public class IpfsException extends IOException {

    public IpfsException(String message) {
        super(message);
    }

    public IpfsException(String message, Throwable cause) {
        super(message, cause);
    }
}
