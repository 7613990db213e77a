package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidCalculator;
import org.datagora.storage.cid.CidMismatchException;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.crypto.DatasetKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a ciphertext can go wrong ends in a clear exception and an empty target folder. The dataset
 * has three files over four 1 MiB segments, so failures late in the stream come after complete files
 * were already decrypted into staging: those must not survive either.
 */
class DatasetTamperTest {

    private static final int SEGMENT = 1 << 20;
    private static final int START = DatasetFormat.HEADER_LENGTH;
    private static final int TINK_HEADER = 40;

    private static DatasetKey key;
    private static byte[] container;

    private final DatasetDecryptor decryptor = new DatasetDecryptor();

    @TempDir
    Path tmp;

    @BeforeAll
    static void encryptThreeFiles() throws IOException {
        key = DatasetKey.generate(new SecureRandom());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DatasetEncryptor().encrypt(source(), key, out);
        container = out.toByteArray();
        assertThat(container.length).isEqualTo(expectedLength());
    }

    private static DatasetSource source() throws UnsafeDatasetPathException {
        int[] sizes = {1_500_000, 700_000, 1_200_000};
        List<DatasetSource.Entry> entries = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            long seed = i;
            entries.add(new DatasetSource.Entry("set/file-" + i + ".bin", size, () -> new GeneratedData(size, seed)));
        }
        return DatasetSource.ofEntries(entries);
    }

    private static int expectedLength() throws UnsafeDatasetPathException {
        DatasetSource source = source();
        return (int) DatasetFormat.containerSize(DatasetIndex.encode(source.entries()).length, source.totalSize(),
                source.entries().size());
    }

    /** Positions across the clear header, Tink's header, the index, every segment's body and tag, the end. */
    static List<Integer> positions() throws UnsafeDatasetPathException {
        List<Integer> positions = new ArrayList<>(List.of(0, 3, 4, 5, 20, START - 1, START, START + 1,
                START + 33, START + TINK_HEADER - 1, START + TINK_HEADER, START + TINK_HEADER + 10));
        int length = expectedLength();
        for (int begin = START; begin < length; begin += SEGMENT) {
            int end = Math.min(begin + SEGMENT, length);
            positions.add((begin + end) / 2); // inside the segment's ciphertext
            positions.add(end - 16);          // first byte of its tag
            positions.add(end - 1);           // last byte of its tag
        }
        return positions;
    }

    @ParameterizedTest(name = "flip byte {0}")
    @MethodSource("positions")
    void flippingAnySingleByteFailsAndLeavesNothing(int position) throws IOException {
        byte[] damaged = container.clone();
        damaged[position] ^= 0x01;

        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(damaged), key, target))
                .isInstanceOf(DatasetTamperedException.class)
                .hasMessageStartingWith("The dataset is damaged or was tampered with");
        assertNothingLeft(target);
    }

    @Test
    void aContainerFromANewerAppAsksForAnUpdate() throws IOException {
        byte[] newer = container.clone();
        newer[DatasetFormat.MAGIC.length] = 2;
        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(newer), key, target))
                .isInstanceOf(UnsupportedDatasetVersionException.class)
                .hasMessageContaining("Update the app");
        assertNothingLeft(target);
    }

    @Test
    void flippingTheLastByteAndEveryTagFails() throws IOException {
        for (int at : new int[] {container.length - 1, container.length - 16, container.length - 17}) {
            byte[] damaged = container.clone();
            damaged[at] ^= (byte) 0x80;
            Path target = tmp.resolve("out" + at);
            assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(damaged), key, target))
                    .isInstanceOf(DatasetTamperedException.class);
            assertNothingLeft(target);
        }
    }

    @Test
    void truncationAnywhereFailsAndLeavesNothing() throws IOException {
        int[] lengths = {0, 3, 4, START - 1, START, START + 20, START + TINK_HEADER, START + SEGMENT / 2,
            START + SEGMENT, START + 2 * SEGMENT, START + 3 * SEGMENT, container.length - 16, container.length - 1};
        for (int length : lengths) {
            byte[] truncated = Arrays.copyOf(container, length);
            Path target = tmp.resolve("out" + length);
            assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(truncated), key, target))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(DatasetTamperedException.class);
            assertNothingLeft(target);
        }
    }

    @Test
    void swappingOrDroppingOrRepeatingSegmentsFails() throws IOException {
        byte[] swapped = container.clone();
        System.arraycopy(container, START + SEGMENT, swapped, START + 2 * SEGMENT, SEGMENT);
        System.arraycopy(container, START + 2 * SEGMENT, swapped, START + SEGMENT, SEGMENT);
        byte[] dropped = concat(Arrays.copyOf(container, START + 2 * SEGMENT),
                Arrays.copyOfRange(container, START + 3 * SEGMENT, container.length));
        byte[] repeated = concat(Arrays.copyOf(container, START + 2 * SEGMENT),
                Arrays.copyOfRange(container, START + SEGMENT, container.length));
        byte[] appended = concat(container, new byte[] {1, 2, 3});
        for (byte[] damaged : List.of(swapped, dropped, repeated, appended)) {
            Path target = tmp.resolve("out" + damaged.length + "-" + Arrays.hashCode(damaged));
            assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(damaged), key, target))
                    .isInstanceOf(DatasetTamperedException.class)
                    .hasMessageContaining("Nothing from it was kept");
            assertNothingLeft(target);
        }
    }

    @Test
    void aWrongKeyIsReportedAsSuch() throws IOException {
        DatasetKey other = DatasetKey.generate(new SecureRandom());
        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), other, target))
                .isInstanceOf(WrongKeyException.class)
                .hasMessage("This key does not open the dataset: it is not the key the dataset was encrypted "
                        + "with. Nothing was written.");
        assertNothingLeft(target);
    }

    @Test
    void aFailingDownloadIsReportedAsTheDownloadFailureNotAsTampering() throws IOException {
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(container)) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 2 * SEGMENT) {
                    throw new IOException("Connection reset by IPFS node");
                }
                int n = super.read(b, off, Math.min(len, 8192));
                read += Math.max(n, 0);
                return n;
            }
        };
        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> decryptor.decrypt(failing, key, target))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(DatasetException.class)
                .hasMessage("Connection reset by IPFS node");
        assertNothingLeft(target);
    }

    @Test
    void bytesThatDoNotMatchTheirCidAreRejectedBeforeAnythingIsKept() throws IOException {
        Cid listed = CidCalculator.of(container);
        byte[] substituted = container.clone();
        substituted[container.length - 1] ^= 1;
        Path target = tmp.resolve("out");
        assertThatThrownBy(() -> decryptor.decrypt(
                new CidVerifyingInputStream(new ByteArrayInputStream(substituted), listed), key, target))
                .isInstanceOf(IOException.class); // tag check or CID check, whichever sees it first
        assertNothingLeft(target);
        // The untouched bytes pass both checks.
        decryptor.decrypt(new CidVerifyingInputStream(new ByteArrayInputStream(container), listed), key, target);
        assertThat(DatasetRoundTripTest.listAll(target)).hasSize(3);
        // A substitution that is still a valid container for this key is caught by the CID alone.
        byte[] other = reencrypt();
        Path second = tmp.resolve("second");
        assertThatThrownBy(() -> decryptor.decrypt(
                new CidVerifyingInputStream(new ByteArrayInputStream(other), listed), key, second))
                .isInstanceOf(CidMismatchException.class);
        assertNothingLeft(second);
    }

    @Test
    void existingFilesAreNeverOverwritten() throws IOException {
        Path target = tmp.resolve("out");
        Files.createDirectories(target.resolve("set"));
        Files.writeString(target.resolve("set/file-1.bin"), "mine");
        assertThatThrownBy(() -> decryptor.decrypt(new ByteArrayInputStream(container), key, target))
                .isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("nothing is overwritten");
        assertThat(Files.readString(target.resolve("set/file-1.bin"))).isEqualTo("mine");
        assertThat(DatasetRoundTripTest.listAll(target)).hasSize(1);
    }

    private static byte[] reencrypt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DatasetEncryptor().encrypt(DatasetSource.ofStream("x", 10, () -> new GeneratedData(10, 1)), key, out);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** No file at all below the target: neither output files nor staging leftovers. */
    static void assertNothingLeft(Path target) throws IOException {
        if (Files.exists(target)) {
            assertThat(DatasetRoundTripTest.listAll(target)).isEmpty();
            try (var entries = Files.list(target)) {
                assertThat(entries.toList()).as("staging folders").isEmpty();
            }
        }
    }
}
