package org.datagora.app.ui.onboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Secrets;
import org.datagora.app.ui.common.UserMessages;
import org.datagora.app.wallet.WalletEntry;
import org.datagora.app.wallet.WalletService;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * The first-run screen: create a wallet (and back up its twelve words) or import one (keystore file,
 * private key or recovery phrase), then protect it with a password. Secrets leave the fields as arrays
 * the wallet service wipes; every field is cleared when the screen goes away.
 */
public final class OnboardingView extends WalletSetupCard {

    private final WalletService wallets;
    private final FxBackground background;
    private final Runnable onDone;
    private final PasswordField password = passwordField("onboarding-password", "Password");
    private final PasswordField confirmation = passwordField("onboarding-password-confirm", "Repeat the password");
    private final PasswordField privateKey = passwordField("import-private-key", "0x… (64 hexadecimal characters)");
    private final PasswordField keystorePassword = passwordField("import-keystore-password", "The keystore file's password");
    private final TextField keystorePath = new TextField();
    private final TextArea mnemonic = new TextArea();
    private char[] pendingKeystorePassword = new char[0];

    /**
     * @param onDone runs on the JavaFX thread once a wallet is stored and open
     */
    public OnboardingView(WalletService wallets, FxBackground background, Runnable onDone) {
        this.wallets = wallets;
        this.background = background;
        this.onDone = onDone;
        setId("onboarding");
        keystorePath.setId("import-keystore-path");
        keystorePath.setPromptText("UTC--…json or a MetaMask export");
        mnemonic.setId("import-mnemonic");
        mnemonic.setPromptText("The 12 or 24 words, separated by spaces");
        mnemonic.setWrapText(true);
        mnemonic.setPrefRowCount(3);
        sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                clearSecrets();
            }
        });
        showWelcome();
    }

    private void showWelcome() {
        clearSecrets();
        Button create = new Button("Create a new wallet", new FontIcon(MaterialDesignW.WALLET_PLUS_OUTLINE));
        create.setId("onboarding-create");
        create.getStyleClass().add("accent");
        create.setDefaultButton(true);
        create.setOnAction(e -> showMnemonic(wallets.generateMnemonic()));
        Button importing = new Button("Import a wallet", new FontIcon(MaterialDesignI.IMPORT));
        importing.setId("onboarding-import");
        importing.setOnAction(e -> showImport());
        showStep("Set up your wallet",
                "Datagora pays and gets paid in DGT from a wallet that lives only on this computer, encrypted with "
                        + "your password. Create a new one, or import one you already have from MetaMask, geth or "
                        + "a recovery phrase.", null, importing, create);
    }

    private void showMnemonic(List<String> words) {
        GridPane grid = new GridPane();
        grid.setId("onboarding-mnemonic");
        grid.getStyleClass().add("mnemonic-grid");
        grid.setHgap(10);
        grid.setVgap(8);
        for (int i = 0; i < words.size(); i++) {
            Label word = new Label((i + 1) + ". " + words.get(i));
            word.getStyleClass().add("mnemonic-word");
            word.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(word, Priority.ALWAYS);
            grid.add(word, i % 3, i / 3);
        }
        CheckBox backedUp = new CheckBox("I wrote these 12 words down, in this order, and keep them somewhere safe.");
        backedUp.setId("onboarding-backed-up");
        backedUp.setWrapText(true);
        Button back = backButton(this::showWelcome);
        Button next = new Button("Continue");
        next.setId("onboarding-continue");
        next.getStyleClass().add("accent");
        next.disableProperty().bind(backedUp.selectedProperty().not());
        next.setOnAction(e -> showPassword(pw -> wallets.importMnemonic(String.join(" ", words), pw),
                () -> showMnemonic(words)));
        showStep("Write down your recovery phrase",
                "These words are the only way to get your wallet back if this computer is lost. Anyone who has "
                        + "them can spend your tokens: never type them into a website.",
                new VBox(14, grid, backedUp), back, next);
    }

    private void showImport() {
        ToggleGroup kinds = new ToggleGroup();
        ToggleButton keystore = kind("import-kind-keystore", "Keystore file", kinds, "left-pill");
        ToggleButton key = kind("import-kind-key", "Private key", kinds, "center-pill");
        ToggleButton phrase = kind("import-kind-mnemonic", "Recovery phrase", kinds, "right-pill");
        HBox kindBar = new HBox(keystore, key, phrase);
        VBox fields = new VBox(10);
        FormMessage message = new FormMessage("onboarding-message");
        Runnable showFields = () -> {
            message.clear();
            Toggle selected = Toggle.of(kinds);
            if (selected == Toggle.KEYSTORE) {
                Button browse = new Button("Choose…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
                browse.setId("import-keystore-browse");
                browse.setOnAction(e -> chooseKeystore());
                HBox.setHgrow(keystorePath, Priority.ALWAYS);
                HBox pathRow = new HBox(8, keystorePath, browse);
                fields.getChildren().setAll(caption("Keystore file (JSON)"), pathRow, caption("Its password"), keystorePassword);
            } else if (selected == Toggle.KEY) {
                fields.getChildren().setAll(caption("Private key"), privateKey);
            } else {
                fields.getChildren().setAll(caption("Recovery phrase"), mnemonic);
            }
        };
        // A message about earlier input goes as soon as the user changes it.
        privateKey.textProperty().addListener((obs, old, now) -> message.clear());
        mnemonic.textProperty().addListener((obs, old, now) -> message.clear());
        keystorePath.textProperty().addListener((obs, old, now) -> message.clear());
        kinds.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                showFields.run();
            }
        });
        keystore.setSelected(true);
        Button next = new Button("Continue");
        next.setId("onboarding-continue");
        next.getStyleClass().add("accent");
        next.setDefaultButton(true);
        next.setOnAction(e -> {
            try {
                showPassword(importer(Toggle.of(kinds)), this::showImport);
            } catch (IllegalArgumentException invalid) {
                message.showError(invalid.getMessage());
            }
        });
        showStep("Import a wallet", "Bring the wallet you already use. Its key is encrypted again with the "
                + "password you choose next and never leaves this computer.", new VBox(14, kindBar, fields, message),
                backButton(this::showWelcome), next);
    }

    /** Checks the import fields and returns what stores the wallet once a password is chosen. */
    private Function<char[], WalletEntry> importer(Toggle kind) {
        switch (kind) {
            case KEYSTORE -> {
                Path file = Path.of(keystorePath.getText().trim());
                if (keystorePath.getText().isBlank() || !Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("Choose the keystore file to import.");
                }
                Arrays.fill(pendingKeystorePassword, '\0');
                pendingKeystorePassword = Secrets.take(keystorePassword);
                char[] exportedWith = pendingKeystorePassword;
                return pw -> wallets.importKeystore(file, exportedWith, pw);
            }
            case KEY -> {
                String hex = Numeric.cleanHexPrefix(privateKey.getText().trim());
                if (hex.length() != 64 || !WalletUtils.isValidPrivateKey(hex)) {
                    throw new IllegalArgumentException("That is not a private key: expected 64 hexadecimal characters, "
                            + "optionally after 0x.");
                }
                privateKey.clear();
                return pw -> wallets.importPrivateKey(hex, pw);
            }
            default -> {
                String words = mnemonic.getText();
                if (!WalletService.isValidMnemonic(words)) {
                    throw new IllegalArgumentException("That recovery phrase is not valid. Check that every word is "
                            + "spelled as written down and in the right order (12 or 24 words).");
                }
                mnemonic.clear();
                return pw -> wallets.importMnemonic(words, pw);
            }
        }
    }

    private void showPassword(Function<char[], WalletEntry> store, Runnable back) {
        password.clear();
        confirmation.clear();
        FormMessage message = new FormMessage("onboarding-message");
        Label hint = new Label("At least " + WalletService.MINIMUM_PASSWORD_LENGTH + " characters. It unlocks the "
                + "wallet on this computer; Datagora cannot recover it, but your recovery phrase or key can.");
        hint.setWrapText(true);
        hint.getStyleClass().addAll("text-muted", "text-small");
        Button finish = new Button("Create wallet");
        finish.setId("onboarding-finish");
        finish.getStyleClass().add("accent");
        finish.setDefaultButton(true);
        Button backButton = backButton(back);
        finish.setOnAction(e -> {
            if (!password.getText().equals(confirmation.getText())) {
                message.showError("The two passwords differ. Type the same password twice.");
                return;
            }
            if (password.getLength() < WalletService.MINIMUM_PASSWORD_LENGTH) {
                message.showError("Choose a password of at least " + WalletService.MINIMUM_PASSWORD_LENGTH + " characters.");
                return;
            }
            char[] chosen = Secrets.take(password);
            confirmation.clear();
            finish.setDisable(true);
            backButton.setDisable(true);
            message.showInfo("Encrypting your wallet…");
            background.run(() -> store.apply(chosen))
                    .onSuccess(entry -> onDone.run())
                    .onError(error -> message.showError(UserMessages.of(error)))
                    .andFinally(() -> {
                        Arrays.fill(chosen, '\0');
                        finish.setDisable(false);
                        backButton.setDisable(false);
                    })
                    .start();
        });
        showStep("Choose a password", "The wallet is stored encrypted with this password.",
                new VBox(10, caption("Password"), password, caption("Repeat it"), confirmation, hint, message),
                backButton, finish);
    }

    private void chooseKeystore() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a keystore file");
        java.io.File file = chooser.showOpenDialog(getScene().getWindow());
        if (file != null) {
            keystorePath.setText(file.getAbsolutePath());
        }
    }

    private void clearSecrets() {
        password.clear();
        confirmation.clear();
        privateKey.clear();
        keystorePassword.clear();
        mnemonic.clear();
        Arrays.fill(pendingKeystorePassword, '\0');
    }

    private Button backButton(Runnable action) {
        Button back = new Button("Back");
        back.setId("onboarding-back");
        back.setCancelButton(true);
        back.setOnAction(e -> action.run());
        return back;
    }

    private static ToggleButton kind(String id, String text, ToggleGroup group, String pill) {
        ToggleButton button = new ToggleButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        button.getStyleClass().add(pill);
        button.setUserData(id);
        return button;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        return label;
    }

    private static PasswordField passwordField(String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    /** The three ways to import. */
    private enum Toggle {
        KEYSTORE, KEY, MNEMONIC;

        static Toggle of(ToggleGroup group) {
            Object id = group.getSelectedToggle() == null ? "" : group.getSelectedToggle().getUserData();
            return switch (String.valueOf(id)) {
                case "import-kind-key" -> KEY;
                case "import-kind-mnemonic" -> MNEMONIC;
                default -> KEYSTORE;
            };
        }
    }

}
