package org.datagora.app.ui.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.datagora.app.ui.labeling.LabelingUiFixture.DGT;
import static org.datagora.app.ui.labeling.LabelingUiFixture.PATIENCE;
import static org.datagora.app.ui.labeling.LabelingUiFixture.awaitText;
import static org.datagora.app.ui.labeling.LabelingUiFixture.clickWhenReady;
import static org.datagora.app.ui.labeling.LabelingUiFixture.selectRow;
import static org.datagora.app.ui.labeling.LabelingUiFixture.switchTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.input.KeyCode;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.labeling.TaskResults;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.main.Area;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.web3j.crypto.Credentials;

/**
 * A whole labeling task through the app's window on the local sandbox: one requester (dev account 1) creates and
 * funds it in the wizard; three labelers (2, 3, 4) claim with a confirmation and label with the keyboard in the
 * workspace, the last answering the gold items wrongly; their apps reveal on their own once the commit window
 * closed; the requester reveals gold and checks, accepts in bulk, sends the review and settles; the results and
 * exports match the consensus, honest labelers are paid exactly, the cheater is slashed and the rest returns.
 */
@ExtendWith(LocalSandboxExtension.class)
class LabelingWholeTaskUiTest {

    private static final BigInteger REWARD = DGT.multiply(BigInteger.TEN);
    private static final BigInteger STAKE = DGT.multiply(BigInteger.valueOf(5));
    private static final List<String> CLASSES = List.of("positive", "negative");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The honest answer of sentence i (0-based). */
    private static int truth(int i) {
        return i % 3 == 0 ? 1 : 0;
    }

    @Test
    void aWholeTaskThroughTheWindowPaysTheHonestSlashesTheCheaterAndReturnsTheRest(LocalSandbox sandbox,
                                                                                   @TempDir Path dir) throws Exception {
        LabelingUiFixture.fund(sandbox, 1, 2, 3, 4);
        Credentials requester = sandbox.devAccount(1);
        List<Credentials> labelers = List.of(sandbox.devAccount(2), sandbox.devAccount(3), sandbox.devAccount(4));
        Credentials cheater = labelers.get(2);
        Map<String, BigInteger> before = balances(sandbox, requester, labelers.get(0), labelers.get(1), cheater);
        BigInteger treasuryBefore = sandbox.tokenBalance(sandbox.addresses().treasury());
        Path sentences = dir.resolve("sentences.txt");
        Files.write(sentences, IntStream.range(0, 7).mapToObj(i -> "Sentence number " + i + (truth(i) == 1
                ? " is dreadful" : " is lovely")).toList());

        AppServices services = new AppServices(new DataDirectory(dir.resolve("app")), KeystoreKdf.LIGHT);
        LabelingUiFixture.importWallets(services, sandbox, 2, 3, 4, 1);
        services.attach(sandbox);
        TestWindow app = TestWindow.open(services);
        try {
            app.click("#" + Area.LABELING.navigationId());
            WalletSession requesterSession = switchTo(services, app, requester);
            app.screenshot("labeling-open-tasks-empty-light");
            app.click("#tab-my-tasks");
            app.screenshot("labeling-my-tasks-empty-light");

            // The requester creates and funds the task in the wizard.
            app.click("#new-task");
            app.fill("#task-source", sentences.toString());
            app.click("#task-load-items");
            awaitText(app, "#task-items-summary", t -> t.startsWith("Loaded 7 text records"));
            app.fill("#task-title-field", "Sentiment of short sentences");
            app.fill("#task-classes", "positive, negative");
            app.fill("#task-instructions", "Is the sentence positive or negative?");
            app.fill("#task-batch-size", "3");
            app.fill("#task-labels-per-item", "3");
            app.fill("#task-reward", "10");
            app.fill("#task-stake", "5");
            app.fill("#task-gold", "2=positive\n4=negative");
            app.fill("#task-claim-minutes", "10");
            app.fill("#task-commit-minutes", "5");
            app.fill("#task-reveal-minutes", "10");
            app.fill("#task-review-minutes", "10");
            assertThat(app.text("#task-cost")).contains("Total from your wallet: 210 DGT");
            app.click("#task-fund");
            awaitText(app, "#task-fund-summary", t -> t.contains("210 DGT leaves your wallet"));
            app.screenshot("labeling-new-task-light");
            app.click("#task-fund-confirm");
            awaitText(app, "#my-task-message", t -> t.startsWith("Funded task #"));
            TaskInfo task = requesterSession.labeling().services().catalog().openTasks().get(0);
            BigInteger taskId = task.taskId();
            assertThat(task.rewardHeld()).isEqualTo(REWARD.multiply(BigInteger.valueOf(21)));

            // Each labeler claims two batches, confirming the stake.
            for (Credentials labeler : labelers) {
                switchTo(services, app, labeler);
                app.click("#tab-open-tasks");
                for (int batch = 0; batch < 2; batch++) {
                    int wanted = batch;
                    selectRow(app, "#open-tasks", (OpenTasksPane.Row r) -> r.task().taskId().equals(taskId)
                            && r.openBatch() == wanted);
                    app.click("#claim-button");
                    awaitText(app, "#claim-summary", t -> t.startsWith("Claim batch " + (wanted + 1) + " of 3"));
                    if (labeler == labelers.get(0) && batch == 0) {
                        app.screenshot("labeling-claim-confirm-light");
                    }
                    app.click("#claim-confirm");
                    awaitText(app, "#claim-message", t -> t.startsWith("Claimed batch " + (wanted + 1)));
                }
            }

            // The requester's app sends the task key to the six claims on its own.
            WalletSession again = switchTo(services, app, requester);
            await().atMost(PATIENCE).until(() -> again.labeling().notices().contains("Sent the task key to 6 new claims"));

            // Each labeler labels both batches with the keyboard and submits with Enter at the end.
            for (Credentials labeler : labelers) {
                switchTo(services, app, labeler);
                app.click("#tab-my-work");
                java.util.Set<BigInteger> submitted = new java.util.HashSet<>();
                for (int claim = 0; claim < 2; claim++) {
                    selectRow(app, "#my-claims", (MyWorkPane.Row r) -> r.canLabel() && r.keyArrived()
                            && !submitted.contains(r.claim().claimId()));
                    app.click("#open-workspace");
                    Workspace workspace = awaitWorkspace(app);
                    submitted.add(workspace.session().claimId());
                    boolean first = labeler == labelers.get(0) && claim == 0;
                    labelWithKeys(app.robot(), workspace, labeler == cheater, first);
                    if (first) {
                        app.screenshot("labeling-workspace-light");
                        app.theme(Theme.DARK);
                        app.screenshot("labeling-workspace-dark");
                        app.theme(Theme.LIGHT);
                    }
                    app.robot().type(KeyCode.ENTER);
                    awaitText(app, "#my-work-message", t -> t.startsWith("Submitted the labels of claim"));
                }
                selectRow(app, "#my-claims", (MyWorkPane.Row r) -> r.claim().committedNotRevealed()
                        && r.state().startsWith("Submitted"));
                if (labeler == labelers.get(0)) {
                    app.screenshot("labeling-my-work-light");
                }
            }

            // After the commit window each labeler's app reveals on its own while it runs (the one open during
            // the warp may already have done so before the switch).
            LabelingUiFixture.warpPast(sandbox, task.commitDeadline());
            for (Credentials labeler : labelers) {
                WalletSession session = switchTo(services, app, labeler);
                await().atMost(PATIENCE).alias("the reveals of " + labeler.getAddress() + "; notices: "
                        + session.labeling().notices()).until(() -> session.labeling().services().labeler().myClaims()
                        .stream().allMatch(c -> c.status() == ClaimInfo.Status.REVEALED));
            }
            assertThat(requesterSession.labeling().services().catalog().claims(taskId)).hasSize(6)
                    .extracting(ClaimInfo::status).containsOnly(ClaimInfo.Status.REVEALED);

            // The requester reveals gold, checks, accepts in bulk, sends the review and settles.
            LabelingUiFixture.warpPast(sandbox, task.revealDeadline());
            switchTo(services, app, requester);
            app.click("#tab-my-tasks");
            clickWhenReady(app, "#reveal-gold");
            awaitText(app, "#my-task-message", t -> t.equals("Gold checked: 4 passed, 2 slashed."));
            clickWhenReady(app, "#accept-all");
            awaitText(app, "#my-task-message", t -> t.startsWith("Every revealed claim"));
            app.screenshot("labeling-review-light");
            clickWhenReady(app, "#submit-review");
            awaitText(app, "#my-task-message", t -> t.startsWith("Review sent"));
            LabelingUiFixture.warpPast(sandbox, task.voteRevealDeadline());
            app.click("#tab-open-tasks");
            app.click("#tab-my-tasks");
            clickWhenReady(app, "#settle");
            awaitText(app, "#my-task-message", t -> t.startsWith("Settled"));
            await().atMost(PATIENCE).until(() -> LabelingUiFixture.<TaskResults.ItemConsensus>table(app,
                    "#consensus-table").getItems().size() == 7);
            awaitText(app, "#results-returned", t -> t.equals("Returned to you so far: 90 DGT."));
            javafx.scene.Node results = app.robot().lookup("#consensus-table").query();
            app.robot().interact(() -> LabelingUiFixture.scrollIntoView(results));
            app.screenshot("labeling-results-light");
            app.theme(Theme.DARK);
            app.screenshot("labeling-results-dark");
            app.theme(Theme.LIGHT);

            BigInteger perHonest = REWARD.multiply(BigInteger.valueOf(6));
            assertThat(sandbox.tokenBalance(addr(labelers.get(0)))).isEqualTo(before.get(addr(labelers.get(0))).add(perHonest));
            assertThat(sandbox.tokenBalance(addr(labelers.get(1)))).isEqualTo(before.get(addr(labelers.get(1))).add(perHonest));
            assertThat(sandbox.tokenBalance(addr(cheater))).isEqualTo(before.get(addr(cheater)).subtract(STAKE.multiply(BigInteger.TWO)));
            assertThat(sandbox.tokenBalance(sandbox.addresses().treasury()))
                    .isEqualTo(treasuryBefore.add(STAKE.multiply(BigInteger.TWO)));
            assertThat(sandbox.tokenBalance(addr(requester)))
                    .as("only the honest labelers' rewards were spent; the cheater's and batch 3's came back")
                    .isEqualTo(before.get(addr(requester)).subtract(perHonest.multiply(BigInteger.TWO)));

            // Exports written from the results view parse and match the consensus.
            Path exports = dir.resolve("exports");
            app.fill("#export-folder", exports.toString());
            clickWhenReady(app, "#export-jsonl");
            awaitText(app, "#export-message", t -> t.startsWith("Wrote JSONL"));
            clickWhenReady(app, "#export-csv");
            awaitText(app, "#export-message", t -> t.startsWith("Wrote CSV"));
            assertExportsMatchTruth(exports);

            // The honest labeler's earnings show the reward.
            switchTo(services, app, labelers.get(0));
            app.click("#tab-earnings");
            awaitText(app, "#earnings-total", t -> t.equals("Earned in all: 60 DGT"));
            app.screenshot("labeling-earnings-light");
            app.theme(Theme.DARK);
            app.screenshot("labeling-earnings-dark");
            app.theme(Theme.LIGHT);
        } finally {
            app.close();
            services.close();
        }
    }

    /** Labels the open batch with digit keys; the first time also tries arrows and Ctrl+Z on a wrong key. */
    private static void labelWithKeys(FxRobot robot, Workspace workspace, boolean lieOnGold, boolean tryUndo) {
        robot.interact(workspace::requestFocus);
        var session = workspace.session();
        if (tryUndo) {
            int item = session.current().index();
            LabelingUiFixture.pressClass(robot, 1 - truth(item));
            robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
            assertThat(session.current().index()).as("undo goes back to the item").isEqualTo(item);
            assertThat(session.currentLabel()).as("undo removes the wrong label").isEmpty();
            robot.type(KeyCode.RIGHT);
            assertThat(session.current().index()).isEqualTo(item + 1);
            robot.type(KeyCode.LEFT);
            assertThat(session.current().index()).isEqualTo(item);
        }
        for (int k = 0; k < session.size(); k++) {
            int item = session.current().index();
            boolean lie = lieOnGold && (item == 1 || item == 3);
            LabelingUiFixture.pressClass(robot, lie ? 1 - truth(item) : truth(item));
        }
        assertThat(session.isComplete()).isTrue();
        List<Label> expected = new ArrayList<>();
        for (int k = 0; k < session.size(); k++) {
            int item = session.firstItem() + k;
            boolean lie = lieOnGold && (item == 1 || item == 3);
            expected.add(Label.single(lie ? 1 - truth(item) : truth(item)));
        }
        assertThat(session.labels()).isEqualTo(expected);
    }

    static Workspace awaitWorkspace(TestWindow app) {
        await().atMost(PATIENCE).until(() -> app.shows("#labeling-workspace"));
        return app.robot().lookup("#labeling-workspace").queryAs(Workspace.class);
    }

    private static void assertExportsMatchTruth(Path exports) throws Exception {
        List<String> lines = Files.readAllLines(exports.resolve("labels-label-studio.jsonl"));
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            JsonNode task = JSON.readTree(line);
            int item = task.at("/meta/datagora_item").asInt();
            assertThat(task.at("/annotations/0/result/0/value/choices/0").asText()).isEqualTo(CLASSES.get(truth(item)));
            assertThat(task.at("/meta/agreement").asDouble()).isEqualTo(1.0);
        }
        List<String> rows = Files.readAllLines(exports.resolve("labels.csv"));
        assertThat(rows.get(0)).isEqualTo("item,name,label,votes,total,agreement");
        Map<Integer, String> labels = rows.subList(1, rows.size()).stream().map(r -> r.split(","))
                .collect(Collectors.toMap(c -> Integer.parseInt(c[0]), c -> c[2]));
        Map<Integer, String> expected = new HashMap<>();
        IntStream.range(0, 6).forEach(i -> expected.put(i, CLASSES.get(truth(i))));
        assertThat(labels).isEqualTo(expected);
    }

    private static String addr(Credentials c) {
        return c.getAddress().toLowerCase();
    }

    private static Map<String, BigInteger> balances(LocalSandbox sandbox, Credentials... accounts) {
        Map<String, BigInteger> balances = new HashMap<>();
        for (Credentials account : accounts) {
            balances.put(addr(account), sandbox.tokenBalance(account.getAddress()));
        }
        return balances;
    }
}
