package org.datagora.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The JSON "networks file" that maps chain ids to contract addresses:
 * {@code {"networks": {"31337": {"chainId": 31337, "token": "0x..", ...}}}}.
 * Writing merges by chain id and replaces the file atomically, so a crash never leaves it half written.
 */
public final class NetworksFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path path;

    /** A networks file at {@code path}; it need not exist yet. */
    public NetworksFile(Path path) {
        this.path = path;
    }

    /** The file's location. */
    public Path path() {
        return path;
    }

    /** Every network in the file, by chain id; empty when the file does not exist. */
    public Map<Long, NetworkAddresses> readAll() {
        if (!Files.exists(path)) {
            return new TreeMap<>();
        }
        try {
            Document document = JSON.readValue(path.toFile(), Document.class);
            return document.networks() == null ? new TreeMap<>() : new TreeMap<>(document.networks());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The networks file " + path + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the networks file " + path, e);
        }
    }

    /** The addresses on {@code chainId}, if the file has them. */
    public Optional<NetworkAddresses> read(long chainId) {
        return Optional.ofNullable(readAll().get(chainId));
    }

    /** Adds or replaces the entry for {@code addresses.chainId()}, keeping the other networks. */
    public void write(NetworkAddresses addresses) {
        Map<Long, NetworkAddresses> all = readAll();
        all.put(addresses.chainId(), addresses);
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, path.getFileName().toString(), ".tmp");
            JSON.writeValue(temp.toFile(), new Document(all));
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the networks file " + path, e);
        }
    }

    /** Serializes one entry as it appears in the file, for printing. */
    public static String toJson(NetworkAddresses addresses) {
        try {
            return JSON.writeValueAsString(addresses);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + addresses, e);
        }
    }

    /** The file's top-level shape. */
    record Document(Map<Long, NetworkAddresses> networks) {
    }
}
