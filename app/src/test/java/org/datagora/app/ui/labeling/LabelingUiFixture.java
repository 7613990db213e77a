package org.datagora.app.ui.labeling;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.datagora.app.AppServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.contracts.generated.DatagoraToken;
import org.testfx.api.FxRobot;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/** What the labeling UI tests share: funding, moving chain time, switching wallets, and typing in tables. */
final class LabelingUiFixture {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final BigInteger DGT = BigInteger.TEN.pow(18);
    static final String PASSWORD = "labeling password";

    private LabelingUiFixture() {
    }

    /** Gives each dev account 1,000 DGT from the faucet account (which holds the faucet role). */
    static void fund(LocalSandbox sandbox, int... accounts) throws Exception {
        DatagoraToken token = DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider());
        for (int account : accounts) {
            token.mint(sandbox.devAccount(account).getAddress(), DGT.multiply(BigInteger.valueOf(1_000))).send();
        }
    }

    /** Moves the chain's clock just past {@code deadline} (anvil evm_increaseTime) and mines a block there. */
    static void warpPast(LocalSandbox sandbox, long deadline) throws IOException {
        long now = sandbox.chain().web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getTimestamp().longValueExact();
        Response<?> response = new Request<>("evm_increaseTime", List.of(Math.max(1, deadline - now + 1)),
                new HttpService(sandbox.rpcUrl().toString()), AnyResponse.class).send();
        if (response.hasError()) {
            throw new IOException(response.getError().getMessage());
        }
        sandbox.chain().mine();
    }

    /** A JSON-RPC response of any shape. */
    public static final class AnyResponse extends Response<Object> {
    }

    /** Stores the wallets of dev accounts in the app, as importing their keys would. */
    static void importWallets(AppServices services, LocalSandbox sandbox, int... accounts) {
        for (int account : accounts) {
            services.wallets().importPrivateKey(TestWindow.privateKeyOf(sandbox.devAccount(account)),
                    PASSWORD.toCharArray());
        }
    }

    /** Unlocks {@code wallet} and waits until the window shows the Labeling area of its session. */
    static WalletSession switchTo(AppServices services, TestWindow app, Credentials wallet) {
        services.wallets().unlock(wallet.getAddress(), PASSWORD.toCharArray());
        await().atMost(PATIENCE).until(() -> services.sessions().current()
                .filter(s -> s.address().equalsIgnoreCase(wallet.getAddress())).isPresent());
        WalletSession session = services.sessions().current().orElseThrow();
        await().atMost(PATIENCE).until(() -> view(app).filter(v -> v.session() == session).isPresent());
        return session;
    }

    /** The Labeling area shown now, if any. */
    static java.util.Optional<LabelingView> view(TestWindow app) {
        app.robot().interact(() -> { });
        return app.robot().lookup("#labeling").tryQueryAs(LabelingView.class).filter(n -> n.getScene() != null);
    }

    @SuppressWarnings("unchecked")
    static <R> TableView<R> table(TestWindow app, String query) {
        return (TableView<R>) app.robot().lookup(query).queryAs(TableView.class);
    }

    /** Waits until the table {@code query} finds has a row matching {@code test}, then selects it. */
    static <R> R selectRow(TestWindow app, String query, java.util.function.Predicate<R> test) {
        Object[] found = new Object[1];
        await().atMost(PATIENCE).until(() -> {
            TableView<R> table = table(app, query);
            found[0] = table.getItems().stream().filter(test).findFirst().orElse(null);
            return found[0] != null;
        });
        @SuppressWarnings("unchecked")
        R row = (R) found[0];
        TableView<R> table = table(app, query);
        app.robot().interact(() -> table.getSelectionModel().select(row));
        return row;
    }

    /** Waits until the label {@code query} finds reads something matching {@code test}. */
    static String awaitText(TestWindow app, String query, java.util.function.Predicate<String> test) {
        await().atMost(PATIENCE).until(() -> test.test(app.text(query)));
        return app.text(query);
    }

    /** Waits until {@code query} finds a visible, enabled node, then clicks it. */
    static void clickWhenReady(TestWindow app, String query) {
        await().atMost(PATIENCE).until(() -> app.robot().lookup(query).tryQuery()
                .filter(Node::isVisible).filter(n -> !n.isDisabled()).filter(n -> n.getScene() != null).isPresent());
        Node node = app.robot().lookup(query).query();
        app.robot().interact(() -> scrollIntoView(node));
        app.click(query);
    }

    /** Scrolls the enclosing scroll pane, as a user would, so that {@code node} is on screen. */
    static void scrollIntoView(Node node) {
        for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
            if (parent instanceof javafx.scene.control.ScrollPane scroll) {
                Node content = scroll.getContent();
                double contentHeight = content.getBoundsInLocal().getHeight();
                double viewport = scroll.getViewportBounds().getHeight();
                double y = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
                if (contentHeight > viewport) {
                    scroll.setVvalue(Math.max(0, Math.min(1, (y - viewport / 3) / (contentHeight - viewport))));
                }
                scroll.layout();
                return;
            }
        }
    }

    /** Presses the digit key for class {@code index} (0 is key 1). */
    static void pressClass(FxRobot robot, int index) {
        robot.type(KeyCode.valueOf("DIGIT" + (index + 1)));
    }

    static <T> T quietly(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
