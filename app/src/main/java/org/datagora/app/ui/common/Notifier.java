package org.datagora.app.ui.common;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Short pop-up notes in the window's corner, e.g. when a transaction is confirmed. */
public final class Notifier {

    private Notifier() {
    }

    /**
     * Shows {@code text} near the top-right corner of {@code anchor}'s window, clear of the status bar and its
     * activity button. Call on the JavaFX thread.
     */
    public static void confirmed(Node anchor, String title, String text) {
        if (anchor.getScene() == null || anchor.getScene().getWindow() == null) {
            return;
        }
        Notifications.create()
                .owner(anchor.getScene().getWindow())
                .title(title)
                .text(text)
                .position(Pos.TOP_RIGHT)
                .hideAfter(Duration.seconds(5))
                .showInformation();
    }
}
