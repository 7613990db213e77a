package org.datagora.contracts.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A real anvil EVM node run as a child process: started on a port of its own, answered before it is
 * handed out, and stopped with SIGTERM so that a persistent chain writes its state.
 */
public final class AnvilNode implements AutoCloseable {

    /** The chain id anvil uses unless told otherwise. */
    public static final long CHAIN_ID = 31337;

    private static final Logger LOG = LoggerFactory.getLogger(AnvilNode.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    /** How many recent block states anvil keeps; none are written to disk. */
    private static final int IN_MEMORY_STATES = 64;

    private final URI rpcUrl;
    private final HttpService http;
    private final Web3j web3j;
    private final Thread shutdownHook;
    private boolean closed;

    private AnvilNode(Process process, URI rpcUrl, Thread shutdownHook) {
        this.process = process;
        this.rpcUrl = rpcUrl;
        this.shutdownHook = shutdownHook;
        this.http = new HttpService(rpcUrl.toString());
        this.web3j = Web3j.build(http);
    }

    /** Starts an in-memory chain on a free port. */
    public static AnvilNode startEphemeral() {
        return start(AnvilOptions.ephemeral());
    }

    /** Starts anvil as {@code options} say and waits until it answers JSON-RPC. */
    public static AnvilNode start(AnvilOptions options) {
        Path binary = ToolLocator.anvil().locate();
        int port = options.port() == 0 ? FreePort.pick() : options.port();
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--chain-id", Long.toString(CHAIN_ID), "--silent",
                // Without this anvil writes every older block's state under ~/.foundry/anvil/tmp, tens of
                // gigabytes after a long session, and leaves it behind when stopped hard. Nothing in Datagora
                // reads state at past blocks (logs and receipts are kept either way), so recent states in
                // memory are enough.
                "--prune-history", Integer.toString(IN_MEMORY_STATES)));
        options.stateFile().ifPresent(state -> {
            createParent(state);
            command.addAll(List.of("--state", state.toString(),
                    "--state-interval", Integer.toString(options.stateIntervalSeconds())));
        });
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        options.logFile().ifPresentOrElse(log -> {
            createParent(log);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }, () -> builder.redirectOutput(ProcessBuilder.Redirect.DISCARD));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start anvil at " + binary, e);
        }
        AnvilNode node = new AnvilNode(process, URI.create("http://127.0.0.1:" + port), stopOnShutdown(process));
        try {
            node.awaitReady();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        LOG.info("anvil {} listening on {}{}", process.pid(), node.rpcUrl,
                options.stateFile().map(s -> " with state " + s).orElse(""));
        return node;
    }

    /**
     * Registers the hook that stops anvil when the JVM ends, right after the process starts and before
     * anything slow (Web3j's first use loads many classes): a SIGTERM that arrives in between would
     * otherwise leave anvil running with no one to stop it.
     */
    private static Thread stopOnShutdown(Process process) {
        Thread hook = new Thread(() -> ProcessStopper.stop(process.toHandle(), STOP_TIMEOUT), "anvil-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            return hook;
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping, so no hook added now would run: stop anvil here.
            ProcessStopper.stop(process.toHandle(), STOP_TIMEOUT);
            throw new IllegalStateException("The app is shutting down, so anvil was stopped again", shuttingDown);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("anvil exited at start with code " + process.exitValue()
                        + " (is port " + rpcUrl.getPort() + " taken, or the state file damaged?)");
            }
            try {
                web3j.ethChainId().send();
                return;
            } catch (IOException notYet) {
                pause(Duration.ofMillis(20));
            }
        }
        throw new IllegalStateException("anvil did not answer on " + rpcUrl + " within " + START_TIMEOUT);
    }

    /** The JSON-RPC endpoint. */
    public URI rpcUrl() {
        return rpcUrl;
    }

    /** A client for this node. */
    public Web3j web3j() {
        return web3j;
    }

    /** The chain id the node reports. */
    public long chainId() {
        return CHAIN_ID;
    }

    /** The operating-system process id of anvil. */
    public long pid() {
        return process.pid();
    }

    /** The anvil process, for bookkeeping by whoever started it. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Whether the process is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Anvil's funded development account {@code index} (0 to 9). */
    public Credentials devAccount(int index) {
        return DevAccounts.credentials(index);
    }

    /** Signs transactions locally with {@code credentials} and waits briefly for each receipt. */
    public TransactionManager transactionManager(Credentials credentials) {
        return new RawTransactionManager(web3j, credentials, CHAIN_ID,
                new PollingTransactionReceiptProcessor(web3j, 25, 2_000));
    }

    /** EIP-1559 fees generous enough for a development chain. */
    public ContractGasProvider gasProvider() {
        return new StaticEIP1559GasProvider(CHAIN_ID, BigInteger.valueOf(20_000_000_000L),
                BigInteger.valueOf(1_000_000_000L), BigInteger.valueOf(12_000_000L));
    }

    /** Mines one block. */
    public void mine() {
        call("evm_mine", List.of());
    }

    /** Takes a snapshot of the chain and returns its id, for {@link #revert(String)}. */
    public String snapshot() {
        return String.valueOf(call("evm_snapshot", List.of()).getResult());
    }

    /** Rewinds the chain to a snapshot, as a reorg would. */
    public void revert(String snapshotId) {
        call("evm_revert", List.of(snapshotId));
    }

    /** Turns mining of every transaction at once on or off (off lets tests batch many into one block). */
    public void setAutomine(boolean enabled) {
        call("evm_setAutomine", List.of(enabled));
    }

    private Response<Object> call(String method, List<?> params) {
        try {
            Response<Object> response = new Request<>(method, params, http, RawResponse.class).send();
            if (response.hasError()) {
                throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed on " + rpcUrl, e);
        }
    }

    /** Stops anvil with SIGTERM, letting a persistent chain write its state, and waits for it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        web3j.shutdown();
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing left to remove.
        }
    }

    private void stopProcess() {
        ProcessStopper.stop(process.toHandle(), STOP_TIMEOUT);
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file.getParent(), e);
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for anvil", e);
        }
    }

    /** A JSON-RPC answer whose result is kept as parsed JSON. */
    public static final class RawResponse extends Response<Object> {
    }
}
