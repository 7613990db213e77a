package org.datagora.app.market;

/** The user cancelled a publish before its listing transaction was sent. */
public class PublishCancelledException extends MarketException {

    public PublishCancelledException(String message) {
        super(message);
    }

    public PublishCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
