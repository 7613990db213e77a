package org.datagora.app.ui.common;

import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The line under a form that tells the user what went wrong (or what happened): one sentence, coloured
 * by its kind, hidden while empty.
 */
public final class FormMessage extends Label {

    public FormMessage(String id) {
        setId(id);
        getStyleClass().add("form-message");
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        clear();
    }

    /** Shows a failure. */
    public void showError(String text) {
        show(text, "danger", new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
    }

    /** Shows a success. */
    public void showSuccess(String text) {
        show(text, "success", new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
    }

    /** Shows a neutral note, such as work in progress. */
    public void showInfo(String text) {
        show(text, "info", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
    }

    /** Hides the message. */
    public void clear() {
        setText("");
        setGraphic(null);
        setVisible(false);
        setManaged(false);
    }

    private void show(String text, String kind, FontIcon icon) {
        if (text == null || text.isBlank()) {
            clear(); // an icon with no sentence next to it says nothing
            return;
        }
        getStyleClass().removeAll("danger", "success", "info");
        getStyleClass().add(kind);
        setText(text);
        setGraphic(icon);
        setVisible(true);
        setManaged(true);
    }
}
