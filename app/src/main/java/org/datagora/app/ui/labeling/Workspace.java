package org.datagora.app.ui.labeling;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.Box;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingSession;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;

/**
 * The labeling workspace, made for the keyboard: the item in the middle, the classes as buttons with the
 * shortcuts 1 to 9, arrows to move, Enter for next (and submit at the end), Ctrl+Z to undo. Every change goes
 * through the {@link LabelingSession}, which saves it before the key press returns.
 */
public final class Workspace extends BorderPane {

    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    /** Commits the labels of a complete session; runs in the background. */
    @FunctionalInterface
    public interface Submit {
        void submit(LabelingSession session) throws Exception;
    }

    private final LabelingSession session;
    private final LabelSchema schema;
    private final FxBackground background;
    private final Submit submit;
    private final Runnable onSubmitted;
    private final String title;
    private final Label text = new Label();
    private final BoxCanvas canvas;
    private final StackPane itemArea = new StackPane();
    private final ScrollPane textScroll = scrolling(text);
    private final List<Button> classButtons = new ArrayList<>();
    private final TextField answer = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label position = new Label();
    private final Button submitButton = new Button("Submit labels");
    private final FormMessage message = new FormMessage("workspace-message");
    private int boxClass;
    private boolean submitting;

    /**
     * @param title       shown at the top, e.g. "Sentiment · batch 2"
     * @param onBack      leaves the workspace (labels are saved already)
     * @param onSubmitted called on the JavaFX thread once the labels are committed
     */
    public Workspace(LabelingSession session, String title, FxBackground background, Submit submit, Runnable onBack,
                     Runnable onSubmitted) {
        this.session = session;
        this.schema = session.schema();
        this.background = background;
        this.submit = submit;
        this.onSubmitted = onSubmitted;
        this.title = title;
        this.canvas = schema.isBoxes() ? new BoxCanvas(schema, this::boxDrawn) : null;
        setId("labeling-workspace");
        getStyleClass().add("labeling-workspace");
        setFocusTraversable(true);

        Button back = new Button("Back to my work");
        back.setId("workspace-back");
        back.setOnAction(e -> onBack.run());
        back.setFocusTraversable(false);
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        progress.setId("workspace-progress");
        progress.setPrefWidth(160);
        progress.setMinWidth(80);
        back.setMinWidth(Region.USE_PREF_SIZE);
        position.setMinWidth(Region.USE_PREF_SIZE);
        progressText.setMinWidth(Region.USE_PREF_SIZE);
        heading.setMinWidth(0);
        progressText.setId("workspace-progress-text");
        position.setId("workspace-position");
        position.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, back, heading, spacer, position, progress, progressText);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);

        text.setId("workspace-text");
        text.getStyleClass().add("workspace-text");
        text.setWrapText(true);
        text.setMaxWidth(720);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        itemArea.getStyleClass().add("workspace-item");
        itemArea.setId("workspace-item");
        itemArea.getChildren().setAll(canvas != null ? canvas : textScroll);
        Label instructions = new Label(schema.instructions().isBlank() ? "No instructions." : schema.instructions());
        instructions.setId("workspace-instructions");
        instructions.setWrapText(true);
        instructions.setMaxWidth(720);
        instructions.getStyleClass().add("text-muted");
        // The item below takes the rest of the height; without this the instructions shrink to one cut line.
        instructions.setMinHeight(Region.USE_PREF_SIZE);
        VBox middle = new VBox(10, instructions, itemArea);
        VBox.setVgrow(itemArea, Priority.ALWAYS);
        setCenter(middle);

        FlowPane buttons = new FlowPane(8, 8);
        buttons.setId("workspace-classes");
        for (int i = 0; i < schema.classes().size(); i++) {
            int index = i;
            Button button = new Button((i < 9 ? (i + 1) + "  " : "") + schema.classes().get(i));
            button.setId("label-button-" + i);
            button.getStyleClass().add("label-button");
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                pressClass(index);
                requestFocus();
            });
            classButtons.add(button);
            buttons.getChildren().add(button);
        }
        answer.setId("workspace-answer");
        answer.setPromptText("Type the answer, then Enter");
        answer.setVisible(schema.kind() == LabelSchema.Kind.FREE_TEXT);
        answer.setManaged(answer.isVisible());
        submitButton.setId("workspace-submit");
        submitButton.getStyleClass().add("accent");
        submitButton.setFocusTraversable(false);
        submitButton.setOnAction(e -> submitIfComplete());
        Label keys = new Label(hint());
        keys.getStyleClass().addAll("text-muted", "workspace-keys");
        keys.setWrapText(true);
        HBox actions = new HBox(12, keys, spacer(), submitButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox bottom = new VBox(10, buttons, answer, actions, message);
        bottom.setPadding(new Insets(12, 0, 0, 0));
        setBottom(bottom);

        addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        sceneProperty().addListener((obs, old, now) -> {
            if (now != null) {
                javafx.application.Platform.runLater(this::focusInput);
            }
        });
        show();
    }

    /** The session this workspace edits. */
    public LabelingSession session() {
        return session;
    }

    /**
     * The item's text in a scroll pane, centred while it fits: a long mail is read to its end with the mouse
     * wheel, while the keys stay the workspace's (the pane never takes the focus).
     */
    private static ScrollPane scrolling(Label text) {
        StackPane holder = new StackPane(text);
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setId("workspace-text-scroll");
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
        holder.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        return scroll;
    }

    private static Region spacer() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private String hint() {
        return switch (schema.kind()) {
            case SINGLE_CHOICE -> "1–9 label and next · ← → move · Enter next · Ctrl+Z undo";
            case MULTIPLE_CHOICE -> "1–9 toggle · ← → move · Enter next · Ctrl+Z undo";
            case FREE_TEXT -> "Type, Enter saves and goes next · Alt+← → move · Ctrl+Z undo";
            case BOUNDING_BOXES -> "1–9 pick the class, drag to draw · Enter next (no box: nothing to box) · Ctrl+Z undo";
        };
    }

    private void key(KeyEvent event) {
        if (submitting) {
            event.consume();
            return;
        }
        boolean inText = answer.isFocused();
        KeyCode code = event.getCode();
        if (event.isShortcutDown() && code == KeyCode.Z) {
            session.undo();
            show();
        } else if (code == KeyCode.ENTER) {
            enter();
        } else if ((code == KeyCode.RIGHT || code == KeyCode.DOWN) && (!inText || event.isAltDown())) {
            session.next();
            show();
        } else if ((code == KeyCode.LEFT || code == KeyCode.UP) && (!inText || event.isAltDown())) {
            session.previous();
            show();
        } else if (!inText && digit(code) >= 0 && digit(code) < schema.classes().size()) {
            pressClass(digit(code));
        } else {
            return;
        }
        event.consume();
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return c >= '1' && c <= '9' ? c - '1' : -1;
        }
        return -1;
    }

    private void pressClass(int index) {
        message.clear();
        switch (schema.kind()) {
            case SINGLE_CHOICE -> session.chooseAndNext(index);
            case MULTIPLE_CHOICE -> session.toggle(index);
            case BOUNDING_BOXES -> boxClass = index;
            case FREE_TEXT -> { }
        }
        show();
    }

    private void enter() {
        message.clear();
        if (schema.kind() == LabelSchema.Kind.FREE_TEXT) {
            if (answer.getText().isBlank()) {
                if (session.currentLabel().isEmpty()) {
                    message.showError("Type an answer for this item first.");
                    return;
                }
            } else {
                session.setLabel(org.datagora.app.labeling.Label.text(answer.getText()));
            }
        } else if (schema.isBoxes() && session.currentLabel().isEmpty()) {
            session.setLabel(org.datagora.app.labeling.Label.boxes(List.of()));
        } else if (session.currentLabel().isEmpty()) {
            message.showError("Choose a label for this item first (keys 1–" + Math.min(9, schema.classes().size()) + ").");
            return;
        }
        if (!session.next()) {
            submitIfComplete();
            return;
        }
        show();
    }

    private void boxDrawn(Box box) {
        List<Box> boxes = new ArrayList<>(session.currentLabel().map(org.datagora.app.labeling.Label::boxes)
                .orElse(List.of()));
        boxes.add(new Box(boxClass, box.x(), box.y(), box.width(), box.height()));
        session.setLabel(org.datagora.app.labeling.Label.boxes(boxes));
        show();
        requestFocus();
    }

    private void submitIfComplete() {
        var missing = session.firstUnlabeled();
        if (missing.isPresent()) {
            session.goTo(missing.get());
            show();
            message.showError("Item " + (missing.get() + 1) + " has no label yet; label every item before submitting.");
            return;
        }
        show();
        submitting = true;
        submitButton.setDisable(true);
        message.showInfo("Committing your labels…");
        background.track("Committing the labels of " + title, () -> {
            submit.submit(session);
            return true;
        }).onSuccess(done -> onSubmitted.run()).onError(error -> {
            submitting = false;
            submitButton.setDisable(false);
            message.showError(ErrorText.of("Submitting", error));
        }).start();
    }

    /** Shows the current item, its label and the progress: the whole cost of a keystroke on screen. */
    private void show() {
        TaskItem item = session.current();
        var label = session.currentLabel();
        if (canvas != null) {
            canvas.show(item, label.map(org.datagora.app.labeling.Label::boxes).orElse(List.of()), boxClass);
        } else {
            text.setText(item.text());
            textScroll.setVvalue(0);
        }
        for (int i = 0; i < classButtons.size(); i++) {
            boolean chosen = label.isPresent() && (label.get().choice() != null ? label.get().choice() == i
                    : label.get().choices() != null ? label.get().choices().contains(i)
                    : schema.isBoxes() && i == boxClass);
            classButtons.get(i).pseudoClassStateChanged(CHOSEN, chosen || (schema.isBoxes() && i == boxClass));
        }
        if (schema.kind() == LabelSchema.Kind.FREE_TEXT) {
            answer.setText(label.map(org.datagora.app.labeling.Label::text).orElse(""));
        }
        LabelingSession.Progress p = session.progress();
        progress.setProgress(p.fraction());
        progressText.setText(p.labeled() + " of " + p.total() + " labeled");
        position.setText("Item " + (session.position() + 1) + " of " + session.size());
    }

    private void focusInput() {
        if (schema.kind() == LabelSchema.Kind.FREE_TEXT) {
            answer.requestFocus();
        } else {
            requestFocus();
        }
    }
}
