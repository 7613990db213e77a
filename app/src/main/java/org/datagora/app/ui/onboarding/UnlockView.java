package org.datagora.app.ui.onboarding;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Secrets;
import org.datagora.app.ui.common.UserMessages;
import org.datagora.app.wallet.WalletEntry;
import org.datagora.app.wallet.WalletService;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/** The screen of later starts: pick the wallet (the last used one first) and unlock it with its password. */
public final class UnlockView extends WalletSetupCard {

    private final PasswordField password = new PasswordField();

    /**
     * @param onUnlocked runs on the JavaFX thread once the wallet is open
     */
    public UnlockView(WalletService wallets, FxBackground background, Runnable onUnlocked) {
        setId("unlock");
        List<WalletEntry> entries = wallets.wallets();
        ComboBox<String> wallet = new ComboBox<>();
        wallet.setId("unlock-wallet");
        wallet.getItems().setAll(entries.stream().map(WalletEntry::address).toList());
        wallet.getSelectionModel().selectFirst();
        wallet.setMaxWidth(Double.MAX_VALUE);
        wallet.getStyleClass().add("monospace");
        password.setId("unlock-password");
        password.setPromptText("Your wallet's password");
        FormMessage message = new FormMessage("unlock-message");
        Button unlock = new Button("Unlock", new FontIcon(MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE));
        unlock.setId("unlock-button");
        unlock.getStyleClass().add("accent");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> {
            if (password.getLength() == 0) {
                message.showError("Enter your wallet's password.");
                return;
            }
            char[] secret = Secrets.take(password);
            String address = wallet.getValue();
            unlock.setDisable(true);
            message.showInfo("Unlocking…");
            background.run(() -> {
                wallets.unlock(address, secret);
                return address;
            }).onSuccess(opened -> onUnlocked.run())
                    .onError(error -> {
                        message.showError(UserMessages.of(error));
                        password.requestFocus();
                    })
                    .andFinally(() -> unlock.setDisable(false))
                    .start();
        });
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                password.clear();
            }
        });
        Label walletCaption = new Label("Wallet");
        walletCaption.getStyleClass().add("field-caption");
        Label passwordCaption = new Label("Password");
        passwordCaption.getStyleClass().add("field-caption");
        showStep("Unlock your wallet", "Your wallet is stored encrypted on this computer. Enter its password to "
                        + "open Datagora.", new VBox(10, walletCaption, wallet, passwordCaption, password, message), unlock);
        password.requestFocus();
    }
}
