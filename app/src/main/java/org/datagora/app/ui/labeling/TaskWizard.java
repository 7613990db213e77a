package org.datagora.app.ui.labeling;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.RequesterService;
import org.datagora.app.labeling.TaskCost;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskSpec;
import org.datagora.app.market.DownloadResult;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;

/**
 * Creating a labeling task in five steps on one page (dataset and items, labels and instructions, batches
 * and money, gold answers, deadlines), with the total cost always in view, then funding after a confirmation.
 */
final class TaskWizard extends BorderPane {

    private final LabelingView view;
    private final Consumer<RequesterService.CreatedTask> onCreated;
    private final ComboBox<String> source = new ComboBox<>();
    private final Map<String, Path> sources = new HashMap<>();
    private final TextField path = field("task-source", "");
    private final Label itemsSummary = new Label("No items loaded yet.");
    private final TextField title = field("task-title-field", "");
    private final ComboBox<LabelSchema.Kind> kind = new ComboBox<>(FXCollections.observableArrayList(LabelSchema.Kind.values()));
    private final TextField classes = field("task-classes", "");
    private final TextArea instructions = new TextArea();
    private final TextField batchSize = field("task-batch-size", "10");
    private final TextField labelsPerItem = field("task-labels-per-item", "3");
    private final TextField reward = field("task-reward", "0.5");
    private final TextField stake = field("task-stake", "2");
    private final TextField validatorReward = field("task-validator-reward", "0");
    private final TextField votes = field("task-votes", "0");
    private final TextArea gold = new TextArea();
    private final TextField claimMinutes = field("task-claim-minutes", "1440");
    private final TextField commitMinutes = field("task-commit-minutes", "60");
    private final TextField revealMinutes = field("task-reveal-minutes", "1440");
    private final TextField reviewMinutes = field("task-review-minutes", "1440");
    private final TextField voteMinutes = field("task-vote-minutes", "0");
    private final Label cost = new Label();
    private final Button fund = new Button("Fund the task…");
    private final VBox confirm = new VBox(8);
    private final FormMessage message = new FormMessage("task-message");
    private List<TaskItem> items = List.of();

    TaskWizard(LabelingView view, Consumer<RequesterService.CreatedTask> onCreated, Runnable onCancel) {
        this.view = view;
        this.onCreated = onCreated;
        setId("task-wizard");
        getStyleClass().add("task-wizard");
        kind.setId("task-kind");
        kind.setValue(LabelSchema.Kind.SINGLE_CHOICE);
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LabelSchema.Kind k) {
                return k == null ? "" : LabelingFormat.kind(k);
            }

            @Override
            public LabelSchema.Kind fromString(String s) {
                return null;
            }
        });
        instructions.setId("task-instructions");
        instructions.setPrefRowCount(3);
        instructions.setWrapText(true);
        gold.setId("task-gold");
        gold.setPrefRowCount(3);
        gold.setPromptText("One per line: ITEM=ANSWER, e.g. 4=positive (items numbered from 1; several classes: a|b;"
                + " boxes: class:x,y,w,h;class:x,y,w,h)");
        classes.setPromptText("e.g. positive, negative");
        source.setId("task-dataset");
        source.setPromptText("A dataset you bought, or a folder on this computer");
        sources.put("A folder or file on this computer", null);
        source.getItems().add("A folder or file on this computer");
        for (DownloadResult download : view.session().downloads().downloads()) {
            String name = "Purchase #" + download.purchaseId() + " (" + download.folder().getFileName() + ")";
            sources.put(name, download.folder());
            source.getItems().add(name);
        }
        source.setOnAction(e -> {
            Path chosen = sources.get(source.getValue());
            if (chosen != null) {
                path.setText(chosen.toString());
            }
        });
        path.setPromptText("Folder of images, or .txt / .csv / .jsonl text records");
        HBox.setHgrow(path, Priority.ALWAYS);
        source.setMaxWidth(Double.MAX_VALUE);
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            var dir = new DirectoryChooser().showDialog(getScene().getWindow());
            if (dir != null) {
                path.setText(dir.getAbsolutePath());
            }
        });
        Button load = new Button("Load items");
        load.setId("task-load-items");
        load.setOnAction(e -> loadItems());
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        load.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        itemsSummary.setWrapText(true);
        itemsSummary.setId("task-items-summary");
        itemsSummary.getStyleClass().add("text-muted");

        GridPane money = grid();
        row(money, 0, "Items per batch", batchSize, "Labels per item", labelsPerItem);
        row(money, 1, "Reward per label (DGT)", reward, "Stake per claim (DGT)", stake);
        row(money, 2, "Validator reward (DGT)", validatorReward, "Votes per claim", votes);
        GridPane times = grid();
        row(times, 0, "Claims open (min)", claimMinutes, "Then submit within (min)", commitMinutes);
        row(times, 1, "Reveal window (min)", revealMinutes, "Your review (min)", reviewMinutes);
        row(times, 2, "Vote reveal (min)", voteMinutes, "", null);

        VBox form = new VBox(10,
                step("1. Dataset and items"), source, new HBox(8, path, browse, load), itemsSummary,
                step("2. Labels"), labeled("Title", title), labeled("Kind of label", kind),
                labeled("Classes (comma separated; keys 1–9 in this order)", classes),
                labeled("Instructions for labelers", instructions),
                step("3. Batches and money"), money,
                step("4. Gold items (kept secret until you reveal them)"), gold,
                step("5. Deadlines"), times);
        form.setPadding(new Insets(0, 12, 12, 0));
        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        cost.setId("task-cost");
        cost.getStyleClass().add("task-cost");
        cost.setWrapText(true);
        fund.setId("task-fund");
        fund.getStyleClass().add("accent");
        fund.setOnAction(e -> askToFund());
        Button cancel = new Button("Cancel");
        cancel.setId("task-cancel");
        cancel.setOnAction(e -> onCancel.run());
        confirm.setVisible(false);
        confirm.setManaged(false);
        confirm.getStyleClass().add("labeling-confirm");
        Label costHeading = new Label("Total cost");
        costHeading.getStyleClass().add("title-4");
        VBox side = new VBox(10, costHeading, cost, new HBox(8, fund, cancel), confirm, message);
        side.setPrefWidth(300);
        side.setMinWidth(260);
        side.setPadding(new Insets(0, 0, 0, 12));
        setRight(side);
        for (TextField f : List.of(batchSize, labelsPerItem, reward, stake, validatorReward, votes)) {
            f.textProperty().addListener((obs, old, now) -> updateCost());
        }
        updateCost();
    }

    private static TextField field(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        return f;
    }

    private static Label step(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("title-4", "wizard-step");
        return l;
    }

    private static VBox labeled(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        l.getStyleClass().add("text-muted");
        return new VBox(4, l, control);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        return g;
    }

    private static void row(GridPane g, int row, String a, TextField fa, String b, TextField fb) {
        g.add(fixed(a), 0, row);
        g.add(fa, 1, row);
        fa.setPrefColumnCount(6);
        if (fb != null) {
            g.add(fixed(b), 2, row);
            g.add(fb, 3, row);
            fb.setPrefColumnCount(6);
        }
    }

    private static Label fixed(String text) {
        Label label = new Label(text);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private void loadItems() {
        message.clear();
        boolean images = kind.getValue() == LabelSchema.Kind.BOUNDING_BOXES;
        Path at = Path.of(path.getText().trim());
        view.background().run(() -> DatasetItems.load(at, images)).onSuccess(loaded -> {
            items = loaded;
            itemsSummary.setText("Loaded " + loaded.size() + (images ? " images" : " text records") + " from " + at + ".");
            if (title.getText().isBlank()) {
                title.setText(at.getFileName() == null ? "Labeling task" : "Label " + at.getFileName());
            }
            updateCost();
        }).onError(error -> message.showError(ErrorText.of("Loading the items", error))).start();
    }

    /** The task as the form describes it; throws with the sentence to show when something is missing. */
    TaskSpec spec() {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("Load the items first (step 1).");
        }
        List<String> names = Arrays.stream(classes.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        LabelSchema schema = new LabelSchema(kind.getValue(), names, instructions.getText().strip());
        int perClaimVotes = whole(votes, "Votes per claim");
        BigInteger validator = Dgt.parse(validatorReward.getText());
        int batch = whole(batchSize, "Items per batch");
        int labels = whole(labelsPerItem, "Labels per item");
        int claims = ((items.size() + batch - 1) / Math.max(1, batch)) * labels;
        BigInteger pool = validator.multiply(BigInteger.valueOf((long) perClaimVotes * claims));
        return new TaskSpec(title.getText().isBlank() ? "Labeling task" : title.getText().strip(), schema, items,
                GoldAnswers.parse(gold.getText(), schema, items.size()), batch, labels, Dgt.parse(reward.getText()),
                Dgt.parse(stake.getText()), validator, perClaimVotes, pool, new TaskSpec.Timeline(
                minutes(claimMinutes), minutes(commitMinutes), minutes(revealMinutes), minutes(reviewMinutes),
                minutes(voteMinutes)));
    }

    private static int whole(TextField f, String what) {
        try {
            return Integer.parseInt(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number.", e);
        }
    }

    private static Duration minutes(TextField f) {
        return Duration.ofMinutes(whole(f, "Each deadline"));
    }

    private void updateCost() {
        try {
            int batch = whole(batchSize, "Items per batch");
            int labels = whole(labelsPerItem, "Labels per item");
            BigInteger rewards = Dgt.parse(reward.getText()).multiply(BigInteger.valueOf((long) items.size() * labels));
            int claims = batch < 1 ? 0 : ((items.size() + batch - 1) / batch) * labels;
            BigInteger pool = Dgt.parse(validatorReward.getText())
                    .multiply(BigInteger.valueOf((long) whole(votes, "Votes per claim") * claims));
            TaskCost c = new TaskCost(rewards, pool, BigInteger.ZERO, rewards.add(pool), Dgt.parse(stake.getText()));
            cost.setText(items.size() + " items × " + labels + " labels × " + reward.getText().strip() + " DGT = "
                    + Dgt.format(c.rewards()) + "\nValidation pool: " + Dgt.format(c.validationPool())
                    + "\nFees: " + Dgt.format(c.fees()) + "\nTotal from your wallet: " + Dgt.format(c.total())
                    + "\n\nLabelers each stake " + Dgt.format(c.stakePerClaim()) + " per batch. Rewards of rejected,"
                    + " slashed or unclaimed batches come back to you at settlement.");
        } catch (IllegalArgumentException e) {
            cost.setText(e.getMessage());
        }
    }

    private void askToFund() {
        message.clear();
        TaskSpec spec;
        try {
            spec = spec();
        } catch (IllegalArgumentException e) {
            message.showError(e.getMessage());
            return;
        }
        TaskCost c = view.services().requester().quote(spec);
        Label what = new Label("Fund \"" + spec.title() + "\": " + Dgt.format(c.total()) + " leaves your wallet into"
                + " escrow now.");
        what.setWrapText(true);
        what.setId("task-fund-summary");
        Button yes = new Button("Fund " + Dgt.format(c.total()));
        yes.setId("task-fund-confirm");
        yes.getStyleClass().add("accent");
        yes.setOnAction(e -> {
            yes.setDisable(true);
            fund.setDisable(true);
            message.showInfo("Encrypting the items, storing them and funding the task…");
            view.background().track("Funding the labeling task " + spec.title(), progress -> {
                        progress.update("Encrypting the items, storing them and funding the task…", -1);
                        return view.services().requester().create(spec);
                    }).onSuccess(onCreated)
                    .onError(error -> {
                        yes.setDisable(false);
                        fund.setDisable(false);
                        message.showError(ErrorText.of("Creating the task", error));
                    }).start();
        });
        confirm.getChildren().setAll(what, yes);
        confirm.setVisible(true);
        confirm.setManaged(true);
    }

    /** Items loaded so far (for tests and the cost view). */
    List<TaskItem> items() {
        return new ArrayList<>(items);
    }
}
