package org.datagora.app.market;

/** A refund was asked for before the purchase's delivery deadline passed. */
public class NotRefundableYetException extends MarketException {

    public NotRefundableYetException(String message) {
        super(message);
    }

    public NotRefundableYetException(String message, Throwable cause) {
        super(message, cause);
    }
}
