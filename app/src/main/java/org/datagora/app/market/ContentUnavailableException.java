package org.datagora.app.market;

/** The content store is unreachable or does not hold the content asked for. */
public class ContentUnavailableException extends MarketException {

    public ContentUnavailableException(String message) {
        super(message);
    }

    public ContentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
