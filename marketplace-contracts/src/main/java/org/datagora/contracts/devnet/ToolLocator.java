package org.datagora.contracts.devnet;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the native helper programs the local network runs (anvil, jsipfs): from a system property, an
 * environment variable, the project tree around the working directory or the running jar, or the PATH.
 */
public final class ToolLocator {

    private final String name;
    private final String property;
    private final String environmentVariable;
    private final String relativePath;
    private final String installHint;

    /**
     * @param name the program, as on the PATH
     * @param property system property that names the program's path
     * @param environmentVariable environment variable that names the program's path
     * @param relativePath where the program lives inside a checkout of the project
     * @param installHint the command that installs the program, shown when it is missing
     */
    public ToolLocator(String name, String property, String environmentVariable, String relativePath,
                       String installHint) {
        this.name = name;
        this.property = property;
        this.environmentVariable = environmentVariable;
        this.relativePath = relativePath;
        this.installHint = installHint;
    }

    /** The locator of anvil, installed by the contracts module's npm packages. */
    public static ToolLocator anvil() {
        return new ToolLocator("anvil", "datagora.anvil", "DATAGORA_ANVIL",
                "marketplace-contracts/node_modules/.bin/anvil",
                "npm ci --prefix marketplace-contracts (or build once: mvn -pl marketplace-contracts -am package -DskipTests)");
    }

    /** Returns the program's path, or throws with the command that installs it. */
    public Path locate() {
        return find().orElseThrow(() -> new MissingToolException(name + " was not found. Install it with: "
                + installHint + ", or set " + environmentVariable + " to its path."));
    }

    /** Returns the program's path when it can be found. */
    public Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty(property)).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv(environmentVariable)).map(Path::of).ifPresent(candidates::add);
        for (Path start : searchRoots()) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                candidates.add(dir.resolve(relativePath));
            }
        }
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        });
        return candidates.stream().filter(Files::isExecutable).map(Path::toAbsolutePath).findFirst();
    }

    private static List<Path> searchRoots() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("").toAbsolutePath());
        try {
            var source = ToolLocator.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                roots.add(Path.of(source.getLocation().toURI()).toAbsolutePath());
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // An unusual class loader: the working directory and the PATH remain.
        }
        return roots;
    }

    /** Thrown when a program the local network needs is not installed. */
    public static final class MissingToolException extends IllegalStateException {
        public MissingToolException(String message) {
            super(message);
        }
    }
}
