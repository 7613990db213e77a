package org.datagora.app.ui.main;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.TaskProgressView;
import org.datagora.app.ui.common.ActivityCenter;
import org.datagora.app.ui.common.EmptyState;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The side panel the status bar's activity button opens: a ControlsFX TaskProgressView listing every
 * upload, download and transaction running now, each with its title, latest message and progress.
 */
final class ActivityPanel extends VBox {

    private final TaskProgressView<Task<?>> tasks = new TaskProgressView<>();

    ActivityPanel(ActivityCenter activities, Runnable onClose) {
        setId("activity-panel");
        getStyleClass().add("activity-panel");
        // The view asks for 500 px; the panel sits beside the area and takes less.
        setPrefWidth(360);
        setMinWidth(300);
        Label heading = new Label("Activity");
        heading.getStyleClass().add("title-4");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("activity-close");
        close.getStyleClass().addAll("flat", "button-icon");
        close.setTooltip(new Tooltip("Hide the activity panel; the work goes on"));
        close.setOnAction(e -> onClose.run());
        HBox header = new HBox(8, heading, spacer, close);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("activity-header");

        tasks.setId("activity-tasks");
        tasks.setGraphicFactory(this::graphic);
        tasks.getTasks().setAll(activities.running());
        // The center drops finished tasks as the view does; mirroring keeps both in step either way round.
        activities.running().addListener((ListChangeListener<Task<?>>) change -> {
            while (change.next()) {
                tasks.getTasks().removeAll(change.getRemoved());
                change.getAddedSubList().stream().filter(t -> !tasks.getTasks().contains(t)).forEach(tasks.getTasks()::add);
            }
        });
        tasks.skinProperty().addListener((obs, old, skin) -> {
            if (tasks.lookup(".list-view") instanceof ListView<?> list) {
                list.setPlaceholder(new EmptyState(MaterialDesignP.PROGRESS_CHECK, "Nothing running",
                        "Uploads, downloads and transactions appear here while they run, with their progress."));
            }
        });
        VBox.setVgrow(tasks, Priority.ALWAYS);
        getChildren().addAll(header, tasks);
    }

    /** The running tasks as the panel lists them (for tests). */
    TaskProgressView<Task<?>> view() {
        return tasks;
    }

    /**
     * An icon saying what kind of work a task is. The view gives every task a Cancel button; it stays only on
     * work that can stop (a publish rolls back), since a sent transaction cannot be called back.
     */
    private Node graphic(Task<?> task) {
        String title = task.getTitle() == null ? "" : task.getTitle();
        FontIcon icon = new FontIcon(title.startsWith("Publish") || title.startsWith("Resum") || title.startsWith("Fill")
                ? MaterialDesignU.UPLOAD_OUTLINE
                : title.startsWith("Download") ? MaterialDesignT.TRAY_ARROW_DOWN : MaterialDesignS.SWAP_HORIZONTAL);
        icon.getStyleClass().add("activity-icon");
        boolean cancellable = ActivityCenter.cancellable(task);
        icon.parentProperty().addListener((obs, old, parent) -> {
            if (parent instanceof BorderPane cell && cell.getRight() != null) {
                // The cell lays its content out at its preferred width; tie that to the panel so long titles ellipsize.
                cell.prefWidthProperty().bind(tasks.widthProperty().subtract(44));
                cell.setMinWidth(0);
                cell.getRight().visibleProperty().unbind();
                cell.getRight().setVisible(cancellable);
                cell.getRight().setManaged(cancellable);
            }
        });
        return icon;
    }

    /** The number of tasks listed, as an observable for the status bar. */
    static javafx.beans.binding.IntegerBinding count(ActivityCenter activities) {
        return Bindings.size(activities.running());
    }
}
