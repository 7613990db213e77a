package org.datagora.app.market;

/** The open wallet is not the one this action needs. */
public class WrongWalletException extends MarketException {

    public WrongWalletException(String message) {
        super(message);
    }

    public WrongWalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
