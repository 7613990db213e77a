package org.datagora.app.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.datagora.app.AppServices;
import org.datagora.app.chain.ChainConnection;
import org.datagora.app.chain.ChainTransactions;
import org.datagora.app.chain.TokenService;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.contracts.RevertDecoder;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.devnet.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;

/** What the Wallet view says when the chain is unreachable or a transaction does not get mined. */
@ExtendWith(LocalSandboxExtension.class)
class WalletFailuresTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final BigInteger DGT = BigInteger.TEN.pow(18);

    private AppServices services;
    private TestWindow app;
    private String owner;

    @BeforeEach
    void open(LocalSandbox sandbox, @TempDir Path dataDir) throws Exception {
        services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        owner = services.wallets().importPrivateKey(TestWindow.privateKeyOf(Credentials.create(Keys.createEcKeyPair())),
                "wallet password".toCharArray()).address();
        services.attach(sandbox);
        app = TestWindow.open(services);
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        services.close();
    }

    private void showWalletViewOn(ChainTransactions transactions, String token) {
        ChainConnection connection = new ChainConnection(transactions, new TokenService(transactions, token), Optional.empty());
        FxBackground background = new FxBackground(services.executors().workers());
        WalletView[] view = new WalletView[1];
        app.robot().interact(() -> view[0] = new WalletView(services.wallets(), CompletableFuture.completedFuture(connection), background));
        javafx.scene.layout.StackPane area = new javafx.scene.layout.StackPane(view[0]);
        area.getStyleClass().addAll("main-window", "area-content");
        app.show(area);
    }

    @Test
    void anUnreachableRpcEndpointIsNamedInOneSentence(LocalSandbox sandbox) {
        String endpoint = "http://127.0.0.1:" + FreePort.pick();
        showWalletViewOn(new ChainTransactions(Web3j.build(new HttpService(endpoint)), AnvilNode.CHAIN_ID, endpoint,
                RevertDecoder.forDatagoraContracts(), Duration.ofSeconds(5), Duration.ofMillis(50)), sandbox.addresses().token());

        await().atMost(PATIENCE).until(() -> app.text("#wallet-message").equals("The chain's RPC endpoint at " + endpoint
                + " is not answering. Check that the node is running and reachable, or choose another network in Settings."));
        app.screenshot("wallet-rpc-down-light");
    }

    @Test
    void aStuckTransferOffersSpeedUpWhichGetsItMined(LocalSandbox sandbox) throws Exception {
        services.chain().get().faucet().orElseThrow().drip(owner);
        ChainTransactions impatient = new ChainTransactions(sandbox.chain().web3j(), AnvilNode.CHAIN_ID,
                sandbox.rpcUrl().toString(), RevertDecoder.forDatagoraContracts(), Duration.ofSeconds(3), Duration.ofMillis(50));
        showWalletViewOn(impatient, sandbox.addresses().token());
        await().atMost(PATIENCE).until(() -> app.text("#wallet-dgt").equals("1000"));
        String recipient = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());

        sandbox.chain().setAutomine(false);
        try {
            app.fill("#send-to", recipient);
            app.fill("#send-amount", "3");
            app.click("#send-review");
            await().atMost(PATIENCE).until(() -> app.shows("#send-confirm"));
            app.click("#send-confirm");
            await().atMost(PATIENCE).until(() -> app.shows("#send-speed-up"));
            assertThat(app.text("#send-message")).isEqualTo("Your transaction for sending 3 DGT was not confirmed within 3 "
                    + "seconds. It may still go through; speed it up to re-send it with higher fees.");
            app.screenshot("wallet-stuck-light");
            BigInteger offered = pendingMaxFee(sandbox);

            app.click("#send-speed-up");
            // Mine only once the faster copy has replaced the slow one in the node's pool.
            await().atMost(PATIENCE).until(() -> pendingMaxFee(sandbox).compareTo(offered) > 0);
            sandbox.chain().mine();

            await().atMost(PATIENCE).until(() -> app.text("#send-message").startsWith("Sent 3 DGT to "));
            assertThat(sandbox.tokenBalance(recipient)).isEqualTo(DGT.multiply(BigInteger.valueOf(3)));
        } finally {
            sandbox.chain().setAutomine(true);
        }
    }

    /** The max fee of the wallet's one transaction waiting in anvil's pool. */
    @SuppressWarnings("unchecked")
    private BigInteger pendingMaxFee(LocalSandbox sandbox) throws Exception {
        Map<String, Object> content = (Map<String, Object>) new Request<>("txpool_content", List.of(),
                new HttpService(sandbox.rpcUrl().toString()), AnvilNode.RawResponse.class).send().getResult();
        Map<String, Object> pending = (Map<String, Object>) content.get("pending");
        for (Map.Entry<String, Object> sender : pending.entrySet()) {
            if (sender.getKey().equalsIgnoreCase(owner)) {
                for (Object tx : ((Map<String, Object>) sender.getValue()).values()) {
                    return new BigInteger(String.valueOf(((Map<String, Object>) tx).get("maxFeePerGas")).substring(2), 16);
                }
            }
        }
        return BigInteger.ZERO;
    }
}
