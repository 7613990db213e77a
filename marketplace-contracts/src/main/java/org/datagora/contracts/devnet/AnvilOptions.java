package org.datagora.contracts.devnet;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start anvil.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param stateFile where the chain is kept between runs; empty for a chain that lives only in memory
 * @param stateIntervalSeconds how often the state is written while running (bounds what a SIGKILL loses)
 * @param logFile where anvil's output goes; empty to discard it
 */
public record AnvilOptions(int port, Optional<Path> stateFile, int stateIntervalSeconds, Optional<Path> logFile) {

    /** An in-memory chain on a free port. */
    public static AnvilOptions ephemeral() {
        return new AnvilOptions(0, Optional.empty(), 1, Optional.empty());
    }

    /** A chain kept in {@code stateFile}, written every second, on a free port. */
    public static AnvilOptions persistent(Path stateFile, Path logFile) {
        return new AnvilOptions(0, Optional.of(stateFile), 1, Optional.of(logFile));
    }
}
