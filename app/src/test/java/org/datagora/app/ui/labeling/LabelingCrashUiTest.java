package org.datagora.app.ui.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.datagora.app.ui.labeling.LabelingUiFixture.DGT;
import static org.datagora.app.ui.labeling.LabelingUiFixture.awaitText;
import static org.datagora.app.ui.labeling.LabelingUiFixture.selectRow;
import static org.datagora.app.ui.labeling.LabelingUiFixture.switchTo;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskSpec;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.main.Area;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * A crash in the middle of labeling loses nothing: labels typed in the workspace are there, and the
 * workspace resumes at the first unlabeled item, after the window and all services were closed and reopened.
 */
@ExtendWith(LocalSandboxExtension.class)
class LabelingCrashUiTest {

    @Test
    void labelsTypedBeforeTheAppWentDownAreThereAfterItComesBack(LocalSandbox sandbox, @TempDir Path dir)
            throws Exception {
        LabelingUiFixture.fund(sandbox, 5, 6);
        Credentials labeler = sandbox.devAccount(6);
        // The requester works from another computer: its own cache and vault, through the services.
        CacheDatabase requesterCache = CacheDatabase.open(dir.resolve("requester"), Optional.empty());
        SecretVault vault = new SecretVault(requesterCache);
        vault.unlock("requester password".toCharArray());
        Credentials requesterKey = sandbox.devAccount(5);
        LabelingServices requester = LabelingServices.create(sandbox.chain().web3j(),
                sandbox.chain().transactionManager(requesterKey), sandbox.chain().gasProvider(), sandbox.addresses(),
                sandbox.contentStore(), requesterCache, vault,
                BuyerKeyPair.fromWalletPrivateKey(requesterKey.getEcKeyPair().getPrivateKey()), Clock.systemUTC());
        List<TaskItem> items = List.of(TaskItem.text(0, "a", "The food was great"), TaskItem.text(1, "b", "Awful service"),
                TaskItem.text(2, "c", "Lovely view"), TaskItem.text(3, "d", "Cold soup"), TaskItem.text(4, "e", "Fine"));
        BigInteger taskId = requester.requester().create(new TaskSpec("Restaurant reviews",
                new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE, List.of("positive", "negative", "neutral"), "Tone?"),
                items, Map.of(), 5, 1, DGT, DGT, BigInteger.ZERO, 0, BigInteger.ZERO, new TaskSpec.Timeline(
                Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO))).taskId();

        Path data = dir.resolve("app");
        AppServices services = new AppServices(new DataDirectory(data), KeystoreKdf.LIGHT);
        LabelingUiFixture.importWallets(services, sandbox, 6);
        services.attach(sandbox);
        TestWindow app = TestWindow.open(services);
        BigInteger claimId;
        try {
            app.click("#" + Area.LABELING.navigationId());
            switchTo(services, app, labeler);
            selectRow(app, "#open-tasks", (OpenTasksPane.Row r) -> r.task().taskId().equals(taskId));
            app.click("#claim-button");
            app.click("#claim-confirm");
            awaitText(app, "#claim-message", t -> t.startsWith("Claimed batch 1"));
            assertThat(requester.keyDesk().deliverDue()).isEqualTo(1);
            app.click("#tab-my-work");
            selectRow(app, "#my-claims", (MyWorkPane.Row r) -> r.canLabel() && r.keyArrived());
            app.click("#open-workspace");
            Workspace workspace = LabelingWholeTaskUiTest.awaitWorkspace(app);
            claimId = workspace.session().claimId();
            app.robot().interact(workspace::requestFocus);
            LabelingUiFixture.pressClass(app.robot(), 0);
            LabelingUiFixture.pressClass(app.robot(), 1);
            LabelingUiFixture.pressClass(app.robot(), 0);
            assertThat(app.text("#workspace-progress-text")).isEqualTo("3 of 5 labeled");
        } finally {
            // Down without leaving the workspace or submitting: the window and every service go away.
            app.close();
            services.close();
        }

        AppServices restarted = new AppServices(new DataDirectory(data), KeystoreKdf.LIGHT);
        restarted.attach(sandbox);
        restarted.wallets().unlock(labeler.getAddress(), LabelingUiFixture.PASSWORD.toCharArray());
        TestWindow reopened = TestWindow.open(restarted);
        try {
            reopened.click("#" + Area.LABELING.navigationId());
            switchTo(restarted, reopened, labeler);
            reopened.click("#tab-my-work");
            selectRow(reopened, "#my-claims", (MyWorkPane.Row r) -> r.claim().claimId().equals(claimId)
                    && r.keyArrived());
            reopened.click("#open-workspace");
            Workspace workspace = LabelingWholeTaskUiTest.awaitWorkspace(reopened);
            assertThat(reopened.text("#workspace-progress-text")).isEqualTo("3 of 5 labeled");
            assertThat(reopened.text("#workspace-position")).as("resumes at the first unlabeled item").isEqualTo("Item 4 of 5");
            assertThat(workspace.session().label(0)).contains(Label.single(0));
            assertThat(workspace.session().label(1)).contains(Label.single(1));
            assertThat(workspace.session().label(2)).contains(Label.single(0));
            assertThat(reopened.text("#workspace-text")).isEqualTo("Cold soup");
        } finally {
            reopened.close();
            restarted.close();
            vault.lock();
            requesterCache.close();
        }
    }
}
