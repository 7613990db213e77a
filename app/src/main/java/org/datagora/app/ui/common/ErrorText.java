package org.datagora.app.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the one sentence a person sees. The services already throw exceptions whose
 * message is that sentence; anything else is logged in full once and summarised.
 */
public final class ErrorText {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorText.class);

    private ErrorText() {
    }

    /** The sentence to show for {@code failure} of {@code action} ("Buying", "Publishing"...). */
    public static String of(String action, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof java.util.concurrent.CompletionException)) {
            cause = cause.getCause();
        }
        LOG.warn("{} failed", action, failure);
        String message = cause.getMessage();
        if (message == null || message.isBlank() || message.startsWith("java.")) {
            return action + " failed unexpectedly. The log file in the data directory has the details.";
        }
        return message;
    }
}
