package org.datagora.app.ui.labeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The labeler's claimed batches: where each stands (to label, submitted, revealed, paid) and the workspace. */
final class MyWorkPane extends VBox {

    /** One claim as the list shows it. */
    record Row(ClaimInfo claim, TaskInfo task, String title, boolean keyArrived, String state) {
        boolean canLabel() {
            return claim.status() == ClaimInfo.Status.CLAIMED && !claim.committedNotRevealed();
        }
    }

    private final LabelingView view;
    private final TableView<Row> table = new TableView<>();
    private final FormMessage message = new FormMessage("my-work-message");

    MyWorkPane(LabelingView view) {
        super(12);
        this.view = view;
        setPadding(new Insets(12, 0, 0, 0));
        table.setId("my-claims");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                OpenTasksPane.<Row>column("Claim", r -> "#" + r.claim().claimId(), 60),
                OpenTasksPane.<Row>column("Task", r -> "#" + r.task().taskId() + "  " + r.title(), 220),
                OpenTasksPane.<Row>column("Batch", r -> (r.claim().batchIndex() + 1) + " of " + r.task().batchCount()
                        + " (" + r.task().batchLength(r.claim().batchIndex()) + " items)", 120),
                OpenTasksPane.<Row>column("State", Row::state, 320)));
        table.setPlaceholder(new EmptyState(MaterialDesignC.CLIPBOARD_TEXT_OUTLINE, "No claimed batches",
                "Claim a batch under Open tasks; it shows up here to label, and stays here until it is paid."));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button open = new Button("Open workspace");
        open.setId("open-workspace");
        open.getStyleClass().add("accent");
        open.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> open(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setId("my-work-refresh");
        refresh.setOnAction(e -> refresh());
        HBox actions = new HBox(10, open, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(table, actions, message);
    }

    void refresh() {
        view.background().run(() -> {
            var services = view.services();
            long now = services.catalog().now();
            Map<java.math.BigInteger, TaskInfo> tasks = new HashMap<>();
            Map<java.math.BigInteger, String> titles = new HashMap<>();
            Map<java.math.BigInteger, Boolean> keys = new HashMap<>();
            List<Row> rows = new ArrayList<>();
            for (ClaimInfo claim : services.labeler().myClaims()) {
                TaskInfo task = tasks.computeIfAbsent(claim.taskId(), services.catalog()::task);
                String title = titles.computeIfAbsent(claim.taskId(), id -> services.catalog().manifest(task).title());
                boolean key = keys.computeIfAbsent(claim.taskId(), services.labeler()::hasTaskKey);
                String state = LabelingFormat.claimState(claim, task, now);
                if (claim.status() == ClaimInfo.Status.CLAIMED && !claim.committedNotRevealed() && !key) {
                    state = "Waiting for the requester's app to send the task key";
                }
                rows.add(new Row(claim, task, title, key, state));
            }
            return rows;
        }).onSuccess(rows -> {
            Row selected = table.getSelectionModel().getSelectedItem();
            table.getItems().setAll(rows);
            int at = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (selected != null ? rows.get(i).claim().claimId().equals(selected.claim().claimId())
                        : rows.get(i).canLabel() && rows.get(i).keyArrived()) {
                    at = i;
                    break;
                }
            }
            if (!rows.isEmpty()) {
                table.getSelectionModel().select(at);
            }
        }).onError(error -> message.showError(ErrorText.of("Loading your claims", error))).start();
    }

    private void open(Row row) {
        message.clear();
        if (!row.canLabel()) {
            message.showInfo("Claim #" + row.claim().claimId() + ": " + row.state() + ". There is nothing left to label.");
            return;
        }
        if (!row.keyArrived()) {
            message.showInfo("The requester's app has not sent the task key yet; it does so on its own. Try again in a"
                    + " moment.");
            return;
        }
        message.showInfo("Opening the batch…");
        view.openWorkspace(row.claim(), row.title() + " · batch " + (row.claim().batchIndex() + 1), sentence -> {
            message.showError(sentence);
        });
    }

    void clearMessage() {
        message.clear();
    }

    /** Shown after the workspace committed a claim's labels. */
    void submitted(ClaimInfo claim) {
        message.showSuccess("Submitted the labels of claim #" + claim.claimId() + ". Your app reveals them on its own"
                + " once the commit window closes, also after a restart.");
        refresh();
    }
}
