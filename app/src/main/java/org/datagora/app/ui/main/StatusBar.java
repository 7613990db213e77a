package org.datagora.app.ui.main;

import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.datagora.app.network.NetworkStatus;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The strip at the bottom of the main window: chain, block height, active account, content store and activity. */
public final class StatusBar extends HBox {

    private final FontIcon chainDot = new FontIcon(MaterialDesignC.CIRCLE);
    private final Label chain = label("status-chain");
    private final Label block = label("status-block");
    private final Label account = label("status-account");
    private final FontIcon ipfsDot = new FontIcon(MaterialDesignC.CIRCLE);
    private final Label ipfs = label("status-ipfs");
    private final Tooltip tooltip = new Tooltip();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(16);
        chainDot.getStyleClass().add("status-dot");
        ipfsDot.getStyleClass().add("status-dot");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox chainBox = new HBox(6, chainDot, chain);
        chainBox.setAlignment(Pos.CENTER_LEFT);
        HBox ipfsBox = new HBox(6, ipfsDot, ipfs);
        ipfsBox.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(chainBox, block, spacer, account, ipfsBox);
        Tooltip.install(this, tooltip);
        show(NetworkStatus.starting());
    }

    /** Puts the activity panel's button at the bar's right end. */
    void addActivityButton(javafx.scene.Node button) {
        getChildren().add(button);
    }

    /** Shows {@code status}. Call on the JavaFX thread. */
    public void show(NetworkStatus status) {
        chain.setText(status.chainId().map(id -> "Chain " + id).orElse(status.detail().startsWith("Starting")
                ? "Chain starting…" : "Chain offline"));
        block.setText(status.blockHeight().map(h -> String.format(Locale.ROOT, "Block %,d", h)).orElse("Block —"));
        account.setText(status.account().map(StatusBar::shortAddress).orElse("No wallet open"));
        account.setUserData(status.account().orElse(""));
        ipfs.setText(status.contentStore() + " " + status.ipfs().label());
        setState(chainDot, status.chainOnline() ? "online" : "offline");
        setState(ipfsDot, status.ipfs().name().toLowerCase(Locale.ROOT));
        tooltip.setText(status.detail());
    }

    private static void setState(FontIcon dot, String state) {
        dot.getStyleClass().removeAll("online", "offline", "starting");
        dot.getStyleClass().add(state);
    }

    /** 0x1234…abcd: enough to recognise an address without taking the whole bar. */
    static String shortAddress(String address) {
        return address.length() <= 12 ? address : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }
}
