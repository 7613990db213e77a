package org.datagora.storage.cid;

import java.io.IOException;

/** Thrown when bytes do not hash to the CID they were fetched by: they must not be used. */
public final class CidMismatchException extends IOException {

    private final Cid expected;
    private final Cid actual;

    public CidMismatchException(Cid expected, Cid actual) {
        super("The data received for " + expected + " does not match its content identifier (it hashes to "
                + actual + "): it was corrupted or substituted, and was rejected.");
        this.expected = expected;
        this.actual = actual;
    }

    public Cid expected() {
        return expected;
    }

    public Cid actual() {
        return actual;
    }
}
