package org.datagora.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.NetworksFile;
import org.datagora.contracts.devnet.DevAccounts;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.StaticEIP1559GasProvider;

/** The app killed with SIGKILL leaves its nodes running; the next start must clean up and keep the chain. */
class SandboxCrashRecoveryTest {

    private static final BigInteger SENT = BigInteger.valueOf(1234);
    private static final String RECEIVER = "0x00000000000000000000000000000000000A11CE";

    @Test
    void afterSigkillTheNextStartStopsTheOrphansAndKeepsBalances(@TempDir Path dataDir) throws Exception {
        Process app = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.datagora.app.Main", "--data-dir", dataDir.toString(), "network", "start")
                .redirectErrorStream(true).start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        List<String> output = new ArrayList<>();
        Thread reader = new Thread(() -> readUntilReady(app, output, ready));
        reader.setDaemon(true);
        reader.start();
        ready.get(90, java.util.concurrent.TimeUnit.SECONDS);

        Path sandboxDir = dataDir.resolve("sandbox");
        SandboxEndpoints endpoints = SandboxEndpoints.read(sandboxDir).orElseThrow();
        NetworkAddresses deployment = new NetworksFile(sandboxDir.resolve(LocalSandbox.NETWORKS_FILE))
                .read(31337).orElseThrow();
        Web3j web3j = Web3j.build(new HttpService(endpoints.rpcUrl().toString()));
        DatagoraToken token = DatagoraToken.load(deployment.token(), web3j,
                new RawTransactionManager(web3j, DevAccounts.credentials(0), 31337),
                new StaticEIP1559GasProvider(31337, BigInteger.valueOf(20_000_000_000L),
                        BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(200_000)));
        token.transfer(RECEIVER, SENT).send();
        web3j.shutdown();
        List<Long> nodePids = pids(sandboxDir);
        assertThat(nodePids).hasSize(2);

        app.destroyForcibly().waitFor();

        assertThat(nodePids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).hasValueSatisfying(
                p -> assertThat(p.isAlive()).as("orphan %d before the restart", pid).isTrue()));
        try (LocalSandbox restarted = LocalSandbox.start(sandboxDir, step -> { })) {
            for (long pid : nodePids) {
                await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            }
            assertThat(restarted.addresses()).isEqualTo(deployment);
            assertThat(restarted.tokenBalance(RECEIVER)).isEqualTo(SENT);
            assertThat(restarted.tokenBalance(DevAccounts.credentials(0).getAddress()))
                    .isEqualTo(SandboxDeployment.STARTING_TOKENS.subtract(SENT));
        }
    }

    private static void readUntilReady(Process app, List<String> output, CompletableFuture<Void> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("Local sandbox running")) {
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new AssertionError("the app ended before the sandbox ran: " + output));
        } catch (java.io.IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static List<Long> pids(Path sandboxDir) throws java.io.IOException {
        List<Long> pids = new ArrayList<>();
        for (String name : List.of(LocalSandbox.ANVIL, LocalSandbox.IPFS)) {
            pids.add(Long.parseLong(Files.readString(sandboxDir.resolve("pids").resolve(name + ".pid")).trim().split("\\s+")[0]));
        }
        return pids;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
