package org.datagora.app.ui.onboarding;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The centred card that onboarding and unlocking show their steps in, under the app's name. */
class WalletSetupCard extends StackPane {

    private final VBox body = new VBox(14);

    WalletSetupCard() {
        getStyleClass().add("setup-screen");
        Label brand = new Label("Datagora");
        brand.getStyleClass().addAll("title-2", "setup-brand");
        VBox card = new VBox(18, brand, body);
        card.getStyleClass().add("setup-card");
        card.setMaxWidth(600);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(card, Pos.CENTER);
        getChildren().add(card);
    }

    /** Replaces the card's content with a step: a heading, a sentence, its controls and its buttons. */
    void showStep(String heading, String explanation, Node content, Node... buttons) {
        Label title = new Label(heading);
        title.getStyleClass().add("title-3");
        title.setId("setup-heading");
        Label text = new Label(explanation);
        text.setWrapText(true);
        text.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(10);
        actions.setAlignment(Pos.CENTER_RIGHT);
        actions.getChildren().add(spacer);
        actions.getChildren().addAll(buttons);
        body.getChildren().setAll(title, text);
        if (content != null) {
            body.getChildren().add(content);
        }
        body.getChildren().add(actions);
    }
}
