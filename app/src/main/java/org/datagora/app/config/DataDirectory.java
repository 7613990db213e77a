package org.datagora.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where Datagora keeps everything it writes for one user: the sandbox chain and content store, the cache,
 * wallets, logs and settings. {@code DATAGORA_HOME} or {@code --data-dir} move it; the default follows the
 * XDG base directory convention ({@code ~/.local/share/datagora}).
 */
public record DataDirectory(Path root) {

    /** The data directory named by the environment, or the per-user default. */
    public static DataDirectory fromEnvironment(Map<String, String> env) {
        Optional<Path> explicit = Optional.ofNullable(env.get("DATAGORA_HOME")).filter(s -> !s.isBlank()).map(Path::of);
        Path base = Optional.ofNullable(env.get("XDG_DATA_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".local", "share"));
        return new DataDirectory(explicit.orElse(base.resolve("datagora")).toAbsolutePath());
    }

    /** The local sandbox: anvil's state, the IPFS repository, deployed addresses, process ids. */
    public Path sandbox() {
        return root.resolve("sandbox");
    }

    /** Log files. */
    public Path logs() {
        return root.resolve("logs");
    }

    /** The H2 cache. */
    public Path cache() {
        return root.resolve("cache");
    }

    /** Encrypted wallets. */
    public Path wallets() {
        return root.resolve("wallets");
    }

    /** Creates the directory (and returns it) if it does not exist yet. */
    public DataDirectory create() {
        try {
            Files.createDirectories(root);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + root
                    + ". Choose another with DATAGORA_HOME or --data-dir.", e);
        }
    }
}
