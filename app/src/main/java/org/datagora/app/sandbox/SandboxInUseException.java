package org.datagora.app.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/** Thrown when a second app tries to start a sandbox that a running app already uses. */
public final class SandboxInUseException extends IllegalStateException {

    private final transient Optional<SandboxEndpoints> endpoints;

    SandboxInUseException(Path directory, Optional<SandboxEndpoints> endpoints) {
        super("Another Datagora window is already running the local sandbox in " + directory
                + ". Close it first, or give this one its own data directory with --data-dir.");
        this.endpoints = endpoints;
    }

    /** Where the running sandbox listens, if it said so. */
    public Optional<SandboxEndpoints> endpoints() {
        return endpoints;
    }
}
