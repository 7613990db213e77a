package org.datagora.storage.ipfs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datagora.contracts.devnet.FreePort;
import org.datagora.contracts.devnet.ProcessStopper;
import org.datagora.contracts.devnet.ToolLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real js-ipfs daemon run as a child process, kept off the network, with its RPC API and gateway on
 * free loopback ports, handed out only once it answers and stopped politely (then forcibly) on close.
 */
public final class IpfsNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IpfsNode.class);
    private static final int START_ATTEMPTS = 3;
    private static final int OUTPUT_TAIL_BYTES = 4096;

    private final Process process;
    private final IpfsRepo repo;
    private final URI apiUrl;
    private final URI gatewayUrl;
    private final Duration stopTimeout;
    private final HttpClient http;
    private final Thread shutdownHook;

    private IpfsNode(Process process, IpfsRepo repo, URI apiUrl, URI gatewayUrl, Duration stopTimeout,
                     HttpClient http) {
        this.process = process;
        this.repo = repo;
        this.apiUrl = apiUrl;
        this.gatewayUrl = gatewayUrl;
        this.stopTimeout = stopTimeout;
        this.http = http;
        this.shutdownHook = new Thread(this::stopProcess, "ipfs-node-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The locator of the jsipfs program that the storage module's npm packages install. */
    public static ToolLocator jsipfsLocator() {
        return new ToolLocator("jsipfs", "datagora.jsipfs", "DATAGORA_JSIPFS",
                "storage/ipfs-node/node_modules/.bin/jsipfs",
                "npm ci --prefix storage/ipfs-node (or build once: mvn -pl storage -am package -DskipTests)");
    }

    /** Starts a node on the repository {@code repoDir} (created when missing) on free ports. */
    public static IpfsNode start(Path repoDir) {
        return start(IpfsNodeOptions.inRepo(repoDir));
    }

    /** Starts a node as {@code options} say and waits until its RPC API answers. */
    public static IpfsNode start(IpfsNodeOptions options) {
        Path jsipfs = jsipfsLocator().locate();
        Path node = NodeJs.locate();
        IpfsRepo repo = new IpfsRepo(options.repoDir());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        createDirectories(repo.dir());
        IpfsNodeException lastFailure = null;
        // A free port can be taken between picking it and the daemon binding it; a retry picks others.
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            repo.reclaim();
            int apiPort = options.apiPort() == 0 ? FreePort.pick() : options.apiPort();
            int gatewayPort = options.gatewayPort() == 0 ? FreePort.pick() : options.gatewayPort();
            try {
                return launch(options, node, jsipfs, repo, http, apiPort, gatewayPort);
            } catch (IpfsNodeException e) {
                lastFailure = e;
                boolean portTaken = e.getMessage().contains("EADDRINUSE");
                if (!portTaken || (options.apiPort() != 0 && options.gatewayPort() != 0)) {
                    throw e;
                }
                LOG.info("IPFS ports {} / {} were taken meanwhile; trying others", apiPort, gatewayPort);
            }
        }
        throw lastFailure;
    }

    private static IpfsNode launch(IpfsNodeOptions options, Path node, Path jsipfs, IpfsRepo repo,
                                   HttpClient http, int apiPort, int gatewayPort) {
        List<String> command = new ArrayList<>(launcher(node, jsipfs));
        command.addAll(List.of("daemon", "--offline", "--enable-preload=false"));
        Path initConfig = null;
        if (repo.isInitialised()) {
            repo.updateConfig(apiPort, gatewayPort);
        } else {
            initConfig = repo.writeInitConfig(apiPort, gatewayPort);
            command.addAll(List.of("--init-profile", "test", "--init-config", initConfig.toString()));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repo.dir().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(repo.logFile().toFile()));
        builder.environment().put("IPFS_PATH", repo.dir().toString());
        // jsipfs would otherwise spawn a detached process that asks the npm registry for updates.
        builder.environment().put("NO_UPDATE_NOTIFIER", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IpfsNodeException("Could not start the IPFS node (" + String.join(" ", command) + "): "
                    + e.getMessage(), e);
        }
        repo.writePidRecord(process.toHandle());
        IpfsNode ipfs = new IpfsNode(process, repo, URI.create("http://127.0.0.1:" + apiPort),
                URI.create("http://127.0.0.1:" + gatewayPort), options.stopTimeout(), http);
        try {
            ipfs.awaitReady(options.startTimeout());
        } catch (RuntimeException e) {
            ipfs.close();
            throw e;
        } finally {
            deleteQuietly(initConfig);
        }
        LOG.info("IPFS node {} answers at {} (repository {})", process.pid(), ipfs.apiUrl, repo.dir());
        return ipfs;
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest version = HttpRequest.newBuilder(apiUrl.resolve("/api/v0/version"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IpfsNodeException("The IPFS node exited at start with code " + process.exitValue()
                        + ". Its last output:\n" + outputTail());
            }
            try {
                if (http.send(version, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet: try again shortly.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpfsNodeException("Interrupted while waiting for the IPFS node to start", e);
            }
            pause(Duration.ofMillis(50));
        }
        throw new IpfsNodeException("The IPFS node did not answer at " + apiUrl + " within "
                + timeout.toSeconds() + " s. Its last output:\n" + outputTail());
    }

    /** The Kubo-style RPC API, e.g. http://127.0.0.1:41234 (requests go to /api/v0/...). */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The read-only HTTP gateway (GET /ipfs/&lt;cid&gt;). */
    public URI gatewayUrl() {
        return gatewayUrl;
    }

    /** The repository directory the node runs on. */
    public Path repoDir() {
        return repo.dir();
    }

    /** The operating-system process id of the daemon. */
    public long pid() {
        return process.pid();
    }

    /** The daemon's process, e.g. to watch for its exit. */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** Whether the daemon is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** A client for this node with default timeouts. */
    public IpfsClient client() {
        return new IpfsClient(apiUrl);
    }

    /** The last few kilobytes the daemon printed, for error messages. */
    public String outputTail() {
        Path log = repo.logFile();
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - OUTPUT_TAIL_BYTES);
            byte[] tail = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** Asks the daemon to shut down, then sends SIGTERM and finally SIGKILL if it does not go in time. */
    @Override
    public void close() {
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing left to remove.
        }
    }

    private void stopProcess() {
        if (process.isAlive()) {
            try {
                HttpRequest shutdown = HttpRequest.newBuilder(apiUrl.resolve("/api/v0/shutdown"))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.noBody()).build();
                http.send(shutdown, HttpResponse.BodyHandlers.discarding());
                process.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (IOException notAnswering) {
                // SIGTERM below stops it.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ProcessStopper.stop(process.toHandle(), Duration.ofSeconds(5));
        }
        repo.deletePidRecord(process.toHandle());
        LOG.info("IPFS node {} stopped", process.pid());
    }

    /**
     * npm's jsipfs is a link to a JavaScript file: run it with the node we found rather than trusting
     * {@code #!/usr/bin/env node} to find the same one. Anything else (a wrapper script) runs as it is.
     */
    private static List<String> launcher(Path node, Path jsipfs) {
        Path script = realPath(jsipfs);
        try (var reader = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            String firstLine = reader.readLine();
            if (script.toString().endsWith(".js") || (firstLine != null && firstLine.startsWith("#!")
                    && firstLine.contains("node"))) {
                return List.of(node.toString(), script.toString());
            }
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            // Not a text file: a native launcher.
        }
        return List.of(script.toString());
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IpfsNodeException("Cannot resolve " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IpfsNodeException("Cannot create the IPFS repository directory " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not delete {}", file, e);
            }
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpfsNodeException("Interrupted while waiting for the IPFS node to start", e);
        }
    }
}
