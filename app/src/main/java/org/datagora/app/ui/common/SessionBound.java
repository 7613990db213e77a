package org.datagora.app.ui.common;

import java.util.Optional;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import org.datagora.app.session.SessionManager;
import org.datagora.app.session.WalletSession;
import org.kordamp.ikonli.Ikon;

/**
 * Shows a view that needs an open wallet on a connected network: a placeholder until the session is
 * there, then the view built for that session, rebuilt when the wallet or the network changes.
 */
public final class SessionBound extends StackPane {

    private final Function<WalletSession, Node> content;
    private final Node placeholder;
    private WalletSession shown;

    public SessionBound(SessionManager sessions, Ikon icon, Function<WalletSession, Node> content) {
        this.content = content;
        this.placeholder = new EmptyState(icon, "Connecting…",
                "This view opens once your wallet is unlocked and the network answers.");
        getChildren().setAll(placeholder);
        sessions.addListener(session -> Platform.runLater(() -> show(session)));
    }

    private void show(Optional<WalletSession> session) {
        if (session.orElse(null) == shown) {
            return;
        }
        shown = session.orElse(null);
        getChildren().setAll(session.map(content).orElse(placeholder));
    }
}
