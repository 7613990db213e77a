package org.datagora.app.ui.mydata;

import java.io.File;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.datagora.app.market.Licenses;
import org.datagora.app.market.PublishRequest;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.FormMessage;

/** What a contributor fills in to publish: the data (dropped or picked), its description, license and price. */
final class PublishForm extends VBox {

    private final TextField source = new TextField();
    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final TextField tags = new TextField();
    private final ComboBox<String> license = new ComboBox<>();
    private final TextField price = new TextField();
    private final TextField preview = new TextField();
    private final FormMessage message = new FormMessage("publish-message");

    PublishForm(Consumer<PublishRequest> onPublish) {
        getStyleClass().add("publish-form");
        setSpacing(12);
        source.setId("publish-source");
        source.setPromptText("Drop a file or folder here, or choose one");
        Button chooseFile = new Button("File…");
        chooseFile.setOnAction(e -> pickFile(source));
        Button chooseFolder = new Button("Folder…");
        chooseFolder.setOnAction(e -> pickFolder());
        HBox.setHgrow(source, Priority.ALWAYS);
        HBox sourceRow = new HBox(6, source, chooseFile, chooseFolder);
        acceptDrops(sourceRow);
        title.setId("publish-title");
        description.setId("publish-description");
        description.setPrefRowCount(3);
        description.setWrapText(true);
        tags.setId("publish-tags");
        tags.setPromptText("comma separated, e.g. spam, email, text");
        license.setId("publish-license");
        license.setEditable(true);
        license.getItems().setAll(Licenses.spdxIdentifiers());
        license.setValue("CC-BY-4.0");
        price.setId("publish-price");
        price.setPromptText("in DGT, e.g. 25");
        preview.setId("publish-preview");
        preview.setPromptText("optional: a public sample file buyers may see before paying");
        Button choosePreview = new Button("File…");
        choosePreview.setOnAction(e -> pickFile(preview));
        HBox.setHgrow(preview, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, caption("Data"), sourceRow);
        grid.addRow(row++, caption("Title"), title);
        grid.addRow(row++, caption("Description"), description);
        grid.addRow(row++, caption("Tags"), tags);
        grid.addRow(row++, caption("License"), license);
        grid.addRow(row++, caption("Price (DGT)"), price);
        grid.addRow(row, caption("Preview"), new HBox(6, preview, choosePreview));
        GridPane.setHgrow(sourceRow, Priority.ALWAYS);

        Button publish = new Button("Encrypt and publish");
        publish.setId("publish-start");
        publish.getStyleClass().add("accent");
        publish.setDefaultButton(true);
        publish.setOnAction(e -> {
            try {
                onPublish.accept(request());
                message.clear();
            } catch (IllegalArgumentException invalid) {
                message.showError(invalid.getMessage());
            }
        });
        publish.setMinWidth(Region.USE_PREF_SIZE);
        Label note = new Label("The data is encrypted on this computer; only buyers receive its key.");
        note.getStyleClass().add("text-muted");
        note.setWrapText(true);
        HBox actions = new HBox(12, publish, note);
        actions.setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 0, 0, 0));
        getChildren().addAll(grid, actions, message);
    }

    /** Hides the form's message (after a publish went through). */
    void clearMessage() {
        message.clear();
    }

    /** Shows a failure of the publish that this form started. */
    void showError(String text) {
        message.showError(text);
    }

    private PublishRequest request() {
        if (source.getText().isBlank()) {
            throw new IllegalArgumentException("Choose the file or folder to publish.");
        }
        Path path = Path.of(source.getText().trim());
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("There is nothing at " + path + ".");
        }
        if (price.getText().isBlank()) {
            throw new IllegalArgumentException("Set a price in DGT (0 for free).");
        }
        BigInteger wei = Dgt.parse(price.getText());
        List<String> tagList = Arrays.stream(tags.getText().split(",")).map(String::trim)
                .filter(t -> !t.isEmpty()).map(t -> t.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        Optional<Path> sample = preview.getText().isBlank() ? Optional.empty() : Optional.of(Path.of(preview.getText().trim()));
        return new PublishRequest(path, title.getText(), description.getText(), tagList,
                license.getEditor().getText().isBlank() ? license.getValue() : license.getEditor().getText(),
                wei, sample, List.of(), PublishRequest.DEFAULT_DELIVERY_WINDOW);
    }

    private void acceptDrops(HBox target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) {
                source.setText(files.get(0).getAbsolutePath());
                if (title.getText().isBlank()) {
                    title.setText(files.get(0).getName());
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void pickFile(TextField target) {
        File file = new FileChooser().showOpenDialog(getScene().getWindow());
        if (file != null) {
            target.setText(file.getAbsolutePath());
        }
    }

    private void pickFolder() {
        File folder = new DirectoryChooser().showDialog(getScene().getWindow());
        if (folder != null) {
            source.setText(folder.getAbsolutePath());
            if (title.getText().isBlank()) {
                title.setText(folder.getName());
            }
        }
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("text-muted");
        label.setMinWidth(90);
        return label;
    }
}
