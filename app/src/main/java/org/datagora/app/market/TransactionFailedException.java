package org.datagora.app.market;

import java.util.Optional;

/** A transaction was refused or reverted by the chain; carries the contract error's name when known. */
public class TransactionFailedException extends MarketException {

    private final String errorName;

    public TransactionFailedException(String message) {
        this(message, null, null);
    }

    public TransactionFailedException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public TransactionFailedException(String message, String errorName, Throwable cause) {
        super(message, cause);
        this.errorName = errorName;
    }

    /** The name of the custom error the contract reverted with, e.g. {@code PriceAboveMaximum}. */
    public Optional<String> errorName() {
        return Optional.ofNullable(errorName);
    }
}
