package org.datagora.app.ui.settings;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.datagora.app.AppServices;

/** Settings: where the app keeps its data and which networks it talks to. */
public final class SettingsView extends VBox {

    public SettingsView(AppServices services) {
        getStyleClass().add("settings-view");
        setSpacing(16);
        setPadding(new Insets(8, 0, 0, 0));
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(10);
        int row = 0;
        grid.addRow(row++, caption("Data directory"), value("settings-data-dir", services.dataDirectory().root().toString()));
        grid.addRow(row++, caption("Network"), value("settings-network", "Local sandbox (its own chain and content store)"));
        grid.addRow(row, caption("Logs"), value("settings-logs", services.dataDirectory().logs().toString()));
        Label section = new Label("Storage and network");
        section.getStyleClass().add("title-4");
        getChildren().addAll(section, grid);
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
