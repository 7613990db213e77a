package org.datagora.app.wallet;

/** A wallet operation that failed, with a sentence the user can act on as its message. */
public class WalletException extends RuntimeException {

    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
