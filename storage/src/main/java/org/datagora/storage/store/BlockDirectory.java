package org.datagora.storage.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.datagora.storage.cid.Cid;

/**
 * Blocks kept as files named by their CID in one directory. A block is written to a temporary file and
 * moved into place, so a crash never leaves a half-written block under a real name; every read is
 * checked against the CID, so a damaged file is reported instead of served.
 */
final class BlockDirectory implements BlockSource {

    private static final String TEMPORARY_PREFIX = ".incoming-";

    private final Path dir;

    BlockDirectory(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
        try (Stream<Path> leftovers = Files.list(dir)) {
            // Temporary files of a run that crashed are never part of the store.
            for (Path leftover : leftovers.filter(p -> p.getFileName().toString().startsWith(TEMPORARY_PREFIX)).toList()) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    boolean has(Cid cid) {
        return Files.isRegularFile(file(cid));
    }

    /** Stores a block unless it is there already (same CID, same bytes). */
    void put(Cid cid, byte[] bytes, int offset, int length) {
        Path target = file(cid);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = dir.resolve(TEMPORARY_PREFIX + UUID.randomUUID());
        try {
            try (var out = Files.newOutputStream(temporary)) {
                out.write(bytes, offset, length);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException written) {
            deleteQuietly(temporary);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot store block " + cid + " in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The block's bytes, checked against its CID. */
    @Override
    public byte[] block(Cid cid) throws IOException {
        Path file = file(cid);
        if (!Files.isRegularFile(file)) {
            throw new ContentNotFoundException(cid.toString(), "The local store does not have block " + cid
                    + ". Import the dataset's CAR file or fetch it again.", null);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (!matches(cid, bytes)) {
            throw new IOException("Block " + cid + " in the local store (" + file + ") is damaged: its bytes do"
                    + " not match its CID. Import the dataset again.");
        }
        return bytes;
    }

    void delete(Cid cid) throws IOException {
        Files.deleteIfExists(file(cid));
    }

    /** Every stored block. */
    List<Cid> list() throws IOException {
        List<Cid> cids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(TEMPORARY_PREFIX)) {
                    cids.add(Cid.parse(name));
                }
            }
        }
        return cids;
    }

    private Path file(Cid cid) {
        return dir.resolve(cid.toString());
    }

    /** Whether {@code bytes} hash to {@code cid} (sha2-256, the only hash the CID class accepts). */
    static boolean matches(Cid cid, byte[] bytes) {
        try {
            return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(bytes), cid.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A stray temporary file is removed at the next start.
        }
    }
}
