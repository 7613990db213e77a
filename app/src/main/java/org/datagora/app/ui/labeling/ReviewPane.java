package org.datagora.app.ui.labeling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelsFile;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.export.LabelExporter;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Validator mode: revealed claims of tasks this wallet labels on, a sample of each claim's labels beside
 * their items, and a vote (staked, revealed on its own after the review window) to approve or reject.
 */
final class ReviewPane extends VBox {

    /** How many labels of a claim the validator is shown. */
    static final int SAMPLE = 8;

    /** One claim to vote on. */
    record Row(ClaimInfo claim, TaskInfo task, String title) {
    }

    private final LabelingView view;
    private final TableView<Row> table = new TableView<>();
    private final ListView<String> sample = new ListView<>();
    private final Label heading = new Label("Select a claim to see a sample of its labels.");
    private final Button approve = new Button("Approve");
    private final Button reject = new Button("Reject");
    private final FormMessage message = new FormMessage("review-message");

    ReviewPane(LabelingView view) {
        super(12);
        this.view = view;
        setPadding(new Insets(12, 0, 0, 0));
        table.setId("claims-to-review");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPrefHeight(200);
        table.getColumns().setAll(List.of(
                OpenTasksPane.<Row>column("Claim", r -> "#" + r.claim().claimId(), 60),
                OpenTasksPane.<Row>column("Task", r -> "#" + r.task().taskId() + "  " + r.title(), 240),
                OpenTasksPane.<Row>column("Labeler", r -> LabelingFormat.shortAddress(r.claim().labeler()), 120),
                OpenTasksPane.<Row>column("Votes", r -> r.claim().votes() + " of " + r.task().votesPerClaim(), 70),
                OpenTasksPane.<Row>column("Reward per vote", r -> Dgt.format(r.task().validatorReward()), 110)));
        table.setPlaceholder(new EmptyState(MaterialDesignS.SHIELD_CHECK_OUTLINE, "Nothing to review",
                "When other labelers of a task you work on reveal their labels, and the task pays validators,"
                        + " their claims appear here during the review window."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> show(now));
        sample.setId("review-sample");
        sample.setPlaceholder(new Label("No claim selected."));
        VBox.setVgrow(sample, Priority.ALWAYS);
        heading.setId("review-heading");
        heading.setWrapText(true);
        approve.setId("vote-approve");
        approve.getStyleClass().add("success");
        reject.setId("vote-reject");
        reject.getStyleClass().add("danger");
        approve.setOnAction(e -> vote(true));
        reject.setOnAction(e -> vote(false));
        approve.setDisable(true);
        reject.setDisable(true);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        HBox actions = new HBox(10, approve, reject, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(table, heading, sample, actions, message);
    }

    void refresh() {
        view.background().run(() -> {
            var services = view.services();
            List<Row> rows = new ArrayList<>();
            LinkedHashSet<BigInteger> tasks = new LinkedHashSet<>();
            services.labeler().myClaims().forEach(c -> tasks.add(c.taskId()));
            long now = services.catalog().now();
            for (BigInteger taskId : tasks) {
                TaskInfo task = services.catalog().task(taskId);
                if (task.votesPerClaim() == 0 || task.phase(now) != TaskInfo.Phase.REVIEWING) {
                    continue;
                }
                String title = services.catalog().manifest(task).title();
                services.validator().claimsToReview(taskId).forEach(c -> rows.add(new Row(c, task, title)));
            }
            return rows;
        }).onSuccess(table.getItems()::setAll)
                .onError(error -> message.showError(ErrorText.of("Loading the claims to review", error))).start();
    }

    private void show(Row row) {
        sample.getItems().clear();
        approve.setDisable(row == null);
        reject.setDisable(row == null);
        if (row == null) {
            heading.setText("Select a claim to see a sample of its labels.");
            return;
        }
        heading.setText("Loading the labels of claim #" + row.claim().claimId() + "…");
        view.background().run(() -> {
            var services = view.services();
            LabelsFile labels = services.validator().labelsOf(row.claim().claimId());
            LabelSchema schema = services.catalog().schema(row.task());
            List<TaskItem> items = services.content().items(services.catalog().manifest(row.task()),
                    services.secrets().taskKey(row.task().taskId()).orElseThrow());
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < labels.labels().size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(row.claim().claimId().longValue()));
            List<String> lines = new ArrayList<>();
            for (int k : order.subList(0, Math.min(SAMPLE, order.size())).stream().sorted().toList()) {
                TaskItem item = items.get(labels.firstItem() + k);
                lines.add((item.isImage() ? item.name() : item.text()) + "   →   "
                        + LabelExporter.cell(schema, labels.parsed().get(k)));
            }
            return lines;
        }).onSuccess(lines -> {
            heading.setText("A sample of " + lines.size() + " labels from claim #" + row.claim().claimId()
                    + ". Voting stakes " + Dgt.format(row.task().stakePerClaim()) + "; a vote with the majority earns "
                    + Dgt.format(row.task().validatorReward()) + ".");
            sample.getItems().setAll(lines);
        }).onError(error -> heading.setText(ErrorText.of("Reading the labels", error))).start();
    }

    private void vote(boolean approveIt) {
        Row row = table.getSelectionModel().getSelectedItem();
        if (row == null) {
            return;
        }
        approve.setDisable(true);
        reject.setDisable(true);
        view.background().track((approveIt ? "Approving" : "Rejecting") + " claim #" + row.claim().claimId(), () -> {
            view.services().validator().vote(row.claim().claimId(), approveIt);
            return true;
        }).onSuccess(done -> {
            message.showSuccess("Your vote on claim #" + row.claim().claimId() + " is committed; your app reveals it on"
                    + " its own after the review window.");
            refresh();
        }).onError(error -> {
            approve.setDisable(false);
            reject.setDisable(false);
            message.showError(ErrorText.of("Voting", error));
        }).start();
    }
}
