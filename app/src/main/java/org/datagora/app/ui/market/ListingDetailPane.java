package org.datagora.app.ui.market;

import java.time.Duration;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.datagora.app.market.ListingDetail;
import org.datagora.app.market.PaymentMethod;
import org.datagora.app.market.PurchaseQuote;
import org.datagora.app.market.PurchaseResult;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Notifier;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SellerReputation;

/** The chosen listing: what it is, who sells it and how they deliver, and a buy button with a clear confirmation. */
final class ListingDetailPane extends ScrollPane {

    private final WalletSession session;
    private final FxBackground background;
    private final VBox content = new VBox(12);
    private final FormMessage message = new FormMessage("buy-message");
    private Listing listing;

    ListingDetailPane(WalletSession session, FxBackground background) {
        this.session = session;
        this.background = background;
        setId("listing-detail");
        setFitToWidth(true);
        content.setPadding(new Insets(4, 12, 12, 16));
        setContent(content);
        show(null);
    }

    void show(Listing chosen) {
        this.listing = chosen;
        message.clear();
        if (chosen == null) {
            Label hint = new Label("Choose a dataset in the list to see its details, its seller's record and the "
                    + "price before you buy.");
            hint.getStyleClass().add("text-muted");
            hint.setWrapText(true);
            content.getChildren().setAll(hint);
            return;
        }
        background.run(() -> session.search().detail(chosen.listingId()).orElse(null))
                .onSuccess(detail -> { if (listing == chosen && detail != null) render(detail); })
                .onError(e -> message.showError(ErrorText.of("Loading the listing", e)))
                .start();
    }

    private void render(ListingDetail detail) {
        Listing l = detail.listing();
        Label title = new Label(l.title());
        title.getStyleClass().add("title-3");
        title.setWrapText(true);
        Label description = new Label(l.description());
        description.setWrapText(true);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        // Captions keep their width; values take the rest and wrap, so a narrow pane never cuts "License" to "Li…".
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        facts.getColumnConstraints().setAll(captions, values);
        int row = 0;
        facts.addRow(row++, muted("Price"), value("detail-price", Dgt.format(l.price())));
        facts.addRow(row++, muted("License"), value("detail-license", l.license()));
        facts.addRow(row++, muted("Tags"), value("detail-tags", String.join(", ", l.tagList())));
        detail.metadata().ifPresent(m -> {
            facts.addRow(facts.getRowCount(), muted("Size"), value("detail-size", humanBytes(m.datasetSize())
                    + " in " + m.files().size() + (m.files().size() == 1 ? " file" : " files")));
            facts.addRow(facts.getRowCount(), muted("Content"), identifier("detail-cid", m.contentCid()));
        });
        facts.addRow(facts.getRowCount(), muted("Seller"), identifier("detail-seller", l.seller()));
        facts.addRow(facts.getRowCount(), muted("Reputation"), value("detail-reputation", reputation(detail.reputation())));
        Button buy = new Button("Buy…");
        buy.setId("buy-button");
        buy.getStyleClass().add("accent");
        boolean own = l.seller().equalsIgnoreCase(session.address());
        buy.setDisable(own || l.status() != Listing.Status.ACTIVE);
        if (own) {
            message.showInfo("This is your own listing.");
        }
        buy.setOnAction(e -> confirm(l));
        content.getChildren().setAll(title, description, facts, buy, message);
    }

    private void confirm(Listing l) {
        message.showInfo("Checking the price and your balance…");
        background.run(() -> session.purchases().quote(l.listingId()))
                .onSuccess(quote -> showConfirmation(l, quote))
                .onError(e -> message.showError(ErrorText.of("Preparing the purchase", e)))
                .start();
    }

    private void showConfirmation(Listing l, PurchaseQuote quote) {
        message.clear();
        Label summary = new Label(String.format(Locale.ROOT,
                "You pay %s. The seller receives %s; the marketplace fee is %s (%.2f%%). The payment stays in escrow "
                        + "until the seller's app delivers the key, at most %s from now; if it does not, you can take it back.",
                Dgt.format(quote.price()), Dgt.format(quote.sellerAmount()), Dgt.format(quote.fee()),
                quote.feeBps() / 100.0, window(quote.deliveryWindowSeconds())));
        summary.setWrapText(true);
        summary.setId("buy-summary");
        Button confirm = new Button("Pay " + Dgt.format(quote.price()));
        confirm.setId("buy-confirm");
        confirm.getStyleClass().add("accent");
        Button cancel = new Button("Cancel");
        cancel.setId("buy-cancel");
        VBox box = new VBox(10, summary, new HBox(8, confirm, cancel));
        box.getStyleClass().add("confirmation");
        if (!quote.affordable()) {
            confirm.setDisable(true);
            message.showError("Your wallet holds " + Dgt.format(quote.buyerBalance()) + ", less than the price. "
                    + "Add DGT under Wallet first.");
        }
        cancel.setOnAction(e -> render(new ListingDetail(l, java.util.Optional.empty(), emptyReputation(l))));
        confirm.setOnAction(e -> {
            confirm.setDisable(true);
            cancel.setDisable(true);
            message.showInfo("Paying… one transaction with a signed permit.");
            background.track("Buying " + l.title(), progress -> {
                        progress.update("Paying " + Dgt.format(quote.price()) + " with a signed permit…", -1);
                        return session.purchases().buy(l.listingId(), quote.price(), PaymentMethod.PERMIT);
                    })
                    .onSuccess(this::bought)
                    .onError(error -> {
                        confirm.setDisable(false);
                        cancel.setDisable(false);
                        message.showError(ErrorText.of("Buying", error));
                    })
                    .start();
        });
        content.getChildren().removeIf(node -> "confirmation".equals(node.getUserData()));
        box.setUserData("confirmation");
        content.getChildren().add(content.getChildren().size() - 1, box);
    }

    private void bought(PurchaseResult result) {
        content.getChildren().removeIf(node -> "confirmation".equals(node.getUserData()));
        message.showSuccess("Bought. The key arrives when the seller's app delivers it; follow it under Purchases.");
        Notifier.confirmed(this, "Purchase confirmed", "Purchase #" + result.purchaseId() + " is paid into escrow.");
    }

    private static SellerReputation emptyReputation(Listing l) {
        return new SellerReputation(l.seller(), 0, 0, 0, 0, 0, 0, 0);
    }

    static String reputation(SellerReputation r) {
        if (r.sales() == 0) {
            return "New seller: no sales yet";
        }
        String rating = r.ratings() == 0 ? "no ratings" : String.format(Locale.ROOT, "★ %.1f from %d", r.meanRating(), r.ratings());
        return String.format(Locale.ROOT, "%d sales, %d delivered (avg. %s), %d refunded, %s%s", r.sales(),
                r.deliveries(), window((long) r.meanDeliverySeconds()), r.refunds(), rating,
                r.flags() > 0 ? ", " + r.flags() + " key complaints" : "");
    }

    static String window(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + " h";
        }
        return d.toMinutes() >= 1 ? d.toMinutes() + " min" : seconds + " s";
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        return String.format(Locale.ROOT, "%.1f %sB", bytes / Math.pow(1024, unit), " KMGTPE".charAt(unit));
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

    /** A CID or an address: one line with no spaces to wrap at, so it is cut in the middle and whole in its tooltip. */
    private static Label identifier(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        label.setMinWidth(0);
        label.setTooltip(new Tooltip(text));
        label.getStyleClass().add("identifier");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
