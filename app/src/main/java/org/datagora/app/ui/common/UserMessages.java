package org.datagora.app.ui.common;

import org.datagora.app.chain.ChainException;
import org.datagora.app.config.SettingsException;
import org.datagora.app.wallet.WalletException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence a user sees for a failure. The app's own exceptions carry it and were logged where they
 * arose; anything else is unexpected, so it is logged here once with its stack trace and summarised.
 */
public final class UserMessages {

    private static final Logger LOG = LoggerFactory.getLogger(UserMessages.class);

    private UserMessages() {
    }

    /** One sentence for {@code error}. */
    public static String of(Throwable error) {
        if (error instanceof ChainException || error instanceof WalletException || error instanceof SettingsException
                || error instanceof IllegalArgumentException) {
            return error.getMessage();
        }
        LOG.error("Unexpected failure", error);
        return "Something unexpected went wrong (" + error.getClass().getSimpleName() + "). The details are in the log "
                + "file; please try again.";
    }
}
