package org.datagora.app.market;

/** The chain's JSON-RPC endpoint cannot be reached. */
public class ChainUnavailableException extends MarketException {

    public ChainUnavailableException(String message) {
        super(message);
    }

    public ChainUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
