package org.datagora.app.ui.labeling;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskResults;
import org.datagora.app.labeling.export.ExportFormat;
import org.datagora.app.labeling.export.LabelExporter;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;

/**
 * A task's results: per-item consensus with its agreement, per-labeler gold accuracy, payments and slashes,
 * what came back to the requester, and the exports (JSONL for Label Studio, CSV, COCO and YOLO for boxes).
 */
final class ResultsPane extends VBox {

    private final LabelingView view;
    private final TableView<TaskResults.ItemConsensus> consensus = new TableView<>();
    private final TableView<TaskResults.LabelerSummary> labelers = new TableView<>();
    private final Label returned = new Label();
    private final TextField folder = new TextField();
    private final FormMessage message = new FormMessage("export-message");
    private final HBox exports = new HBox(8);
    private TaskResults results;

    ResultsPane(LabelingView view, BigInteger taskId) {
        super(10);
        this.view = view;
        setId("task-results");
        Label heading = new Label("Results");
        heading.getStyleClass().add("title-4");
        consensus.setId("consensus-table");
        consensus.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        consensus.setPrefHeight(220);
        consensus.setPlaceholder(new Label("Loading…"));
        labelers.setId("labeler-table");
        labelers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        labelers.setPrefHeight(140);
        labelers.setPlaceholder(new Label("Loading…"));
        labelers.getColumns().setAll(List.of(
                OpenTasksPane.<TaskResults.LabelerSummary>column("Labeler", l -> LabelingFormat.shortAddress(l.labeler()), 120),
                OpenTasksPane.<TaskResults.LabelerSummary>column("Gold accuracy", l -> l.goldChecked() == 0 ? "no gold item"
                        : LabelingFormat.percent(l.goldAccuracy()) + " (" + l.goldCorrect() + " of " + l.goldChecked() + ")", 130),
                OpenTasksPane.<TaskResults.LabelerSummary>column("Accepted labels", l -> String.valueOf(l.acceptedLabels()), 110),
                OpenTasksPane.<TaskResults.LabelerSummary>column("Paid", l -> Dgt.format(l.rewardPaid()), 100),
                OpenTasksPane.<TaskResults.LabelerSummary>column("Slashed", l -> Dgt.format(l.stakeSlashed()), 100)));
        returned.setId("results-returned");
        returned.getStyleClass().add("text-muted");
        folder.setId("export-folder");
        folder.setText(Path.of(System.getProperty("user.home"), "Datagora", "exports", "task-" + taskId).toString());
        HBox.setHgrow(folder, Priority.ALWAYS);
        for (ExportFormat format : ExportFormat.values()) {
            Button button = new Button(format.name());
            button.setId("export-" + format.name().toLowerCase(Locale.ROOT));
            button.setDisable(true);
            button.setOnAction(e -> export(format));
            exports.getChildren().add(button);
        }
        Label exportLabel = new Label("Export to");
        HBox exportRow = new HBox(8, exportLabel, folder, exports);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().setAll(heading, consensus, labelers, returned, exportRow, message);
        view.background().run(() -> view.services().results().results(taskId)).onSuccess(this::show)
                .onError(error -> message.showError(ErrorText.of("Loading the results", error))).start();
    }

    private void show(TaskResults r) {
        this.results = r;
        consensus.getColumns().setAll(List.of(
                OpenTasksPane.<TaskResults.ItemConsensus>column("Item", c -> String.valueOf(c.itemIndex() + 1), 50),
                OpenTasksPane.<TaskResults.ItemConsensus>column(r.items().stream().anyMatch(TaskItem::isImage) ? "Image"
                        : "Text", c -> {
                    TaskItem item = r.items().get(c.itemIndex());
                    return item.isImage() ? item.name() : item.text();
                }, 300),
                OpenTasksPane.<TaskResults.ItemConsensus>column("Consensus", c -> c.labelIfAny()
                        .map(l -> LabelExporter.cell(r.schema(), l)).orElse("no labels"), 160),
                OpenTasksPane.<TaskResults.ItemConsensus>column("Agreement", c -> c.total() == 0 ? ""
                        : LabelingFormat.percent(c.agreement()) + " (" + c.votes() + " of " + c.total() + ")", 110)));
        consensus.getItems().setAll(r.consensus());
        labelers.getItems().setAll(r.labelers());
        labelers.setPlaceholder(new Label("No labeler yet."));
        returned.setText("Returned to you so far: " + Dgt.format(r.returnedToRequester()) + ".");
        boolean boxes = r.schema().isBoxes();
        exports.getChildren().forEach(b -> b.setDisable(!boxes && (b.getId().endsWith("coco") || b.getId().endsWith("yolo"))));
    }

    private void export(ExportFormat format) {
        Path dir = Path.of(folder.getText().trim());
        Path out = switch (format) {
            case JSONL -> dir.resolve("labels-label-studio.jsonl");
            case CSV -> dir.resolve("labels.csv");
            case COCO -> dir.resolve("labels-coco.json");
            case YOLO -> dir.resolve("yolo");
        };
        view.background().run(() -> {
            Files.createDirectories(dir);
            new LabelExporter().export(results, format, out);
            return out;
        }).onSuccess(path -> message.showSuccess("Wrote " + format.name() + " to " + path + "."))
                .onError(error -> message.showError(ErrorText.of("Exporting " + format.name(), error))).start();
    }
}
