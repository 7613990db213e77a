package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.datagora.storage.crypto.KeyCommitment;

/**
 * Decrypts a container into a target folder in constant memory, all or nothing: files are written to
 * "*.part" files in a hidden staging folder inside the target, and moved to their real names only after
 * the whole stream authenticated and every SHA-256 matched. On any failure the staging folder is removed,
 * so no file that looks complete is ever left from a damaged, truncated, reordered or foreign ciphertext.
 */
public final class DatasetDecryptor {

    /** Prefix of the staging folder; a crash mid-way leaves only such a folder of "*.part" files. */
    public static final String STAGING_PREFIX = ".datagora-incomplete-";

    /**
     * Decrypts {@code ciphertext} (read to its end, not closed) into {@code targetFolder} (created if
     * missing) and returns the verified manifest.
     *
     * @param progress called with the number of file bytes decrypted so far
     * @throws WrongKeyException          the key is not the dataset's key
     * @throws DatasetTamperedException   the ciphertext was altered, cut short or reordered
     * @throws UnsafeDatasetPathException a path in the dataset would escape the target folder
     * @throws FileAlreadyExistsException a file of the dataset already exists in the target folder
     * @throws IOException                reading the source or writing the target failed
     */
    public DatasetManifest decrypt(InputStream ciphertext, DatasetKey key, Path targetFolder, LongConsumer progress)
            throws IOException {
        byte[] expectedHeader = DatasetFormat.header(KeyCommitment.of(key));
        byte[] header = readHeader(ciphertext);
        boolean keyMatchesHeader = MessageDigest.isEqual(header, expectedHeader);
        // The associated data is the header this key expects, so a wrong key and an altered header
        // both fail authentication, and PlaintextReader can tell which one it was.
        InputStream decrypted = new DatasetStreamCipher(key).decrypting(PlaintextReader.guard(ciphertext), expectedHeader);
        PlaintextReader plaintext = new PlaintextReader(decrypted, keyMatchesHeader);

        byte[] lengthBytes = new byte[4];
        plaintext.readFully(lengthBytes, 0, 4);
        int indexLength = ByteBuffer.wrap(lengthBytes).getInt();
        if (indexLength <= 0 || indexLength > DatasetFormat.MAX_INDEX_LENGTH) {
            throw new DatasetTamperedException("its file index has an impossible length", null);
        }
        byte[] index = new byte[indexLength];
        plaintext.readFully(index, 0, indexLength);
        List<DatasetIndex.Item> items = DatasetIndex.decode(index);
        DatasetStreamCipher.warmUpFor(items.stream().mapToLong(DatasetIndex.Item::size).sum());

        Path target = targetFolder.toAbsolutePath().normalize();
        List<Path> destinations = new ArrayList<>(items.size());
        for (DatasetIndex.Item item : items) {
            destinations.add(checkDestination(target, item.path()));
        }
        Deque<Path> createdFolders = new ArrayDeque<>();
        createFolders(target, createdFolders);
        Path staging = Files.createTempDirectory(target, STAGING_PREFIX);
        List<Path> moved = new ArrayList<>();
        boolean success = false;
        try {
            List<byte[]> digests = writeStaged(plaintext, items, staging, progress);
            byte[] trailer = new byte[DatasetFormat.DIGEST_LENGTH * items.size()];
            plaintext.readFully(trailer, 0, trailer.length);
            plaintext.expectEnd();
            List<DatasetManifest.File> files = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                byte[] listed = Arrays.copyOfRange(trailer, i * 32, i * 32 + 32);
                if (!MessageDigest.isEqual(listed, digests.get(i))) {
                    throw new DatasetTamperedException(items.get(i).path() + " does not match its SHA-256 digest", null);
                }
                files.add(new DatasetManifest.File(items.get(i).path(), items.get(i).size(), listed));
            }
            for (int i = 0; i < items.size(); i++) {
                createFolders(destinations.get(i).getParent(), createdFolders);
                // No REPLACE_EXISTING: a file that appeared meanwhile is never overwritten.
                Files.move(staging.resolve(i + ".part"), destinations.get(i));
                moved.add(destinations.get(i));
            }
            success = true;
            return new DatasetManifest(files);
        } finally {
            deleteQuietly(staging);
            if (!success) {
                for (Path file : moved) {
                    deleteQuietly(file);
                }
                while (!createdFolders.isEmpty()) {
                    deleteIfEmpty(createdFolders.pop());
                }
            }
        }
    }

    /** Same, without progress reports. */
    public DatasetManifest decrypt(InputStream ciphertext, DatasetKey key, Path targetFolder) throws IOException {
        return decrypt(ciphertext, key, targetFolder, done -> { });
    }

    private static byte[] readHeader(InputStream ciphertext) throws IOException {
        byte[] header = ciphertext.readNBytes(DatasetFormat.HEADER_LENGTH);
        if (header.length < DatasetFormat.MAGIC.length
                || !Arrays.equals(header, 0, DatasetFormat.MAGIC.length, DatasetFormat.MAGIC, 0, DatasetFormat.MAGIC.length)) {
            throw new DatasetTamperedException("it does not start like a Datagora dataset container", null);
        }
        if (header.length < DatasetFormat.HEADER_LENGTH) {
            throw new DatasetTamperedException("it ends too early: it was cut short", null);
        }
        int version = header[DatasetFormat.MAGIC.length] & 0xff;
        if (version != DatasetFormat.VERSION) {
            if (version > DatasetFormat.VERSION) {
                throw new UnsupportedDatasetVersionException(version);
            }
            throw new DatasetTamperedException("its format version byte is invalid", null);
        }
        return header;
    }

    /** Resolves a dataset path under the target, refusing existing files and links on the way. */
    private static Path checkDestination(Path target, String path) throws IOException {
        Path destination = DatasetPaths.resolve(target, path);
        if (Files.exists(destination, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(destination.toString(), null,
                    "the dataset holds a file of this name and nothing is overwritten; choose an empty folder");
        }
        for (Path folder = destination.getParent(); folder != null && folder.startsWith(target) && !folder.equals(target);
                folder = folder.getParent()) {
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(folder.toString(), null,
                        "the dataset needs a folder of this name, but a file or link is there; choose an empty folder");
            }
        }
        return destination;
    }

    private static List<byte[]> writeStaged(PlaintextReader plaintext, List<DatasetIndex.Item> items, Path staging,
            LongConsumer progress) throws IOException {
        List<byte[]> digests = new ArrayList<>(items.size());
        byte[] buffer = new byte[DatasetEncryptor.BUFFER_SIZE];
        long done = 0;
        for (int i = 0; i < items.size(); i++) {
            MessageDigest sha256 = DatasetEncryptor.sha256();
            long remaining = items.get(i).size();
            try (OutputStream out = Files.newOutputStream(staging.resolve(i + ".part"), StandardOpenOption.CREATE_NEW)) {
                while (remaining > 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new InterruptedIOException("Decryption was cancelled");
                    }
                    int n = (int) Math.min(buffer.length, remaining);
                    plaintext.readFully(buffer, 0, n);
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    remaining -= n;
                    done += n;
                    progress.accept(done);
                }
            }
            digests.add(sha256.digest());
        }
        return digests;
    }

    /** Creates the missing folders down to {@code folder}, remembering them so a failure can remove them. */
    private static void createFolders(Path folder, Deque<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path f = folder; f != null && !Files.exists(f, LinkOption.NOFOLLOW_LINKS); f = f.getParent()) {
            missing.add(0, f);
        }
        for (Path f : missing) {
            Files.createDirectory(f);
            created.push(f);
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (IOException e) {
            // Best effort: an empty folder left behind looks like nothing, not like a complete file.
        }
    }

    /** Cleanup must not hide the failure that caused it, so it never throws. */
    private static void deleteQuietly(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Best effort: only hidden staging folders with "*.part" files can remain.
        }
    }
}
