package org.datagora.app.market;

/** The downloaded content does not match the CID the listing names: someone altered it. */
public class ContentCorruptedException extends MarketException {

    public ContentCorruptedException(String message) {
        super(message);
    }

    public ContentCorruptedException(String message, Throwable cause) {
        super(message, cause);
    }
}
