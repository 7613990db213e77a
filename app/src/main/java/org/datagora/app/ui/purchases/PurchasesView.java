package org.datagora.app.ui.purchases;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.Rating;
import org.datagora.app.market.DownloadResult;
import org.datagora.app.market.DownloadStep;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Notifier;
import org.datagora.app.ui.common.Speed;
import org.datagora.storage.cache.Purchase;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The buyer's purchases: each one's state, download and decryption into a folder, refund, and a rating. */
public final class PurchasesView extends BorderPane {

    private final WalletSession session;
    private final FxBackground background;
    private final ListView<Row> purchases = new ListView<>();
    /** The purchases downloaded and verified on this machine; read and changed on the JavaFX thread. */
    private final Set<Long> downloadedIds = new HashSet<>();
    private final VBox detail = new VBox(12);
    private final FormMessage message = new FormMessage("purchase-message");

    public PurchasesView(WalletSession session, FxBackground background) {
        this.session = session;
        this.background = background;
        setId("purchases");
        purchases.setId("purchase-list");
        purchases.setPrefWidth(320);
        purchases.setMinWidth(280);
        purchases.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Row row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.title() + "\n#" + row.purchase().purchaseId() + " · "
                        + Dgt.format(row.purchase().price()) + " · " + state(row.purchase()));
            }
        });
        purchases.setPlaceholder(new EmptyState(MaterialDesignS.SHOPPING_OUTLINE, "No purchases yet",
                "Datasets you buy in the Marketplace appear here, ready to download and decrypt."));
        purchases.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            // A reload re-selects the same purchase: keep its pane (and any message in it) unless it changed.
            if (old == null || now == null || !now.showsLike(old)) {
                show(now);
            }
        });
        detail.setPadding(new Insets(0, 0, 0, 16));
        setLeft(purchases);
        setCenter(detail);
        session.onSynced(() -> Platform.runLater(this::refresh));
        refresh();
    }

    /** Reloads the purchases from the cache. */
    public void refresh() {
        background.run(() -> {
            session.syncNow();
            return session.purchases().purchases().stream().map(this::row).toList();
        }).onSuccess(list -> {
            downloadedIds.clear();
            list.stream().filter(Row::downloaded).forEach(r -> downloadedIds.add(r.purchase().purchaseId()));
            Row selected = purchases.getSelectionModel().getSelectedItem();
            purchases.getItems().setAll(list);
            if (selected != null) {
                list.stream().filter(r -> r.purchase().purchaseId() == selected.purchase().purchaseId()).findFirst()
                        .ifPresent(purchases.getSelectionModel()::select);
            }
        }).onError(error -> message.showError(ErrorText.of("Loading your purchases", error))).start();
    }

    /**
     * A purchase as the list shows it: people know a dataset by its title, not its number. Read off the UI
     * thread, with whether it was downloaded then, so drawing a cell reads nothing.
     */
    private record Row(Purchase purchase, String title, boolean downloaded) {

        /** Whether the detail pane of {@code other} is this one's, so a reload may keep it as it is. */
        boolean showsLike(Row other) {
            Purchase a = purchase;
            Purchase b = other.purchase;
            return a.purchaseId() == b.purchaseId() && a.status() == b.status() && a.keyMismatch() == b.keyMismatch()
                    && Objects.equals(a.rating(), b.rating());
        }
    }

    private Row row(Purchase p) {
        String title = session.search().detail(p.listingId()).map(d -> d.listing().title())
                .filter(t -> t != null && !t.isBlank()).orElse("Listing #" + p.listingId());
        return new Row(p, title, session.downloads().downloaded(p.purchaseId()).isPresent());
    }

    private String state(Purchase p) {
        if (downloadedIds.contains(p.purchaseId())) {
            return "downloaded and verified";
        }
        return switch (p.status()) {
            case ESCROWED -> "paid, waiting for the key";
            case DELIVERED -> "key delivered";
            case REFUNDED -> "refunded";
        };
    }

    private void show(Row row) {
        message.clear();
        if (row == null) {
            detail.getChildren().clear();
            return;
        }
        Purchase p = row.purchase();
        Label heading = new Label(row.title() + " · purchase #" + p.purchaseId());
        heading.getStyleClass().add("title-4");
        heading.setWrapText(true);
        Label status = new Label(state(p));
        status.setId("purchase-state");
        detail.getChildren().setAll(heading, status);
        switch (p.status()) {
            case DELIVERED -> detail.getChildren().add(downloadBox(p));
            case ESCROWED -> detail.getChildren().add(refundBox(p));
            case REFUNDED -> { }
        }
        detail.getChildren().add(message);
    }

    private VBox downloadBox(Purchase p) {
        TextField folder = new TextField(defaultFolder(p).toString());
        folder.setId("download-folder");
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button("Change…");
        choose.setOnAction(e -> {
            var chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        Button download = new Button("Download and decrypt");
        download.setId("download-button");
        download.getStyleClass().add("accent");
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(260);
        Label step = new Label();
        step.getStyleClass().add("text-muted");
        Rating rating = new Rating(5, p.rating() == null ? 0 : p.rating());
        rating.setId("purchase-rating");
        rating.setDisable(p.rating() != null || !downloadedIds.contains(p.purchaseId()));
        rating.ratingProperty().addListener((obs, old, now) -> rate(p, now.intValue(), rating));
        download.setOnAction(e -> {
            download.setDisable(true);
            message.showInfo("Downloading…");
            Path target = Path.of(folder.getText().trim());
            background.track("Downloading purchase #" + p.purchaseId(), tracker -> session.downloads().download(
                            p.purchaseId(), target, (s, fraction, speed) -> {
                                String text = s.label() + Speed.suffix(speed);
                                tracker.update(text, overall(s, fraction));
                                Platform.runLater(() -> {
                                    bar.setProgress(fraction);
                                    step.setText(text);
                                });
                            }))
                    .onSuccess(result -> downloaded(result, rating))
                    .onError(error -> message.showError(ErrorText.of("Downloading", error)))
                    .andFinally(() -> download.setDisable(false))
                    .start();
        });
        Label rateLabel = new Label("Your rating");
        rateLabel.getStyleClass().add("text-muted");
        HBox rateRow = new HBox(10, rateLabel, rating);
        rateRow.setAlignment(Pos.CENTER_LEFT);
        download.setMinWidth(Region.USE_PREF_SIZE);
        HBox progressRow = new HBox(10, download, bar);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        return new VBox(10, new HBox(6, folder, choose), progressRow, step, rateRow);
    }

    /** The whole download as one fraction: fetching and decrypting move the bytes and weigh most. */
    static double overall(DownloadStep step, double fraction) {
        return switch (step) {
            case OPEN_KEY -> 0.05 * fraction;
            case FETCH -> 0.05 + 0.55 * fraction;
            case DECRYPT -> 0.6 + 0.4 * fraction;
            case DONE -> 1;
        };
    }

    private void downloaded(DownloadResult result, Rating rating) {
        message.showSuccess(result.files().size() + (result.files().size() == 1 ? " file" : " files")
                + " decrypted and verified in " + result.folder() + ".");
        rating.setDisable(false);
        if (detail.lookup("#purchase-state") instanceof Label state) {
            state.setText("downloaded and verified");
        }
        Notifier.confirmed(this, "Downloaded", "Purchase #" + result.purchaseId() + " is decrypted and verified.");
        downloadedIds.add(result.purchaseId());
        purchases.refresh();
    }

    private void rate(Purchase p, int stars, Rating rating) {
        if (stars < 1) {
            return;
        }
        rating.setDisable(true);
        background.track("Rating purchase #" + p.purchaseId(), () -> {
            session.purchases().rate(p.purchaseId(), stars);
            return stars;
        }).onSuccess(s -> message.showSuccess("Thanks: you rated this purchase " + s + " of 5."))
                .onError(error -> {
                    rating.setDisable(false);
                    message.showError(ErrorText.of("Rating", error));
                }).start();
    }

    private VBox refundBox(Purchase p) {
        Label waiting = new Label("The seller's app delivers the key on its own. If it does not before the deadline, "
                + "take your payment back here.");
        waiting.setWrapText(true);
        Button refund = new Button("Take the payment back");
        refund.setId("refund-button");
        refund.setOnAction(e -> background.track("Refunding purchase #" + p.purchaseId(), () -> {
            session.purchases().refund(p.purchaseId());
            return true;
        }).onSuccess(done -> {
            message.showSuccess("Refunded: " + Dgt.format(p.price()) + " is back in your wallet.");
            refresh();
        }).onError(error -> message.showError(ErrorText.of("Refunding", error))).start());
        return new VBox(10, waiting, refund);
    }

    private Path defaultFolder(Purchase p) {
        return Path.of(System.getProperty("user.home"), "Downloads", "Datagora", "purchase-" + p.purchaseId());
    }
}
