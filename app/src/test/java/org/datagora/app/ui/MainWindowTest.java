package org.datagora.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.app.ui.main.Area;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

@ExtendWith(LocalSandboxExtension.class)
class MainWindowTest {

    private final FxRobot robot = new FxRobot();
    private AppServices services;
    private Stage stage;
    private javafx.application.Application application;

    @BeforeEach
    void openWindow(LocalSandbox sandbox, @TempDir Path dataDir) throws Exception {
        services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        // Preparing the wallet through the service skips onboarding: the main window opens at once.
        services.wallets().importPrivateKey(TestWindow.privateKeyOf(sandbox.devAccount(0)), "test password".toCharArray());
        services.attach(sandbox);
        stage = FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(() -> new DatagoraApplication(services));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
        services.close();
    }

    @Test
    void statusBarShowsTheLiveChainIdAndAGrowingBlockHeight(LocalSandbox sandbox) throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> text("#status-chain").equals("Chain 31337"));
        BigInteger height = sandbox.chain().web3j().ethBlockNumber().send().getBlockNumber();
        await().atMost(Duration.ofSeconds(10)).until(() -> text("#status-block").equals(blockText(height)));

        sandbox.chain().mine();

        await().atMost(Duration.ofSeconds(10)).until(() -> text("#status-block").equals(blockText(height.add(BigInteger.ONE))));
        assertThat(text("#status-ipfs")).isEqualTo("IPFS online");
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.devAccount(0).getAddress()
                .equalsIgnoreCase(String.valueOf(robot.lookup("#status-account").queryAs(Label.class).getUserData())));
        Screenshots.save(robot, stage.getScene(), "main-window-light");
    }

    @Test
    void navigationSwitchesAreasAndTheThemeSwitchesToDark() {
        for (Area area : Area.values()) {
            robot.clickOn("#" + area.navigationId());
            assertThat(text("#area-heading")).isEqualTo(area.title());
        }
        robot.clickOn("#theme-switch");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        robot.clickOn("#" + Area.MARKETPLACE.navigationId());
        Screenshots.save(robot, stage.getScene(), "main-window-dark");
        robot.clickOn("#theme-switch");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-light");
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static String blockText(BigInteger height) {
        return String.format(java.util.Locale.ROOT, "Block %,d", height);
    }
}
