package org.datagora.app.ui.common;

import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.datagora.app.AppServices;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.DatagoraApplication;
import org.datagora.app.ui.Theme;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** The app's window opened headless on given services, with the look-ups the wallet tests use. */
public final class TestWindow implements AutoCloseable {

    private final FxRobot robot = new FxRobot();
    private final Stage stage;
    private final javafx.application.Application application;

    private TestWindow(Stage stage, javafx.application.Application application) {
        this.stage = stage;
        this.application = application;
    }

    /** Opens the app on {@code services}: onboarding, unlock or the main window, as the app decides. */
    public static TestWindow open(AppServices services) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        return new TestWindow(stage, FxToolkit.setupApplication(() -> new DatagoraApplication(services)));
    }

    /** The robot that clicks and looks up. */
    public FxRobot robot() {
        return robot;
    }

    /** Clicks the node {@code query} finds. */
    public void click(String query) {
        robot.clickOn(query);
    }

    /** Replaces the text of the field {@code query} finds, as pasting would. */
    public void fill(String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    /** The text of the label {@code query} finds, or empty when there is none. */
    public String text(String query) {
        return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
    }

    /** The text of the field {@code query} finds. */
    public String fieldText(String query) {
        return robot.lookup(query).queryAs(TextInputControl.class).getText();
    }

    /** Whether a visible node matches {@code query}. */
    public boolean shows(String query) {
        return robot.lookup(query).tryQuery().filter(Node::isVisible).filter(n -> n.getScene() != null).isPresent();
    }

    /** What the status bar shows as the active account (the full address). */
    public Object statusAccount() {
        return robot.lookup("#status-account").tryQueryAs(Label.class).map(Label::getUserData).orElse(null);
    }

    /** Shows {@code root} in the window instead of what the app put there (for views built by a test). */
    public void show(javafx.scene.Parent root) {
        robot.interact(() -> stage.getScene().setRoot(root));
    }

    /** Switches the look of every window. */
    public void theme(Theme theme) {
        robot.interact(theme::apply);
    }

    /** Saves what the window shows under target/screenshots. */
    public void screenshot(String name) {
        robot.interact(() -> { });
        Screenshots.save(robot, stage.getScene(), name);
    }

    /** The 64 hex digits of a development account's key, as a user would paste it. */
    public static String privateKeyOf(Credentials credentials) {
        return Numeric.toHexStringNoPrefixZeroPadded(credentials.getEcKeyPair().getPrivateKey(), 64);
    }

    @Override
    public void close() throws TimeoutException {
        FxToolkit.cleanupApplication(application);
        FxToolkit.cleanupStages();
        robot.interact(Theme.LIGHT::apply);
    }
}
