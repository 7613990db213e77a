package org.datagora.app.ui.samples;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.samples.SampleSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.UserMessages;
import org.datagora.app.ui.market.MarketplaceView;
import org.datagora.storage.cache.SearchQuery;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/**
 * The marketplace with, on a fresh local sandbox (nothing seeded, nothing listed), an offer to fill it
 * with sample listings and a labeling task; it shows the seeding's progress and disappears once done.
 */
public final class SampleOffer extends BorderPane {

    private final MarketplaceView marketplace;
    private final WalletSession session;
    private final Supplier<Optional<SampleSandbox>> samples;
    private final FxBackground background;
    private final VBox banner = new VBox(8);
    private final Button fill = new Button("Fill the sandbox", new FontIcon(MaterialDesignD.DATABASE_PLUS_OUTLINE));
    private final ProgressBar progress = new ProgressBar(0);
    private final Label step = new Label();
    private final FormMessage message = new FormMessage("samples-message");

    /**
     * @param samples the running sandbox's samples; empty on other networks, where nothing is offered
     */
    public SampleOffer(MarketplaceView marketplace, WalletSession session, Supplier<Optional<SampleSandbox>> samples,
                       FxBackground background) {
        this.marketplace = marketplace;
        this.session = session;
        this.samples = samples;
        this.background = background;
        setCenter(marketplace);
        Label title = new Label("Fill the sandbox with sample data?");
        title.getStyleClass().add("title-4");
        Label text = new Label("Your local sandbox is empty. Datagora can publish four real datasets (SpamAssassin mails, "
                + "Iris, Palmer penguins, Seattle weather) from a sample seller and open a spam/ham labeling task, so you "
                + "can try buying and labeling at once. The data's licenses are listed under Settings → About.");
        text.setWrapText(true);
        fill.setId("samples-fill");
        fill.getStyleClass().add("accent");
        fill.setOnAction(e -> seed());
        progress.setId("samples-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        step.setId("samples-step");
        step.getStyleClass().add("text-muted");
        step.managedProperty().bind(step.textProperty().isNotEmpty());
        HBox.setHgrow(progress, Priority.ALWAYS);
        HBox actions = new HBox(12, fill, progress);
        actions.setAlignment(Pos.CENTER_LEFT);
        banner.getChildren().addAll(title, text, actions, step, message);
        banner.setId("samples-offer");
        banner.getStyleClass().add("samples-offer");
        banner.setPadding(new Insets(12));
        banner.setStyle("-fx-background-color: -color-accent-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-accent-muted; -fx-border-radius: 6;");
        BorderPane.setMargin(banner, new Insets(0, 0, 10, 0));
        checkWhetherToOffer();
    }

    /** Offers the samples only on a sandbox that was never seeded and whose marketplace is empty. */
    private void checkWhetherToOffer() {
        background.run(() -> samples.get().filter(s -> !s.isSeeded())
                        .filter(s -> session.search().search(SearchQuery.all().page(0, 1)).listings().isEmpty()))
                .onSuccess(offer -> setTop(offer.isPresent() ? banner : null))
                .start();
    }

    private void seed() {
        Optional<SampleSandbox> sandbox = samples.get();
        if (sandbox.isEmpty()) {
            message.showError("Sample data is only available on the local sandbox.");
            return;
        }
        fill.setDisable(true);
        progress.setVisible(true);
        message.clear();
        background.track("Filling the sandbox with samples", tracker -> {
                    sandbox.get().seed((text, fraction) -> {
                        tracker.update(text, fraction);
                        Platform.runLater(() -> {
                            step.setText(text);
                            progress.setProgress(fraction);
                        });
                    });
                    session.syncNow();
                    return null;
                })
                .onSuccess(done -> {
                    setTop(null);
                    marketplace.refresh();
                })
                .onError(error -> {
                    fill.setDisable(false);
                    progress.setVisible(false);
                    message.showError("Filling the sandbox failed: " + UserMessages.of(error)
                            + " Try again; what was published stays and is not published twice.");
                })
                .start();
    }
}
