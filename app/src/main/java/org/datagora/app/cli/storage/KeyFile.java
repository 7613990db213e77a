package org.datagora.app.cli.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.datagora.storage.crypto.DatasetKey;

/**
 * Reads and writes a dataset key file: the text line {@value #HEADER}, then the 32-byte key as 64 lowercase
 * hex digits on the second line. Written with owner-only permissions (rw-------), never over an existing file.
 */
final class KeyFile {
    static final String HEADER = "datagora-dataset-key-v1";

    private KeyFile() {
    }

    /** Writes {@code key} to a new file at {@code path}; refuses to replace an existing file. */
    static void write(Path path, DatasetKey key) throws IOException {
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString(), null,
                    "a key file is never overwritten; choose another name or delete it first");
        }
        byte[] raw = key.bytes();
        char[] hex = HexFormat.of().formatHex(raw).toCharArray();
        Arrays.fill(raw, (byte) 0);
        byte[] text = new byte[HEADER.length() + 1 + hex.length + 1];
        try {
            int i = 0;
            for (char c : (HEADER + "\n").toCharArray()) {
                text[i++] = (byte) c;
            }
            for (char c : hex) {
                text[i++] = (byte) c;
            }
            text[i] = '\n';
            // Created with owner-only permissions from the start, so the key is never readable by others.
            boolean posix = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
            if (posix) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
            Files.write(path, text, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            Arrays.fill(hex, '\0');
            Arrays.fill(text, (byte) 0);
        }
    }

    /** Reads a key file written by {@link #write}; a clear exception names what is wrong with it. */
    static DatasetKey read(Path path) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.US_ASCII).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path.toString(), null, "the key file does not exist");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IOException(path + " is not a Datagora key file (it is not text).", e);
        }
        if (lines.size() != 2 || !lines.get(0).equals(HEADER) || !lines.get(1).matches("[0-9a-fA-F]{64}")) {
            throw new IOException(path + " is not a Datagora key file: expected the line \"" + HEADER
                    + "\" followed by 64 hex digits.");
        }
        byte[] raw = HexFormat.of().parseHex(lines.get(1));
        try {
            return DatasetKey.fromBytes(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
