package org.datagora.app.ui.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskCatalog;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** Tasks still taking claims, with what a labeler weighs (reward, time, the requester's record), and claiming. */
final class OpenTasksPane extends VBox {

    /** One open task as the list shows it. */
    record Row(TaskInfo task, String title, LabelSchema.Kind kind, TaskCatalog.RequesterRecord requester,
               int openBatch) {
    }

    private final LabelingView view;
    private final TableView<Row> table = new TableView<>();
    private final Button claim = new Button("Claim a batch…");
    private final VBox confirm = new VBox(10);
    private final FormMessage message = new FormMessage("claim-message");

    OpenTasksPane(LabelingView view) {
        super(12);
        this.view = view;
        setPadding(new Insets(12, 0, 0, 0));
        table.setId("open-tasks");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column("Task", r -> "#" + r.task().taskId() + "  " + r.title(), 380),
                column("Kind", r -> LabelingFormat.kind(r.kind()), 110),
                column("Per item", r -> Dgt.format(r.task().rewardPerLabel()), 90),
                column("Batch", r -> r.task().batchSize() + " items, "
                        + LabelingFormat.estimate(r.kind(), r.task().batchSize()), 165),
                column("Stake", r -> Dgt.format(r.task().stakePerClaim()), 65),
                column("Requester", r -> LabelingFormat.shortAddress(r.requester().requester()) + " · "
                        + (r.requester().accepted() + r.requester().rejected() + r.requester().slashed() == 0 ? "new"
                        : LabelingFormat.percent(r.requester().acceptanceRate()) + " paid of "
                        + (r.requester().accepted() + r.requester().rejected() + r.requester().slashed())), 170)));
        // The short columns keep their width; the task's title takes what is left and is cut last.
        table.getColumns().stream().skip(1).forEach(c -> c.setMinWidth(c.getPrefWidth()));
        table.setPlaceholder(new EmptyState(MaterialDesignT.TAG_OUTLINE, "No open tasks right now",
                "Tasks that requesters fund appear here while they take claims. Create your own under My tasks."));
        VBox.setVgrow(table, Priority.ALWAYS);
        claim.setId("claim-button");
        claim.getStyleClass().add("accent");
        claim.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        claim.setOnAction(e -> askToConfirm(table.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.setId("open-tasks-refresh");
        refresh.setOnAction(e -> refresh());
        HBox actions = new HBox(10, claim, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        confirm.getStyleClass().add("labeling-confirm");
        confirm.setVisible(false);
        confirm.setManaged(false);
        getChildren().setAll(table, actions, confirm, message);
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    void refresh() {
        view.background().run(() -> {
            var services = view.services();
            List<Row> rows = new ArrayList<>();
            for (TaskInfo task : services.catalog().openTasks()) {
                int batch = services.labeler().nextOpenBatch(task.taskId());
                if (batch < 0) {
                    continue;
                }
                rows.add(new Row(task, services.catalog().manifest(task).title(), services.catalog().schema(task).kind(),
                        services.catalog().requesterRecord(task.requester()), batch));
            }
            return rows;
        }).onSuccess(rows -> {
            Row selected = table.getSelectionModel().getSelectedItem();
            table.getItems().setAll(rows);
            if (selected != null) {
                rows.stream().filter(r -> r.task().taskId().equals(selected.task().taskId())).findFirst()
                        .ifPresent(table.getSelectionModel()::select);
            }
        }).onError(error -> message.showError(ErrorText.of("Loading the open tasks", error))).start();
    }

    private void askToConfirm(Row row) {
        message.clear();
        Label what = new Label("Claim batch " + (row.openBatch() + 1) + " of " + row.task().batchCount() + " of \""
                + row.title() + "\" (" + row.task().batchLength(row.openBatch()) + " items)?");
        what.setId("claim-summary");
        what.getStyleClass().add("title-4");
        what.setWrapText(true);
        Label terms = new Label("You stake " + Dgt.format(row.task().stakePerClaim()) + ". It comes back with "
                + Dgt.format(row.task().rewardPerLabel().multiply(java.math.BigInteger.valueOf(
                row.task().batchLength(row.openBatch())))) + " of reward when your labels are accepted; a wrong answer"
                + " on a hidden gold item loses it. Submit before the commit window closes ("
                + LabelingFormat.relative(row.task().commitDeadline(), view.services().catalog().now()) + ").");
        terms.setWrapText(true);
        Button yes = new Button("Stake and claim");
        yes.setId("claim-confirm");
        yes.getStyleClass().add("accent");
        Button no = new Button("Cancel");
        no.setId("claim-cancel");
        no.setOnAction(e -> hideConfirm());
        yes.setOnAction(e -> {
            yes.setDisable(true);
            message.showInfo("Claiming…");
            view.background().track("Claiming batch " + (row.openBatch() + 1) + " of task #" + row.task().taskId(),
                            () -> view.services().labeler().claim(row.task().taskId(), row.openBatch()))
                    .onSuccess(claimId -> {
                        hideConfirm();
                        message.showSuccess("Claimed batch " + (row.openBatch() + 1) + " of task #" + row.task().taskId()
                                + " (claim #" + claimId + "). Its items open under My work once the requester's app"
                                + " sends the task key.");
                        refresh();
                    })
                    .onError(error -> {
                        yes.setDisable(false);
                        message.showError(ErrorText.of("Claiming", error));
                    }).start();
        });
        HBox buttons = new HBox(10, yes, no);
        confirm.getChildren().setAll(what, terms, buttons);
        confirm.setVisible(true);
        confirm.setManaged(true);
    }

    private void hideConfirm() {
        confirm.setVisible(false);
        confirm.setManaged(false);
    }
}
