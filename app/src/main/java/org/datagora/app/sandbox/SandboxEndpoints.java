package org.datagora.app.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Where a running sandbox listens, written next to it so that the command line and a second window
 * can reach the nodes the first one started.
 *
 * @param rpcUrl the chain's JSON-RPC endpoint
 * @param ipfsApiUrl the IPFS node's RPC API
 */
public record SandboxEndpoints(URI rpcUrl, URI ipfsApiUrl) {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FILE = "endpoints.json";

    void write(Path sandboxDirectory) {
        Path file = sandboxDirectory.resolve(FILE);
        Path temporary = sandboxDirectory.resolve(FILE + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static Optional<SandboxEndpoints> read(Path sandboxDirectory) {
        Path file = sandboxDirectory.resolve(FILE);
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), SandboxEndpoints.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void delete(Path sandboxDirectory) {
        try {
            Files.deleteIfExists(sandboxDirectory.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + sandboxDirectory.resolve(FILE), e);
        }
    }
}
