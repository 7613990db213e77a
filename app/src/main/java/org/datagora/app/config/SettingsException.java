package org.datagora.app.config;

/** Settings that cannot be used or saved; the message says which field and why. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
