package org.datagora.app.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a view shows while it has nothing to list: an icon, a heading and what to do next. */
public final class EmptyState extends VBox {

    public EmptyState(Ikon icon, String heading, String whatToDo) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        FontIcon glyph = new FontIcon(icon);
        glyph.getStyleClass().add("empty-state-icon");
        Label title = new Label(heading);
        title.getStyleClass().add("title-3");
        Label text = new Label(whatToDo);
        text.setWrapText(true);
        text.setMaxWidth(420);
        text.getStyleClass().add("text-muted");
        text.setStyle("-fx-text-alignment: center;");
        getChildren().addAll(glyph, title, text);
    }
}
