package org.datagora.storage.ipfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.datagora.contracts.devnet.ProcessStopper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The js-ipfs repository on disk as the node launcher sees it: the configuration that keeps the node off
 * the network on the ports of this run, the record of which process runs it, and the lock a killed
 * daemon leaves behind.
 */
final class IpfsRepo {

    private static final Logger LOG = LoggerFactory.getLogger(IpfsRepo.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PID_FILE = "datagora-daemon.pid";
    private static final String LOG_FILE = "datagora-daemon.log";
    private static final Duration LOCK_STALE_AFTER = Duration.ofSeconds(21);

    private final Path dir;

    IpfsRepo(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    /** Whether js-ipfs has initialised this repository already. */
    boolean isInitialised() {
        return Files.isRegularFile(dir.resolve("config"));
    }

    Path logFile() {
        return dir.resolve(LOG_FILE);
    }

    /**
     * Writes the configuration js-ipfs takes at init ({@code --init-config}) to a file next to nothing
     * else, so a fresh repository starts off the network on our ports.
     */
    Path writeInitConfig(int apiPort, int gatewayPort) {
        ObjectNode config = JSON.createObjectNode();
        applyOfflineSettings(config, apiPort, gatewayPort);
        try {
            Path file = Files.createTempFile("datagora-ipfs-init", ".json");
            Files.writeString(file, JSON.writeValueAsString(config));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the IPFS init configuration", e);
        }
    }

    /**
     * Rewrites the configuration of an existing repository for this run: js-ipfs reads ports from the
     * config file only (--init-config is ignored once the repository exists), and the free ports of the
     * last run may be taken now.
     */
    void updateConfig(int apiPort, int gatewayPort) {
        Path file = dir.resolve("config");
        try {
            ObjectNode config = (ObjectNode) JSON.readTree(file.toFile());
            applyOfflineSettings(config, apiPort, gatewayPort);
            Path temporary = dir.resolve("config.datagora-tmp");
            Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(config));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | ClassCastException e) {
            throw new IpfsNodeException("The IPFS repository configuration " + file
                    + " cannot be read or written: " + e.getMessage(), e);
        }
    }

    private static void applyOfflineSettings(ObjectNode config, int apiPort, int gatewayPort) {
        config.putArray("Bootstrap");
        ObjectNode addresses = object(config, "Addresses");
        addresses.put("API", "/ip4/127.0.0.1/tcp/" + apiPort);
        addresses.put("Gateway", "/ip4/127.0.0.1/tcp/" + gatewayPort);
        // An empty RPC address turns js-ipfs's gRPC server off; it would otherwise take the fixed port 5003.
        addresses.put("RPC", "");
        addresses.putArray("Swarm").add("/ip4/127.0.0.1/tcp/0");
        addresses.putArray("Delegates");
        ObjectNode discovery = object(config, "Discovery");
        object(discovery, "MDNS").put("Enabled", false);
        object(discovery, "webRTCStar").put("Enabled", false);
        object(config, "Swarm").put("DisableNatPortMap", true);
        object(config, "Routing").put("Type", "none");
    }

    private static ObjectNode object(ObjectNode parent, String name) {
        return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
    }

    /**
     * Clears what a daemon killed without warning leaves: its process, if still running (an orphan of an
     * earlier run of ours), and js-ipfs's repo.lock, which would block a start for 20 s after a SIGKILL.
     * A daemon we did not start that still answers on the repository's API keeps its lock; we refuse.
     */
    void reclaim() {
        readPidRecord().ifPresent(record -> ProcessHandle.of(record.pid())
                .filter(handle -> handle.info().startInstant().map(record.started()::equals).orElse(false))
                .ifPresent(orphan -> {
                    LOG.warn("Stopping IPFS daemon {} left running by an earlier run on {}", orphan.pid(), dir);
                    ProcessStopper.stop(orphan, Duration.ofSeconds(10));
                }));
        Path lock = dir.resolve("repo.lock");
        if (!Files.exists(lock)) {
            return;
        }
        awaitLockVerdict(lock);
        LOG.info("Removing the stale lock {} of a daemon that is no longer running", lock);
        deleteRecursively(lock);
        deleteRecursively(dir.resolve("api"));
    }

    /**
     * Returns when the lock is known to be stale, throws when a live daemon holds it. The api file names
     * the holder's port, but a daemon writes it only after its API is up; until then the lock's age
     * decides: js-ipfs refreshes it every 10 s and deems it stale after 20 s.
     */
    private void awaitLockVerdict(Path lock) {
        while (true) {
            Optional<URI> api = recordedApi();
            if (api.isPresent()) {
                if (listening(api.get())) {
                    throw new IpfsNodeException("Another IPFS daemon is already using the repository " + dir
                            + " and listens at " + api.get() + ". Stop it first.");
                }
                return;
            }
            if (lockAge(lock).compareTo(LOCK_STALE_AFTER) > 0) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpfsNodeException("Interrupted while checking the lock of " + dir, e);
            }
        }
    }

    private static Duration lockAge(Path lock) {
        try {
            return Duration.between(Files.getLastModifiedTime(lock).toInstant(), Instant.now());
        } catch (IOException gone) {
            return LOCK_STALE_AFTER.plusSeconds(1);
        }
    }

    void writePidRecord(ProcessHandle process) {
        String started = process.info().startInstant().map(Instant::toString).orElse("");
        try {
            Files.writeString(dir.resolve(PID_FILE), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record the IPFS daemon's process id in " + dir, e);
        }
    }

    /** Forgets {@code process}; a record that names a newer daemon on this repository stays. */
    void deletePidRecord(ProcessHandle process) {
        if (readPidRecord().map(record -> record.pid() == process.pid()).orElse(true)) {
            deleteRecursively(dir.resolve(PID_FILE));
        }
    }

    private Optional<PidRecord> readPidRecord() {
        Path file = dir.resolve(PID_FILE);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file).trim().split(" ");
            if (parts.length != 2) {
                return Optional.empty();
            }
            return Optional.of(new PidRecord(Long.parseLong(parts[0]), Instant.parse(parts[1])));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("Ignoring the unreadable process record {}: {}", file, unreadable.getMessage());
            return Optional.empty();
        }
    }

    private Optional<URI> recordedApi() {
        Path file = dir.resolve("api");
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            // js-ipfs writes a multiaddr such as /ip4/127.0.0.1/tcp/5002/http
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split("/");
            if (parts.length < 5) {
                return Optional.empty();
            }
            return Optional.of(URI.create("http://" + parts[2] + ":" + Integer.parseInt(parts[4])));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Whether something listens on the daemon's recorded API port. A refused connection is proof the
     * daemon is gone; an accepted one is taken as alive even when it is too busy to answer quickly, since
     * deleting the lock of a live daemon would corrupt its repository.
     */
    private static boolean listening(URI api) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        } catch (IOException e) {
            throw new IpfsNodeException("Cannot remove " + path + ": " + e.getMessage(), e);
        }
    }

    private record PidRecord(long pid, Instant started) {
    }
}
