package org.datagora.storage.ipfs;

/** Thrown when the local IPFS node cannot be started or found; the message says what to do. */
public class IpfsNodeException extends IllegalStateException {

    public IpfsNodeException(String message) {
        super(message);
    }

    public IpfsNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
