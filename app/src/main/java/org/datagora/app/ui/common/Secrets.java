package org.datagora.app.ui.common;

import javafx.scene.control.TextInputControl;

/**
 * Moves secrets out of input fields into arrays the services wipe after use. JavaFX's own fields keep
 * their text as strings, which cannot be wiped; clearing the field at once keeps that window short.
 */
public final class Secrets {

    private Secrets() {
    }

    /** The field's characters as a fresh array; the field is cleared. */
    public static char[] take(TextInputControl field) {
        char[] chars = field.getText() == null ? new char[0] : field.getText().toCharArray();
        field.clear();
        return chars;
    }
}
