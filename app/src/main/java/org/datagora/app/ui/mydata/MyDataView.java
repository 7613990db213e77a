package org.datagora.app.ui.mydata;

import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.PropertyValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.datagora.app.market.KeyDeliveryAgent;
import org.datagora.app.market.PublishJournal;
import org.datagora.app.market.PublishListener;
import org.datagora.app.market.PublishRequest;
import org.datagora.app.market.PublishResult;
import org.datagora.app.market.PublishStep;
import org.datagora.app.market.PublishWorkflow;
import org.datagora.app.market.SaleRecord;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.Dgt;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FormMessage;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.Notifier;
import org.datagora.app.ui.common.Speed;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SearchQuery;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;

/** The contributor's side: publish a dataset, see one's listings, and follow sales and earnings. */
public final class MyDataView extends TabPane {

    private final WalletSession session;
    private final FxBackground background;
    private final StackPane publishArea = new StackPane();
    private final PublishForm form;
    private final FormMessage resumeMessage = new FormMessage("publish-resume-message");
    private final ListView<Listing> listings = new ListView<>();
    private final TableView<SaleRow> sales = new TableView<>();
    private final LineChart<String, Number> earnings = new LineChart<>(new CategoryAxis(), new NumberAxis());

    public MyDataView(WalletSession session, FxBackground background) {
        this.session = session;
        this.background = background;
        this.form = new PublishForm(this::publish);
        setId("my-data");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        publishArea.getChildren().setAll(form);
        publishArea.setAlignment(Pos.TOP_LEFT);
        VBox publishTab = new VBox(12, resumeMessage, publishArea);
        publishTab.setPadding(new Insets(12, 0, 0, 0));
        Tab publish = new Tab("Publish", publishTab);
        publish.setId("tab-publish");
        listings.setId("my-listings");
        listings.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Listing l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : "#" + l.listingId() + "  " + l.title() + "  ·  " + Dgt.format(l.price())
                        + "  ·  " + l.status().name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        listings.setPlaceholder(new EmptyState(MaterialDesignD.DATABASE_OUTLINE, "Nothing published yet",
                "Datasets you publish are encrypted on this computer before they leave it. Start under Publish."));
        Tab mine = new Tab("My listings", listings);
        mine.setId("tab-my-listings");
        Tab salesTab = new Tab("Sales", salesPane());
        salesTab.setId("tab-sales");
        getTabs().setAll(publish, mine, salesTab);
        session.onSynced(() -> Platform.runLater(this::refresh));
        session.onDeliveries(report -> Platform.runLater(this::refresh));
        refresh();
        offerToResume();
    }

    /** Reloads listings and sales. */
    public void refresh() {
        background.run(() -> session.search().search(SearchQuery.all().withSeller(session.address())
                        .page(0, SearchQuery.MAX_PAGE_SIZE)).listings())
                .onSuccess(listings.getItems()::setAll).start();
        background.run(() -> new SalesSnapshot(session.deliveryAgent().sales(),
                        session.deliveryAgent().earnings(ZoneId.systemDefault())))
                .onSuccess(this::showSales).start();
    }

    private void publish(PublishRequest request) {
        PublishWorkflow workflow = session.newPublishWorkflow();
        PublishProgress progress = new PublishProgress(request.title());
        Button cancel = new Button("Cancel");
        cancel.setId("publish-cancel");
        cancel.setOnAction(e -> {
            cancel.setDisable(true);
            workflow.cancel();
        });
        publishArea.getChildren().setAll(new VBox(12, progress, cancel));
        run("Publishing " + request.title(), tracker -> workflow.publish(request, listener(progress, tracker)))
                .cancellable(() -> {
                    cancel.setDisable(true);
                    workflow.cancel();
                })
                .start();
    }

    private FxBackground.Job<PublishResult> run(String title, FxBackground.Tracked<PublishResult> work) {
        return background.track(title, work)
                .onSuccess(result -> {
                    publishArea.getChildren().setAll(form);
                    form.clearMessage();
                    resumeMessage.showSuccess("Listed as #" + result.listingId() + ". Buyers can find it now.");
                    Notifier.confirmed(this, "Listed", "Your dataset is listed as #" + result.listingId() + ".");
                    // Off the UI thread; the sync tells every view (the marketplace too) about the new listing.
                    background.run(session::syncNow).andFinally(this::refresh).start();
                })
                .onError(error -> {
                    publishArea.getChildren().setAll(form);
                    form.showError(ErrorText.of("Publishing", error));
                    offerToResume();
                });
    }

    /** Feeds both the publish pane and the activity panel, which shows the whole publish as one bar. */
    private PublishListener listener(PublishProgress progress, FxBackground.Progress tracker) {
        int steps = PublishStep.values().length;
        return new PublishListener() {
            @Override
            public void onProgress(PublishStep step, double fraction, double bytesPerSecond) {
                Platform.runLater(() -> progress.update(step, fraction, bytesPerSecond));
                tracker.update(step.label() + Speed.suffix(bytesPerSecond),
                        (step.ordinal() + Math.max(0, fraction)) / steps);
            }

            @Override
            public void onStepCompleted(PublishStep step) {
                Platform.runLater(() -> progress.completed(step));
                tracker.update(step.label() + " · done", (step.ordinal() + 1.0) / steps);
            }
        };
    }

    /** After a crash or a failure, offers to finish or undo publishes the journal still holds. */
    private void offerToResume() {
        background.run(() -> session.newPublishWorkflow().unfinished()).onSuccess(this::showUnfinished).start();
    }

    private void showUnfinished(List<PublishJournal> unfinished) {
        if (unfinished.isEmpty()) {
            return;
        }
        PublishJournal journal = unfinished.get(0);
        Button resume = new Button("Resume");
        resume.setId("publish-resume");
        Button rollBack = new Button("Undo");
        rollBack.setId("publish-roll-back");
        resume.getStyleClass().add("accent");
        resume.setMinWidth(Region.USE_PREF_SIZE);
        rollBack.setMinWidth(Region.USE_PREF_SIZE);
        // Once the list transaction is out it may still be mined, so only finishing is safe; say so.
        Label text = new Label("Publishing \u201c" + journal.title() + "\u201d was interrupted. "
                + (journal.listTransactionSent() ? "Its list transaction was sent: resume to finish it."
                : "Resume it, or undo what it did so far."));
        text.setId("publish-interrupted");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        rollBack.setVisible(!journal.listTransactionSent());
        rollBack.setManaged(rollBack.isVisible());
        HBox banner = new HBox(10, text, resume, rollBack);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("banner");
        publishArea.getChildren().setAll(new VBox(12, banner, form));
        resume.setOnAction(e -> {
            PublishWorkflow workflow = session.newPublishWorkflow();
            PublishProgress progress = new PublishProgress(journal.title());
            publishArea.getChildren().setAll(progress);
            run("Resuming the publish of " + journal.title(),
                    tracker -> workflow.resume(journal.id(), listener(progress, tracker))).start();
        });
        rollBack.setOnAction(e -> background.track("Undoing the publish of " + journal.title(), () -> {
            session.newPublishWorkflow().rollBack(journal.id());
            return true;
        }).onSuccess(done -> {
            publishArea.getChildren().setAll(form);
            resumeMessage.showInfo("The interrupted publish was undone; nothing was listed.");
        }).onError(error -> resumeMessage.showError(ErrorText.of("Undoing the publish", error))).start());
    }

    private VBox salesPane() {
        sales.setId("sales-table");
        sales.getColumns().add(column("Purchase", "purchase"));
        sales.getColumns().add(column("Listing", "listing"));
        sales.getColumns().add(column("Price", "price"));
        sales.getColumns().add(column("You receive", "earned"));
        sales.getColumns().add(column("State", "state"));
        sales.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sales.setPlaceholder(new EmptyState(MaterialDesignC.CASH_MULTIPLE, "No sales yet",
                "When someone buys your data, this app delivers the key on its own and the sale appears here."));
        earnings.setId("earnings-chart");
        earnings.setTitle("Earnings per day (DGT)");
        earnings.setLegendVisible(false);
        earnings.setPrefHeight(220);
        earnings.setVisible(false);
        earnings.setManaged(false);
        VBox box = new VBox(12, sales, earnings);
        VBox.setVgrow(sales, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 0, 0));
        return box;
    }

    private void showSales(SalesSnapshot snapshot) {
        sales.getItems().setAll(snapshot.sales().stream().map(SaleRow::new).toList());
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (KeyDeliveryAgent.EarningsPoint point : snapshot.earnings()) {
            series.getData().add(new XYChart.Data<>(point.day().toString(),
                    new java.math.BigDecimal(point.amount(), 18).doubleValue()));
        }
        earnings.getData().setAll(List.of(series));
        // An empty chart is only axes; the table's empty state already says what will appear.
        earnings.setVisible(!snapshot.earnings().isEmpty());
        earnings.setManaged(earnings.isVisible());
    }

    private static TableColumn<SaleRow, String> column(String title, String property) {
        TableColumn<SaleRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(new PropertyValueFactory<>(property));
        return column;
    }

    private record SalesSnapshot(List<SaleRecord> sales, List<KeyDeliveryAgent.EarningsPoint> earnings) {
    }

    /** A sale as the table shows it. */
    public static final class SaleRow {
        private final SaleRecord sale;

        SaleRow(SaleRecord sale) {
            this.sale = sale;
        }

        public String getPurchase() {
            return "#" + sale.purchaseId();
        }

        public String getListing() {
            return "#" + sale.listingId();
        }

        public String getPrice() {
            return Dgt.format(sale.price());
        }

        public String getEarned() {
            return sale.sellerAmount() == null ? "—" : Dgt.format(sale.sellerAmount());
        }

        public String getState() {
            return sale.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
