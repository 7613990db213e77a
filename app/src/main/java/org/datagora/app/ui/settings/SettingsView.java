package org.datagora.app.ui.settings;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.datagora.app.AppServices;
import org.datagora.app.config.Settings;
import org.datagora.app.config.SettingsStore;
import org.datagora.app.config.SettingsValidator;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.UserMessages;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Settings: the network (local sandbox or a JSON-RPC endpoint with its chain id and networks file), the
 * content store (embedded or a Kubo RPC API), the theme, and where the app keeps its data.
 */
public final class SettingsView extends ScrollPane {

    private final SettingsStore store;
    private final Settings loaded;
    private final Consumer<Settings.ThemeChoice> themeChanged;
    private final ToggleGroup network = new ToggleGroup();
    private final RadioButton localSandbox = radio("settings-network-local", "Local sandbox (its own chain and content store)", network);
    private final RadioButton jsonRpc = radio("settings-network-custom", "A JSON-RPC endpoint", network);
    private final TextField rpcUrl = field("settings-rpc-url", "https://… or http://127.0.0.1:8545");
    private final TextField chainId = field("settings-chain-id", "e.g. 11155111");
    private final TextField networksFile = field("settings-networks-file", "The contracts' addresses on that chain (JSON)");
    private final ToggleGroup contentStore = new ToggleGroup();
    private final RadioButton embedded = radio("settings-store-embedded", "Embedded IPFS node", contentStore);
    private final RadioButton kubo = radio("settings-store-kubo", "A Kubo RPC API", contentStore);
    private final TextField kuboUrl = field("settings-kubo-url", "http://127.0.0.1:5001");
    private final ToggleGroup theme = new ToggleGroup();
    private final RadioButton light = radio("settings-theme-light", "Light", theme);
    private final RadioButton dark = radio("settings-theme-dark", "Dark", theme);
    private final FormMessage message = new FormMessage("settings-message");

    /**
     * @param current      the theme in use, which the theme choice shows (the header's switch changes it too)
     * @param themeChanged applies a theme the user saved, on the JavaFX thread
     */
    public SettingsView(AppServices services, ObservableValue<Theme> current, Consumer<Settings.ThemeChoice> themeChanged) {
        this.store = services.settings();
        this.loaded = store.load();
        this.themeChanged = themeChanged;
        getStyleClass().addAll("settings-view", "edge-to-edge");
        setFitToWidth(true);

        show(loaded);
        (current.getValue() == Theme.DARK ? dark : light).setSelected(true);
        current.addListener((obs, old, now) -> (now == Theme.DARK ? dark : light).setSelected(true));
        rpcUrl.disableProperty().bind(jsonRpc.selectedProperty().not());
        chainId.disableProperty().bind(jsonRpc.selectedProperty().not());
        networksFile.disableProperty().bind(jsonRpc.selectedProperty().not());
        kuboUrl.disableProperty().bind(kubo.selectedProperty().not());

        Button browse = new Button("Choose…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        browse.setId("settings-networks-browse");
        browse.disableProperty().bind(jsonRpc.selectedProperty().not());
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the networks file");
            java.io.File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                networksFile.setText(file.getAbsolutePath());
            }
        });
        HBox.setHgrow(networksFile, Priority.ALWAYS);

        GridPane endpoint = form();
        endpoint.addRow(0, caption("RPC URL"), rpcUrl);
        endpoint.addRow(1, caption("Chain id"), chainId);
        endpoint.addRow(2, caption("Networks file"), new HBox(8, networksFile, browse));
        GridPane kuboForm = form();
        kuboForm.addRow(0, caption("RPC API URL"), kuboUrl);

        Button save = new Button("Save");
        save.setId("settings-save");
        save.getStyleClass().add("accent");
        save.setDefaultButton(true);
        save.setOnAction(e -> save());
        HBox actions = new HBox(12, save, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(message, Priority.ALWAYS);

        GridPane data = form();
        data.addRow(0, caption("Data directory"), value("settings-data-dir", services.dataDirectory().root().toString()));
        data.addRow(1, caption("Logs"), value("settings-logs", services.dataDirectory().logs().toString()));
        data.addRow(2, caption("Settings file"), value("settings-file", store.file().toString()));

        VBox page = new VBox(10,
                section("Network"), localSandbox, jsonRpc, indented(endpoint),
                section("Content store"), embedded, kubo, indented(kuboForm),
                section("Theme"), new HBox(16, light, dark),
                actions,
                section("Storage"), data,
                section("About"), new org.datagora.app.ui.about.AboutSection());
        page.setPadding(new Insets(8, 0, 16, 0));
        page.setMaxWidth(760);
        page.getStyleClass().add("settings-page");
        setContent(page);
    }

    private void show(Settings settings) {
        Settings.Network chosen = settings.network();
        (chosen.kind() == Settings.NetworkKind.JSON_RPC ? jsonRpc : localSandbox).setSelected(true);
        rpcUrl.setText(orEmpty(chosen.rpcUrl()));
        chainId.setText(chosen.chainId() == null ? "" : chosen.chainId().toString());
        networksFile.setText(orEmpty(chosen.networksFile()));
        (settings.contentStore().kind() == Settings.ContentStoreKind.KUBO ? kubo : embedded).setSelected(true);
        kuboUrl.setText(orEmpty(settings.contentStore().kuboUrl()));
        (settings.theme() == Settings.ThemeChoice.DARK ? dark : light).setSelected(true);
    }

    private void save() {
        Settings chosen;
        try {
            chosen = chosen();
        } catch (IllegalArgumentException invalid) {
            message.showError(invalid.getMessage());
            return;
        }
        List<String> problems = SettingsValidator.problems(chosen);
        if (!problems.isEmpty()) {
            message.showError(problems.get(0));
            return;
        }
        try {
            store.save(chosen);
        } catch (RuntimeException e) {
            message.showError(UserMessages.of(e));
            return;
        }
        themeChanged.accept(chosen.theme());
        boolean needsRestart = !chosen.network().equals(loaded.network()) || !chosen.contentStore().equals(loaded.contentStore());
        if (needsRestart) {
            message.showSuccess("Saved. Restart Datagora to use the new network and content store.");
        } else {
            message.showSuccess("Saved.");
        }
    }

    private Settings chosen() {
        Settings.Network chosenNetwork = Settings.Network.localSandbox();
        if (jsonRpc.isSelected()) {
            Long id = null;
            if (!chainId.getText().isBlank()) {
                try {
                    id = Long.parseLong(chainId.getText().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Enter the chain id as a positive whole number (for example 1 "
                            + "for Ethereum, 11155111 for Sepolia).");
                }
            }
            chosenNetwork = new Settings.Network(Settings.NetworkKind.JSON_RPC, rpcUrl.getText().trim(), id,
                    networksFile.getText().trim());
        }
        Settings.ContentStore chosenStore = kubo.isSelected()
                ? new Settings.ContentStore(Settings.ContentStoreKind.KUBO, kuboUrl.getText().trim())
                : Settings.ContentStore.embedded();
        return new Settings(chosenNetwork, chosenStore, dark.isSelected() ? Settings.ThemeChoice.DARK : Settings.ThemeChoice.LIGHT);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints captions = new javafx.scene.layout.ColumnConstraints(120);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().setAll(captions, fields);
        return grid;
    }

    private static Node indented(Node node) {
        VBox box = new VBox(node);
        box.setPadding(new Insets(0, 0, 2, 28));
        return box;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("title-4", "settings-section");
        return label;
    }

    private static RadioButton radio(String id, String text, ToggleGroup group) {
        RadioButton button = new RadioButton(text);
        button.setId(id);
        button.setToggleGroup(group);
        return button;
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setMaxWidth(Double.MAX_VALUE);
        return field;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
