package org.datagora.app.market;

/** The delivered key does not match the listing's key commitment; flag the purchase so the seller's reputation shows it. */
public class KeyMismatchException extends MarketException {

    public KeyMismatchException(String message) {
        super(message);
    }

    public KeyMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
