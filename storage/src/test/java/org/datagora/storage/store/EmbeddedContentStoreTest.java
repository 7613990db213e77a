package org.datagora.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedContentStoreTest {

    private static final String HELLO_CID = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";
    private static final String PATTERN_MIB_CID = "bafybeiclphklsx6bfzfb5aezogjldbkeicyyvma6wrfnielfg7haplwahy";

    @TempDir
    Path dir;

    @Test
    void knownInputsGetTheReferenceCids() throws Exception {
        EmbeddedContentStore store = new EmbeddedContentStore(dir);
        assertThat(store.put(new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.UTF_8)), n -> { }))
                .isEqualTo(HELLO_CID);
        byte[] pattern = new byte[1024 * 1024];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) i;
        }
        assertThat(store.put(new ByteArrayInputStream(pattern), n -> { })).isEqualTo(PATTERN_MIB_CID);
        try (InputStream in = store.get(PATTERN_MIB_CID)) {
            assertThat(in.readAllBytes()).isEqualTo(pattern);
        }
    }

    @Test
    void contentRoundTripsAcrossRestartsWithProgress() throws Exception {
        byte[] data = random(3 * 256 * 1024 + 99, 1);
        Path file = Files.write(dir.resolve("input.bin"), data);
        List<Long> progress = new ArrayList<>();
        String cid = new EmbeddedContentStore(dir.resolve("store")).put(file, progress::add);

        assertThat(progress).isSorted().last().isEqualTo((long) data.length);
        EmbeddedContentStore reopened = new EmbeddedContentStore(dir.resolve("store"));
        assertThat(reopened.has(cid)).isTrue();
        assertThat(reopened.pins()).containsExactly(cid);
        try (InputStream in = reopened.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void emptyContentIsStoredToo() throws Exception {
        EmbeddedContentStore store = new EmbeddedContentStore(dir);
        String cid = store.put(new ByteArrayInputStream(new byte[0]), n -> { });
        try (InputStream in = store.get(cid)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }

    @Test
    void garbageCollectionKeepsPinnedContentOnly() throws Exception {
        EmbeddedContentStore store = new EmbeddedContentStore(dir);
        String kept = store.put(new ByteArrayInputStream(random(600 * 1024, 2)), n -> { });
        String dropped = store.put(new ByteArrayInputStream(random(600 * 1024, 3)), n -> { });
        store.unpin(dropped);
        store.unpin(dropped);

        assertThat(store.collectGarbage()).isEqualTo(4);
        assertThat(store.has(dropped)).isFalse();
        assertThat(store.has(kept)).isTrue();
        assertThatThrownBy(() -> store.get(dropped))
                .isInstanceOf(ContentNotFoundException.class)
                .hasMessageContaining(dropped);
    }

    @Test
    void carExportImportsIntoAnotherStore() throws Exception {
        byte[] data = random(900 * 1024, 4);
        EmbeddedContentStore source = new EmbeddedContentStore(dir.resolve("a"));
        String cid = source.put(new ByteArrayInputStream(data), n -> { });
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        source.exportCar(cid, car);

        EmbeddedContentStore target = new EmbeddedContentStore(dir.resolve("b"));
        assertThat(target.importCar(new ByteArrayInputStream(car.toByteArray()))).containsExactly(cid);
        assertThat(target.pins()).containsExactly(cid);
        try (InputStream in = target.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aTwoLevelDagOfMoreThan174ChunksRoundTripsThroughACar() throws Exception {
        byte[] data = random(175 * 256 * 1024 + 3, 6);
        EmbeddedContentStore source = new EmbeddedContentStore(dir.resolve("a"));
        String cid = source.put(new ByteArrayInputStream(data), n -> { });
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        source.exportCar(cid, car);

        EmbeddedContentStore target = new EmbeddedContentStore(dir.resolve("b"));
        target.importCar(new ByteArrayInputStream(car.toByteArray()));
        try (InputStream in = target.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void rangesAreReadAcrossChunkAndSubtreeBoundaries() throws Exception {
        int chunk = 256 * 1024;
        byte[] data = random(176 * chunk + 1000, 8);
        EmbeddedContentStore store = new EmbeddedContentStore(dir);
        String cid = store.put(new ByteArrayInputStream(data), n -> { });
        long[][] ranges = {{0, 10}, {chunk - 1, 2}, {5, chunk * 2L}, {174L * chunk - 5, 10}, {175L * chunk + 3, -1},
            {data.length - 1, -1}, {data.length, -1}, {data.length + 10L, 5}, {0, 0}};
        for (long[] range : ranges) {
            int from = (int) Math.min(range[0], data.length);
            int to = range[1] < 0 ? data.length : (int) Math.min(data.length, range[0] + range[1]);
            try (InputStream in = store.get(cid, range[0], range[1])) {
                assertThat(in.readAllBytes()).as("range %d+%d", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(data, from, Math.max(from, to)));
            }
        }
    }

    @Test
    void aCarWithATamperedBlockIsRejected() throws Exception {
        EmbeddedContentStore source = new EmbeddedContentStore(dir.resolve("a"));
        String cid = source.put(new ByteArrayInputStream(random(300 * 1024, 5)), n -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.exportCar(cid, out);
        byte[] car = out.toByteArray();
        car[car.length - 100] ^= 1;

        EmbeddedContentStore target = new EmbeddedContentStore(dir.resolve("b"));
        assertThatThrownBy(() -> target.importCar(new ByteArrayInputStream(car)))
                .isInstanceOf(CarFormatException.class)
                .hasMessageContaining("does not match its CID");
        assertThatThrownBy(() -> target.importCar(new ByteArrayInputStream(car, 0, car.length / 2)))
                .isInstanceOf(CarFormatException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> target.importCar(new ByteArrayInputStream("not a car".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CarFormatException.class);
        assertThat(target.has(cid)).isFalse();
    }

    @Test
    void aDamagedBlockOnDiskIsReportedNotServed() throws Exception {
        EmbeddedContentStore store = new EmbeddedContentStore(dir);
        String cid = store.put(new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.UTF_8)), n -> { });
        Files.writeString(dir.resolve("blocks").resolve(cid), "hello w0rld\n");

        assertThatThrownBy(() -> store.get(cid).readAllBytes())
                .hasMessageContaining("is damaged");
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
