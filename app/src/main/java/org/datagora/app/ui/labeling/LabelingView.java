package org.datagora.app.ui.labeling;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.session.SessionLabeling;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.ErrorText;
import org.datagora.app.ui.common.FxBackground;

/**
 * The Labeling area of one open wallet: open tasks to claim, one's claimed batches and their workspace,
 * validator review, one's own tasks as requester (create, review, settle, results, export) and earnings.
 */
public final class LabelingView extends StackPane {

    private final WalletSession session;
    private final SessionLabeling labeling;
    private final FxBackground background;
    private final TabPane tabs = new TabPane();
    private final Label notice = new Label();
    private final BorderPane frame = new BorderPane();
    private final OpenTasksPane openTasks;
    private final MyWorkPane myWork;
    private final ReviewPane review;
    private final MyTasksPane myTasks;
    private final EarningsPane earnings;

    public LabelingView(WalletSession session, FxBackground background) {
        this.session = session;
        this.labeling = session.labeling();
        this.background = background;
        setId("labeling");
        getStyleClass().add("labeling-view");
        openTasks = new OpenTasksPane(this);
        myWork = new MyWorkPane(this);
        review = new ReviewPane(this);
        myTasks = new MyTasksPane(this);
        earnings = new EarningsPane(this);
        tabs.setId("labeling-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().setAll(tab("Open tasks", "tab-open-tasks", openTasks), tab("My work", "tab-my-work", myWork),
                tab("Review", "tab-review", review), tab("My tasks", "tab-my-tasks", myTasks),
                tab("Earnings", "tab-earnings", earnings));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> refreshTab(now));
        notice.setId("labeling-notice");
        notice.getStyleClass().addAll("labeling-notice", "text-muted");
        notice.setWrapText(true);
        notice.setManaged(false);
        notice.setVisible(false);
        frame.setTop(notice);
        frame.setCenter(tabs);
        getChildren().setAll(frame);
        labeling.onNotice(sentence -> Platform.runLater(() -> noticed(sentence)));
        openTasks.refresh();
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    private void refreshTab(Tab tab) {
        if (tab == null) {
            return;
        }
        switch (tab.getId()) {
            case "tab-open-tasks" -> openTasks.refresh();
            case "tab-my-work" -> myWork.refresh();
            case "tab-review" -> review.refresh();
            case "tab-my-tasks" -> myTasks.refresh();
            case "tab-earnings" -> earnings.refresh();
            default -> { }
        }
    }

    private void noticed(String sentence) {
        if (getScene() == null) {
            return; // a view of a session that was closed (another wallet is open now)
        }
        notice.setText(sentence);
        notice.setManaged(true);
        notice.setVisible(true);
        refreshTab(tabs.getSelectionModel().getSelectedItem());
    }

    /** The wallet's labeling services. */
    LabelingServices services() {
        return labeling.services();
    }

    WalletSession session() {
        return session;
    }

    SessionLabeling labeling() {
        return labeling;
    }

    FxBackground background() {
        return background;
    }

    /** The open wallet's address, in lower case as the labeling services compare it. */
    String me() {
        return session.address().toLowerCase(java.util.Locale.ROOT);
    }

    /** Switches to a tab by id and refreshes it. */
    void select(String tabId) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(tabId)).findFirst()
                .ifPresent(t -> {
                    if (tabs.getSelectionModel().getSelectedItem() == t) {
                        refreshTab(t);
                    } else {
                        tabs.getSelectionModel().select(t);
                    }
                });
    }

    /** Opens the workspace of a claim (its batch is decrypted in the background first). */
    void openWorkspace(ClaimInfo claim, String title, java.util.function.Consumer<String> onError) {
        background.run(() -> services().labeler().openSession(claim.claimId()))
                .onSuccess(labelingSession -> {
                    Workspace workspace = new Workspace(labelingSession, title, background,
                            s -> services().labeler().submit(s), this::closeWorkspace, () -> {
                                closeWorkspace();
                                myWork.submitted(claim);
                            });
                    getChildren().setAll(workspace);
                    workspace.requestFocus();
                })
                .onError(error -> onError.accept(ErrorText.of("Opening the batch", error)))
                .start();
    }

    /** Leaves the workspace for My work; the labels are saved already. */
    void closeWorkspace() {
        getChildren().setAll(frame);
        myWork.clearMessage();
        select("tab-my-work");
    }
}
