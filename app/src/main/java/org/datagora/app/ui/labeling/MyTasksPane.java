package org.datagora.app.ui.labeling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.RequesterService;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.contracts.generated.LabelingBounties;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.web3j.utils.Numeric;

/**
 * The requester's tasks: create one (the wizard), then per task the gold reveal and checks, the review
 * (accept or reject with a reason, bulk accept), settlement, and the results with their exports.
 */
final class MyTasksPane extends BorderPane {

    /** One of this wallet's tasks, with its claims and the review decided so far. */
    record Detail(TaskInfo task, String title, LabelSchema schema, long now, List<ClaimInfo> claims,
                  Map<BigInteger, RequesterService.Review> reviews) {
    }

    /** A task in the list. */
    record Entry(TaskInfo task, String title, long now) {
    }

    private final LabelingView view;
    private final ListView<Entry> tasks = new ListView<>();
    private final VBox detail = new VBox(12);
    private final ScrollPane detailScroll = new ScrollPane(detail);
    private final FormMessage message = new FormMessage("my-task-message");
    private Detail shown;

    MyTasksPane(LabelingView view) {
        this.view = view;
        setPadding(new Insets(12, 0, 0, 0));
        tasks.setId("my-task-list");
        tasks.setPrefWidth(230);
        tasks.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Entry e, boolean empty) {
                super.updateItem(e, empty);
                setWrapText(true);
                setPrefWidth(0); // wrap inside the list instead of scrolling sideways
                setText(empty || e == null ? null : "#" + e.task().taskId() + "  " + e.title() + "\n"
                        + e.task().phase(e.now()).name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            }
        });
        tasks.setPlaceholder(new EmptyState(MaterialDesignC.CLIPBOARD_PLUS_OUTLINE, "No tasks of yours",
                "Turn a dataset you own or bought into training data: press New task, pick the items, the labels and"
                        + " the reward, and fund it."));
        tasks.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && (shown == null || !shown.task().taskId().equals(now.task().taskId()))) {
                load(now.task().taskId());
            }
        });
        Button create = new Button("New task…");
        create.setId("new-task");
        create.getStyleClass().add("accent");
        create.setOnAction(e -> openWizard());
        VBox left = new VBox(10, create, tasks);
        VBox.setVgrow(tasks, Priority.ALWAYS);
        left.setPadding(new Insets(0, 12, 0, 0));
        setLeft(left);
        detailScroll.setFitToWidth(true);
        detail.setId("task-detail");
        detail.setPadding(new Insets(0, 8, 8, 4));
        detail.getChildren().setAll(message, new EmptyState(MaterialDesignC.CLIPBOARD_TEXT_OUTLINE, "Select a task",
                "Its phase, claims, review and results show here."));
        setCenter(detailScroll);
    }

    void refresh() {
        view.background().run(() -> {
            var services = view.services();
            String topic = Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(view.me()), 64);
            long now = services.catalog().now();
            List<Entry> entries = new ArrayList<>();
            var logs = services.chain().logs(LabelingBounties.TASKCREATED_EVENT, null, topic);
            for (int i = logs.size() - 1; i >= 0; i--) {
                TaskInfo task = services.catalog().task(LabelingBounties.getTaskCreatedEventFromLog(logs.get(i)).taskId);
                entries.add(new Entry(task, services.catalog().manifest(task).title(), now));
            }
            return entries;
        }).onSuccess(entries -> {
            Entry selected = tasks.getSelectionModel().getSelectedItem();
            tasks.getItems().setAll(entries);
            Optional<Entry> again = selected == null ? entries.stream().findFirst()
                    : entries.stream().filter(e -> e.task().taskId().equals(selected.task().taskId())).findFirst();
            again.ifPresent(e -> {
                tasks.getSelectionModel().select(e);
                load(e.task().taskId());
            });
        }).onError(error -> message.showError(ErrorText.of("Loading your tasks", error))).start();
    }

    private void openWizard() {
        javafx.scene.Node list = getLeft();
        Runnable back = () -> {
            setLeft(list);
            setCenter(detailScroll);
        };
        TaskWizard wizard = new TaskWizard(view, created -> {
            back.run();
            message.showSuccess("Funded task #" + created.taskId() + " (" + Dgt.format(created.cost().total())
                    + " in escrow). Labelers can claim it now.");
            refresh();
        }, back);
        setLeft(null);
        setCenter(wizard);
    }

    private void load(BigInteger taskId) {
        view.background().run(() -> {
            var services = view.services();
            TaskInfo task = services.catalog().task(taskId);
            Map<BigInteger, RequesterService.Review> reviews = services.requester().reviews(taskId).stream()
                    .collect(Collectors.toMap(RequesterService.Review::claimId, r -> r, (a, b) -> b));
            return new Detail(task, services.catalog().manifest(task).title(), services.catalog().schema(task),
                    services.catalog().now(), services.catalog().claims(taskId), reviews);
        }).onSuccess(this::show).onError(error -> message.showError(ErrorText.of("Loading the task", error))).start();
    }

    private void show(Detail d) {
        shown = d;
        TaskInfo t = d.task();
        Label title = new Label("#" + t.taskId() + "  " + d.title());
        title.getStyleClass().add("title-3");
        title.setId("task-title");
        Label phase = new Label(LabelingFormat.phase(t, d.now()));
        phase.setId("task-phase");
        Label facts = new Label(LabelingFormat.kind(d.schema().kind()) + " · " + t.itemCount() + " items in "
                + t.batchCount() + " batches · " + t.labelsPerItem() + " labels per item · " + t.goldCount()
                + " gold items · " + Dgt.format(t.rewardPerLabel()) + " per label · " + Dgt.format(t.rewardHeld())
                + " in escrow");
        facts.getStyleClass().add("text-muted");
        facts.setWrapText(true);

        TableView<ClaimInfo> claims = new TableView<>();
        claims.setId("task-claims");
        claims.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        claims.setPrefHeight(220);
        claims.getColumns().setAll(List.of(
                OpenTasksPane.<ClaimInfo>column("Claim", c -> "#" + c.claimId(), 50),
                OpenTasksPane.<ClaimInfo>column("Labeler", c -> LabelingFormat.shortAddress(c.labeler()), 110),
                OpenTasksPane.<ClaimInfo>column("Batch", c -> String.valueOf(c.batchIndex() + 1), 50),
                OpenTasksPane.<ClaimInfo>column("Status", c -> c.status().name().toLowerCase(java.util.Locale.ROOT)
                        + (c.goldPassed() ? " · gold passed" : ""), 190),
                OpenTasksPane.<ClaimInfo>column("Your review", c -> decision(d.reviews().get(c.claimId())), 150)));
        claims.getItems().setAll(d.claims());
        claims.setPlaceholder(new Label("No claims yet."));

        Button gold = action("reveal-gold", "Reveal gold and check claims", t.phase(d.now()) == TaskInfo.Phase.REVIEWING
                && t.goldCount() > 0, () -> {
            view.services().requester().revealGold(t.taskId());
            RequesterService.GoldCheckReport report = view.services().requester().checkGold(t.taskId());
            return "Gold checked: " + report.passed().size() + " passed, " + report.slashed().size() + " slashed"
                    + (report.unverifiable().isEmpty() ? "" : ", " + report.unverifiable().size()
                    + " unverifiable (reject them)") + ".";
        });
        boolean reviewing = t.phase(d.now()) == TaskInfo.Phase.REVIEWING;
        Button acceptAll = action("accept-all", "Accept all undecided", reviewing, () -> {
            view.services().requester().acceptAll(t.taskId());
            return "Every revealed claim you had not decided on is accepted.";
        });
        TextField reason = new TextField();
        reason.setId("reject-reason");
        reason.setPromptText("Why the selected claim is rejected (the labeler reads it)");
        HBox.setHgrow(reason, Priority.ALWAYS);
        Button reject = action("reject-claim", "Reject selected", reviewing, () -> {
            ClaimInfo claim = claims.getSelectionModel().getSelectedItem();
            if (claim == null) {
                throw new IllegalArgumentException("Select the claim to reject first.");
            }
            view.services().requester().review(t.taskId(), claim.claimId(), false, reason.getText());
            return "Claim #" + claim.claimId() + " will be rejected when you send the review.";
        });
        Button send = action("submit-review", "Send review", reviewing, () -> {
            view.services().requester().submitReview(t.taskId());
            return "Review sent: rejections are on chain; accepted claims are paid at settlement.";
        });
        Button settle = action("settle", "Settle and close", t.phase(d.now()) == TaskInfo.Phase.SETTLING, () -> {
            view.services().requester().settle(t.taskId());
            return "Settled: labelers are paid, slashed stakes went to the treasury, and what was not spent is back in"
                    + " your wallet.";
        });
        // The steps in the order they come: gold during the review window, settlement after it.
        HBox steps = new HBox(10, gold, settle);
        HBox reviewRow = new HBox(10, acceptAll, send);
        HBox rejectRow = new HBox(10, reason, reject);
        rejectRow.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(gold, settle, acceptAll, send, reject)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        detail.getChildren().setAll(title, phase, facts, message, steps, heading("Claims and review"), claims,
                rejectRow, reviewRow);
        if (t.closed() || t.phase(d.now()).ordinal() >= TaskInfo.Phase.REVIEWING.ordinal()) {
            detail.getChildren().add(new ResultsPane(view, t.taskId()));
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-4");
        return label;
    }

    private static String decision(RequesterService.Review review) {
        if (review == null) {
            return "";
        }
        return review.accept() ? "accept" : "reject: " + review.reason();
    }

    private Button action(String id, String text, boolean enabled, Callable<String> work) {
        Button button = new Button(text);
        button.setId(id);
        button.setDisable(!enabled);
        button.setOnAction(e -> {
            button.setDisable(true);
            message.showInfo(text + "…");
            String what = shown == null ? text : text + " (task #" + shown.task().taskId() + ")";
            view.background().track(what, work).onSuccess(sentence -> {
                message.showSuccess(sentence);
                if (shown != null) {
                    load(shown.task().taskId());
                }
            }).onError(error -> {
                button.setDisable(false);
                message.showError(ErrorText.of(text, error));
            }).start();
        });
        return button;
    }
}
