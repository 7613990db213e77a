package org.datagora.app.market;

/**
 * A marketplace failure a user can meet, carrying one sentence that says what happened and what to do
 * next; the cause keeps the detail for the log.
 */
public class MarketException extends RuntimeException {

    public MarketException(String message) {
        super(message);
    }

    public MarketException(String message, Throwable cause) {
        super(message, cause);
    }
}
