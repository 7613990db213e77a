package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.datagora.storage.crypto.KeyCommitment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seller controls the manifest, and a hostile one can write any index into a perfectly authentic
 * container. These containers are built by hand, following docs/dataset-format.md, to prove the reader
 * holds the line on its own.
 */
class DatasetManifestSafetyTest {

    private final DatasetKey key = DatasetKey.generate(new SecureRandom());
    private final DatasetDecryptor decryptor = new DatasetDecryptor();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "path [{0}]")
    @ValueSource(strings = {"../evil.sh", "a/../../evil.sh", "/etc/evil", "a//b", "./a", "a/.", "a\\..\\evil",
        "C:evil", "line\nbreak", ""})
    void pathsThatCouldEscapeTheTargetAreRejectedBeforeWriting(String path) throws IOException {
        byte[] container = handMade(List.of(path), List.of("payload".getBytes(StandardCharsets.UTF_8)));
        Path target = tmp.resolve("downloads/target");

        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), key, target))
                .isInstanceOf(UnsafeDatasetPathException.class)
                .hasMessageStartingWith("The dataset contains an unsafe file path");
        assertThat(DatasetRoundTripTest.listAll(tmp)).isEmpty();
    }

    @Test
    void pathsThatCollideAreRejected() throws IOException {
        for (List<String> paths : List.of(List.of("a.txt", "A.TXT"), List.of("a", "a/b"), List.of("x/y", "x/y"))) {
            byte[] container = handMade(paths, List.of(new byte[1], new byte[1]));
            assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), key, tmp.resolve("t")))
                    .isInstanceOf(UnsafeDatasetPathException.class);
        }
        assertThat(DatasetRoundTripTest.listAll(tmp)).isEmpty();
    }

    @Test
    void aSymbolicLinkInTheTargetCannotRedirectWrites() throws IOException {
        Path target = tmp.resolve("target");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(target);
        Files.createSymbolicLink(target.resolve("set"), elsewhere);
        byte[] container = handMade(List.of("set/file"), List.of(new byte[3]));

        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), key, target))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(DatasetRoundTripTest.listAll(elsewhere)).isEmpty();
    }

    @Test
    void aFileThatDoesNotMatchItsListedDigestIsRejected() throws IOException {
        byte[] container = handMade(List.of("ok", "bad"), List.of(new byte[5], new byte[7]), 1);
        Path target = tmp.resolve("t");
        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), key, target))
                .isInstanceOf(DatasetTamperedException.class)
                .hasMessageContaining("bad does not match its SHA-256 digest");
        DatasetTamperTest.assertNothingLeft(target);
    }

    @Test
    void sourcesThatChangeWhileEncryptingAreReported() {
        DatasetSource shrunk = sourceOf("grows.csv", 10, new byte[5]);
        DatasetSource grown = sourceOf("grows.csv", 10, new byte[11]);
        for (DatasetSource source : List.of(shrunk, grown)) {
            assertThatThrownBy(() -> new DatasetEncryptor().encrypt(source, key, OutputStream.nullOutputStream()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("grows.csv changed while it was being encrypted");
        }
    }

    @Test
    void symbolicLinksInASourceFolderAreRefusedNotSkipped() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Files.writeString(folder.resolve("real.txt"), "x");
        Files.createSymbolicLink(folder.resolve("link.txt"), folder.resolve("real.txt"));
        assertThatThrownBy(() -> DatasetSource.of(folder))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void anEmptyFolderIsNotADataset() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
        assertThatThrownBy(() -> DatasetSource.of(empty.getParent()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("holds no files");
    }

    @Test
    void unsafeNamesAreRefusedWhenADatasetIsMadeToo() {
        assertThatThrownBy(() -> DatasetSource.ofStream("../up", 1, () -> new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(UnsafeDatasetPathException.class);
    }

    private static DatasetSource sourceOf(String path, long size, byte[] actual) {
        try {
            return DatasetSource.ofStream(path, size, () -> new ByteArrayInputStream(actual));
        } catch (UnsafeDatasetPathException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] handMade(List<String> paths, List<byte[]> contents) throws IOException {
        return handMade(paths, contents, -1);
    }

    /** A container written byte by byte from the format description, optionally with one wrong digest. */
    private byte[] handMade(List<String> paths, List<byte[]> contents, int wrongDigest) throws IOException {
        StringBuilder json = new StringBuilder("{\"format\":\"datagora-dataset\",\"version\":1,\"files\":[");
        for (int i = 0; i < paths.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"path\":\"").append(escape(paths.get(i)))
                    .append("\",\"size\":").append(contents.get(i).length).append('}');
        }
        byte[] index = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        byte[] header = DatasetFormat.header(KeyCommitment.of(key));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        try (OutputStream plaintext = new DatasetStreamCipher(key).encrypting(out, header)) {
            plaintext.write(ByteBuffer.allocate(4).putInt(index.length).array());
            plaintext.write(index);
            for (byte[] content : contents) {
                plaintext.write(content);
            }
            for (int i = 0; i < contents.size(); i++) {
                byte[] digest = sha256(contents.get(i));
                if (i == wrongDigest) {
                    digest[0] ^= 1;
                }
                plaintext.write(digest);
            }
        }
        return out.toByteArray();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"");
    }

    private static byte[] sha256(byte[] bytes) {
        MessageDigest sha256 = DatasetEncryptor.sha256();
        return sha256.digest(bytes);
    }
}
