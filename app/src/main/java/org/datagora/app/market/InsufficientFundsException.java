package org.datagora.app.market;

/** The wallet holds too little of the payment token or of ETH for gas. */
public class InsufficientFundsException extends MarketException {

    public InsufficientFundsException(String message) {
        super(message);
    }

    public InsufficientFundsException(String message, Throwable cause) {
        super(message, cause);
    }
}
