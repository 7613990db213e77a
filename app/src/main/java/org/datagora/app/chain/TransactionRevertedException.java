package org.datagora.app.chain;

import java.util.Optional;
import org.datagora.contracts.RevertDecoder;

/** A contract refused a transaction; carries the decoded custom error, when the ABI knows it. */
public final class TransactionRevertedException extends ChainException {

    private final String errorName;
    private final boolean feeSpent;

    public TransactionRevertedException(String what, Optional<RevertDecoder.DecodedError> error, boolean feeSpent) {
        super("The contract refused " + what + (error.map(e -> " with the error " + e.describe()).orElse(""))
                + (feeSpent ? ". The fee for the attempt was spent; nothing else changed." : ". Nothing was sent."));
        this.errorName = error.map(RevertDecoder.DecodedError::name).orElse("");
        this.feeSpent = feeSpent;
    }

    /** The custom error's name, e.g. {@code AccessControlUnauthorizedAccount}; empty when unknown. */
    public String errorName() {
        return errorName;
    }

    /** Whether the transaction was mined (and its fee paid) before it reverted. */
    public boolean feeSpent() {
        return feeSpent;
    }
}
