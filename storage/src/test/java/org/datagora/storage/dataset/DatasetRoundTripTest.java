package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatasetRoundTripTest {

    private static final int MIB = 1 << 20;

    private final DatasetKey key = DatasetKey.generate(new SecureRandom());
    private final DatasetEncryptor encryptor = new DatasetEncryptor();
    private final DatasetDecryptor decryptor = new DatasetDecryptor();

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, MIB - 1, MIB, MIB + 1, DatasetStreamCipher.SEGMENT_SIZE * 2 + 12345})
    void smallAndSegmentEdgeSizesComeBackIdentical(int size) throws IOException {
        long seed = size;
        DatasetSource source = DatasetSource.ofStream("data.bin", size, () -> new GeneratedData(size, seed));
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();

        DatasetManifest written = encryptor.encrypt(source, key, ciphertext);
        DatasetManifest read = decryptor.decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), key, tmp);

        byte[] expected = GeneratedData.sha256(size, seed);
        assertThat(read).isEqualTo(written);
        assertThat(read.files()).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("data.bin");
            assertThat(file.size()).isEqualTo(size);
            assertThat(file.sha256()).isEqualTo(expected);
        });
        assertThat(sha256(tmp.resolve("data.bin"))).isEqualTo(expected);
        assertThat(listAll(tmp)).containsExactly(tmp.resolve("data.bin"));
        assertThat(ciphertext.size()).isEqualTo(DatasetFormat.containerSize(indexLength(source), size, 1));
    }

    @Test
    void twoHundredFiftySixMebibytesStreamThroughWithoutBeingHeldInMemory() throws IOException {
        long size = 256L * MIB;
        Path container = tmp.resolve("dataset.dgds");
        AtomicLong reported = new AtomicLong();
        try (OutputStream out = Files.newOutputStream(container)) {
            encryptor.encrypt(DatasetSource.ofStream("big.bin", size, () -> new GeneratedData(size, 256)),
                    key, out, reported::set);
        }
        assertThat(reported.get()).isEqualTo(size);

        Path target = tmp.resolve("out");
        try (InputStream in = Files.newInputStream(container)) {
            decryptor.decrypt(in, key, target);
        }

        assertThat(sha256(target.resolve("big.bin"))).isEqualTo(GeneratedData.sha256(size, 256));
    }

    @Test
    void aFolderOfAThousandSmallFilesComesBackFileByFile() throws IOException {
        Path folder = tmp.resolve("photos");
        Random random = new Random(1000);
        for (int i = 0; i < 1000; i++) {
            Path file = folder.resolve("batch-" + (i % 7)).resolve(i % 3 == 0 ? "deep/er" : ".").normalize()
                    .resolve("img-" + i + ".raw");
            Files.createDirectories(file.getParent());
            byte[] content = new byte[random.nextInt(3000)];
            random.nextBytes(content);
            Files.write(file, content);
        }
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        DatasetManifest manifest = encryptor.encrypt(DatasetSource.of(folder), key, ciphertext);

        Path target = tmp.resolve("restored");
        decryptor.decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), key, target);

        assertThat(manifest.files()).hasSize(1000).allMatch(f -> f.path().startsWith("photos/"));
        try (Stream<Path> originals = Files.walk(folder)) {
            for (Path original : originals.filter(Files::isRegularFile).toList()) {
                Path restored = target.resolve("photos").resolve(folder.relativize(original).toString());
                assertThat(Files.mismatch(original, restored)).as(restored.toString()).isEqualTo(-1L);
            }
        }
        assertThat(listAll(target)).hasSize(1000);
    }

    @Test
    void aSingleFileOnDiskIsStoredUnderItsOwnName() throws IOException {
        Path file = tmp.resolve("iris.csv");
        Files.writeString(file, "sepal_length,sepal_width\n5.1,3.5\n");
        ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
        encryptor.encrypt(DatasetSource.of(file), key, ciphertext);

        DatasetManifest manifest = decryptor.decrypt(new ByteArrayInputStream(ciphertext.toByteArray()), key,
                tmp.resolve("out"));

        assertThat(manifest.files()).extracting(DatasetManifest.File::path).containsExactly("iris.csv");
        assertThat(Files.readString(tmp.resolve("out/iris.csv"))).isEqualTo(Files.readString(file));
    }

    @Test
    void theSameDataEncryptsDifferentlyEveryTime() throws IOException {
        byte[] data = GeneratedData.bytes(5000, 5);
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        encryptor.encrypt(DatasetSource.ofStream("a", data.length, () -> new ByteArrayInputStream(data)), key, first);
        encryptor.encrypt(DatasetSource.ofStream("a", data.length, () -> new ByteArrayInputStream(data)), key, second);
        // Tink draws a fresh salt and nonce prefix per stream: equal inputs do not give equal ciphertexts.
        assertThat(first.toByteArray()).isNotEqualTo(second.toByteArray());
    }

    private static int indexLength(DatasetSource source) {
        return DatasetIndex.encode(source.entries()).length;
    }

    static List<Path> listAll(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    static byte[] sha256(Path file) throws IOException {
        MessageDigest sha256 = DatasetEncryptor.sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
            }
        }
        return sha256.digest();
    }
}
