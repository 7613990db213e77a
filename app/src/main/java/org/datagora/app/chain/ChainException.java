package org.datagora.app.chain;

/**
 * A chain operation that failed. Its message is the one sentence the user sees (what happened and what
 * to do next); the detail was logged once where the failure was recognised.
 */
public class ChainException extends RuntimeException {

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }
}
