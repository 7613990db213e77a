package org.datagora.app.ui.labeling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.datagora.app.labeling.EarningsService;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** What this wallet earned labeling and validating, over time: the running total as a chart and each entry. */
final class EarningsPane extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d HH:mm").withZone(ZoneId.systemDefault());

    private final LabelingView view;
    private final Label total = new Label();
    private final LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), new NumberAxis());
    private final TableView<EarningsService.Earning> table = new TableView<>();
    private final FormMessage message = new FormMessage("earnings-message");

    EarningsPane(LabelingView view) {
        super(12);
        this.view = view;
        setPadding(new Insets(12, 0, 0, 0));
        total.setId("earnings-total");
        total.getStyleClass().add("title-3");
        chart.setId("earnings-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.getYAxis().setLabel("DGT");
        chart.setTitle("Running total");
        chart.setPrefHeight(260);
        table.setId("earnings-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                OpenTasksPane.<EarningsService.Earning>column("When", e -> WHEN.format(Instant.ofEpochSecond(e.time())), 120),
                OpenTasksPane.<EarningsService.Earning>column("Task", e -> "#" + e.taskId(), 60),
                OpenTasksPane.<EarningsService.Earning>column("Claim", e -> "#" + e.claimId(), 60),
                OpenTasksPane.<EarningsService.Earning>column("As", e -> e.role() == EarningsService.Role.LABELER
                        ? "labeler" : "validator", 80),
                OpenTasksPane.<EarningsService.Earning>column("Amount", e -> (e.amount().signum() < 0 ? "−"
                        + Dgt.format(e.amount().negate()) + " (slashed)" : "+" + Dgt.format(e.amount())), 140)));
        table.setPlaceholder(new EmptyState(MaterialDesignC.CASH_MULTIPLE, "No earnings yet",
                "Rewards appear here once a task you labeled or validated is settled. Claim a batch under Open tasks."));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().setAll(total, chart, table, message);
    }

    void refresh() {
        view.background().run(() -> view.services().earnings().earnings(view.me())).onSuccess(this::show)
                .onError(error -> message.showError(ErrorText.of("Loading your earnings", error))).start();
    }

    private void show(List<EarningsService.Earning> earnings) {
        table.getItems().setAll(earnings);
        List<EarningsService.Point> points = EarningsService.cumulative(earnings);
        BigInteger sum = points.isEmpty() ? BigInteger.ZERO : points.get(points.size() - 1).total();
        total.setText("Earned in all: " + (sum.signum() < 0 ? "−" + Dgt.format(sum.negate()) : Dgt.format(sum)));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int n = 0;
        for (EarningsService.Point p : points) {
            // Numbered so that two settlements in the same minute stay two points.
            series.getData().add(new XYChart.Data<>(++n + ". " + WHEN.format(Instant.ofEpochSecond(p.time())),
                    new BigDecimal(p.total(), 18).doubleValue()));
        }
        chart.getData().setAll(List.of(series));
    }
}
