package org.datagora.storage.ipfs;

import java.util.Optional;

/**
 * The IPFS node answered, but with an error or with something that is not a valid RPC answer (wrong
 * status, not JSON, fields missing); carries the node's own message when it gave one.
 */
public class IpfsProtocolException extends IpfsException {

    private final int statusCode;
    private final String nodeMessage;

    public IpfsProtocolException(String message, int statusCode, String nodeMessage) {
        super(message);
        this.statusCode = statusCode;
        this.nodeMessage = nodeMessage;
    }

    public IpfsProtocolException(String message, int statusCode, String nodeMessage, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.nodeMessage = nodeMessage;
    }

    /** The HTTP status of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /** What the node said, when its answer carried a message. */
    public Optional<String> nodeMessage() {
        return Optional.ofNullable(nodeMessage);
    }
}
