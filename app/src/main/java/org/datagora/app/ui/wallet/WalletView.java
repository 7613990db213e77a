package org.datagora.app.ui.wallet;

import java.math.BigInteger;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.datagora.app.chain.Amounts;
import org.datagora.app.chain.ChainConnection;
import org.datagora.app.chain.FeeEstimate;
import org.datagora.app.chain.PendingTransaction;
import org.datagora.app.chain.TokenService;
import org.datagora.app.chain.TransactionStuckException;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Notifier;
import org.datagora.app.ui.common.UserMessages;
import org.datagora.app.wallet.WalletService;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The Wallet area: the open wallet's address, its ETH and DGT balances, sending DGT after a confirmation
 * with the fee, and on the local sandbox a faucet for test tokens.
 */
public final class WalletView extends StackPane {

    private final WalletService wallets;
    private final FxBackground background;
    private final Label address = new Label();
    private final Label eth = balanceLabel("wallet-eth");
    private final Label dgt = balanceLabel("wallet-dgt");
    private final FormMessage walletMessage = new FormMessage("wallet-message");
    private final TextField recipient = new TextField();
    private final TextField amount = new TextField();
    private final FormMessage sendMessage = new FormMessage("send-message");
    private final VBox confirmation = new VBox(10);
    private final Button review = new Button("Review");
    private ChainConnection chain;

    public WalletView(WalletService wallets, java.util.concurrent.CompletableFuture<ChainConnection> chainReady,
                      FxBackground background) {
        this.wallets = wallets;
        this.background = background;
        setId("wallet-view");
        getChildren().setAll(new EmptyState(MaterialDesignW.WALLET_OUTLINE, "Connecting to the network…",
                "Balances appear as soon as the chain answers."));
        chainReady.thenAccept(connection -> Platform.runLater(() -> {
            chain = connection;
            build();
            wallets.addListener(active -> Platform.runLater(this::build));
        }));
    }

    private void build() {
        Optional<String> active = wallets.activeAddress();
        if (active.isEmpty()) {
            getChildren().setAll(new EmptyState(MaterialDesignL.LOCK_OUTLINE, "Wallet locked",
                    "Restart Datagora and unlock your wallet to see balances and send tokens."));
            return;
        }
        address.setText(active.get());
        VBox page = new VBox(20, accountCard(), sendCard());
        page.getStyleClass().add("wallet-page");
        page.setMaxWidth(760);
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        getChildren().setAll(scroll);
        refresh();
    }

    private Node accountCard() {
        address.setId("wallet-address");
        address.getStyleClass().add("wallet-address");
        Button copy = new Button(null, new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("wallet-copy");
        copy.getStyleClass().addAll("flat", "button-icon");
        copy.setTooltip(new Tooltip("Copy the address"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(address.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            walletMessage.showSuccess("Address copied.");
        });
        HBox addressRow = new HBox(6, address, copy);
        addressRow.setAlignment(Pos.CENTER_LEFT);

        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("wallet-refresh");
        refresh.setOnAction(e -> refresh());
        HBox balances = new HBox(16, balanceTile("ETH", "for network fees", eth),
                balanceTile(TokenService.SYMBOL, "Datagora tokens", dgt));
        balances.setAlignment(Pos.CENTER_LEFT);
        VBox card = card("Your wallet", caption("Address"), addressRow, balances);
        HBox actions = new HBox(10, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        chain.faucet().ifPresent(faucet -> {
            Button drip = new Button("Get test tokens", new FontIcon(MaterialDesignW.WATER_OUTLINE));
            drip.setId("wallet-faucet");
            drip.setOnAction(e -> {
                drip.setDisable(true);
                walletMessage.showInfo("Asking the local faucet…");
                String to = address.getText();
                background.track("Test tokens from the faucet", () -> {
                    faucet.drip(to);
                    return to;
                }).onSuccess(done -> {
                    walletMessage.showSuccess("1000 test DGT arrived, with ETH for fees when it ran low.");
                    Notifier.confirmed(this, "Test tokens arrived", "1000 DGT from the local faucet");
                    refresh();
                }).onError(error -> walletMessage.showError(UserMessages.of(error)))
                        .andFinally(() -> drip.setDisable(false)).start();
            });
            Label note = new Label("Local sandbox only: mints test DGT, worthless anywhere else.");
            note.getStyleClass().addAll("text-muted", "text-small");
            note.setWrapText(true);
            actions.getChildren().addAll(drip, note);
        });
        card.getChildren().addAll(actions, walletMessage);
        return card;
    }

    private Node sendCard() {
        recipient.setId("send-to");
        recipient.setPromptText("0x… the recipient's address");
        amount.setId("send-amount");
        amount.setPromptText("0.0");
        amount.setPrefColumnCount(10);
        Label unit = new Label(TokenService.SYMBOL);
        unit.getStyleClass().add("text-muted");
        HBox amountRow = new HBox(8, amount, unit);
        amountRow.setAlignment(Pos.CENTER_LEFT);
        review.setId("send-review");
        review.getStyleClass().add("accent");
        review.setGraphic(new FontIcon(MaterialDesignS.SEND_OUTLINE));
        review.setOnAction(e -> review());
        confirmation.setId("send-confirm-pane");
        confirmation.getStyleClass().add("confirm-pane");
        hideConfirmation();
        return card("Send " + TokenService.SYMBOL, caption("Recipient"), recipient, caption("Amount"), amountRow,
                review, confirmation, sendMessage);
    }

    private void review() {
        sendMessage.clear();
        walletMessage.clear();
        hideConfirmation();
        String to = recipient.getText().trim();
        Optional<String> addressProblem = addressProblem(to);
        if (addressProblem.isPresent()) {
            sendMessage.showError(addressProblem.get());
            return;
        }
        BigInteger units;
        try {
            units = Amounts.parse(amount.getText());
        } catch (IllegalArgumentException invalid) {
            sendMessage.showError(invalid.getMessage());
            return;
        }
        String from = address.getText();
        review.setDisable(true);
        background.run(() -> {
            chain.token().requireBalance(from, units);
            return chain.transactions().estimate(from, chain.token().transferRequest(to, units));
        }).onSuccess(fees -> showConfirmation(to, units, fees))
                .onError(error -> sendMessage.showError(UserMessages.of(error)))
                .andFinally(() -> review.setDisable(false)).start();
    }

    private void showConfirmation(String to, BigInteger units, FeeEstimate fees) {
        Label summary = new Label("Send " + Amounts.formatToken(units) + " " + TokenService.SYMBOL + " to " + to + "?");
        summary.setId("send-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("text-bold");
        Label fee = new Label("Network fee: at most about " + Amounts.formatEth(fees.maxCost()) + " ETH, usually less.");
        fee.setId("send-fee");
        fee.getStyleClass().add("text-muted");
        Button cancel = new Button("Cancel");
        cancel.setId("send-cancel");
        cancel.setOnAction(e -> hideConfirmation());
        Button confirm = new Button("Confirm and send");
        confirm.setId("send-confirm");
        confirm.getStyleClass().add("accent");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(10, spacer, cancel, confirm);
        confirm.setOnAction(e -> {
            confirm.setDisable(true);
            cancel.setDisable(true);
            sendMessage.showInfo("Sending and waiting for confirmation…");
            Credentials sender = wallets.requireActive();
            background.track("Sending " + Amounts.formatToken(units) + " " + TokenService.SYMBOL + " to " + shortAddress(to),
                            progress -> {
                                progress.update("Sending and waiting for confirmation…", -1);
                                return chain.token().transfer(sender, to, units);
                            })
                    .onSuccess(receipt -> sent(receipt, units, to))
                    .onError(error -> {
                        hideConfirmation();
                        if (error instanceof TransactionStuckException stuck) {
                            offerSpeedUp(stuck, units, to);
                        } else {
                            sendMessage.showError(UserMessages.of(error));
                        }
                    }).start();
        });
        confirmation.getChildren().setAll(summary, fee, buttons);
        confirmation.setVisible(true);
        confirmation.setManaged(true);
    }

    private void offerSpeedUp(TransactionStuckException stuck, BigInteger units, String to) {
        sendMessage.showError(stuck.getMessage());
        Button speedUp = new Button("Speed up");
        speedUp.getStyleClass().add("accent");
        speedUp.setMinWidth(Region.USE_PREF_SIZE);
        speedUp.setId("send-speed-up");
        speedUp.setOnAction(e -> {
            speedUp.setDisable(true);
            PendingTransaction pending = stuck.pending();
            Credentials sender = wallets.requireActive();
            sendMessage.showInfo("Re-sending with higher fees…");
            background.track("Speeding up the transfer to " + shortAddress(to),
                            () -> chain.transactions().speedUp(sender, pending))
                    .onSuccess(receipt -> sent(receipt, units, to))
                    .onError(error -> sendMessage.showError(UserMessages.of(error)))
                    .andFinally(this::hideConfirmation).start();
        });
        Label explanation = new Label("Speeding up re-sends the same transfer with higher fees; only one of the two "
                + "can go through.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("text-muted");
        HBox.setHgrow(explanation, Priority.ALWAYS);
        HBox row = new HBox(12, explanation, speedUp);
        row.setAlignment(Pos.CENTER_LEFT);
        confirmation.getChildren().setAll(row);
        confirmation.setVisible(true);
        confirmation.setManaged(true);
    }

    private void sent(TransactionReceipt receipt, BigInteger units, String to) {
        hideConfirmation();
        recipient.clear();
        amount.clear();
        String what = "Sent " + Amounts.formatToken(units) + " " + TokenService.SYMBOL + " to " + shortAddress(to) + ".";
        sendMessage.showSuccess(what + " Confirmed in block " + receipt.getBlockNumber() + ".");
        Notifier.confirmed(this, "Transaction confirmed", what);
        refresh();
    }

    private void refresh() {
        String owner = address.getText();
        background.run(() -> new BigInteger[] {chain.transactions().ethBalance(owner), chain.token().balanceOf(owner)})
                .onSuccess(values -> {
                    eth.setText(Amounts.formatEth(values[0]));
                    dgt.setText(Amounts.formatToken(values[1]));
                })
                .onError(error -> walletMessage.showError(UserMessages.of(error)))
                .start();
    }

    private void hideConfirmation() {
        confirmation.getChildren().clear();
        confirmation.setVisible(false);
        confirmation.setManaged(false);
    }

    /** Why {@code text} is not an address to send to, if it is not. */
    static Optional<String> addressProblem(String text) {
        if (text.isEmpty() || !WalletUtils.isValidAddress(text) || !text.startsWith("0x")) {
            return Optional.of("Enter the recipient's address: 0x followed by 40 hexadecimal characters.");
        }
        String hex = text.substring(2);
        boolean mixedCase = !hex.equals(hex.toLowerCase(java.util.Locale.ROOT)) && !hex.equals(hex.toUpperCase(java.util.Locale.ROOT));
        if (mixedCase && !Keys.toChecksumAddress(text).equals(text)) {
            return Optional.of("That address has a typo: its capital letters do not match its checksum. Copy it again.");
        }
        return Optional.empty();
    }

    private static String shortAddress(String value) {
        return value.length() <= 12 ? value : value.substring(0, 6) + "…" + value.substring(value.length() - 4);
    }

    private static VBox card(String title, Node... children) {
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        VBox card = new VBox(10, heading);
        card.getChildren().addAll(children);
        card.getStyleClass().add("wallet-card");
        return card;
    }

    private static VBox balanceTile(String unit, String purpose, Label value) {
        Label unitLabel = new Label(unit);
        unitLabel.getStyleClass().add("text-muted");
        HBox amountRow = new HBox(6, value, unitLabel);
        amountRow.setAlignment(Pos.BASELINE_LEFT);
        Label purposeLabel = new Label(purpose);
        purposeLabel.getStyleClass().addAll("text-muted", "text-small");
        VBox tile = new VBox(2, amountRow, purposeLabel);
        tile.getStyleClass().add("balance-tile");
        tile.setMinWidth(200);
        return tile;
    }

    private static Label balanceLabel(String id) {
        Label label = new Label("—");
        label.setId(id);
        label.getStyleClass().addAll("title-3", "balance-value");
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }
}
