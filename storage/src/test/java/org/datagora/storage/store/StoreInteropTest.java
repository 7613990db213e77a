package org.datagora.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsClientOptions;
import org.datagora.storage.ipfs.IpfsNodeExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store and a real IPFS node build the same DAGs and exchange them as CAR files. */
@ExtendWith(IpfsNodeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreInteropTest {

    private static final int CHUNK = 256 * 1024;

    private Path dir;
    private IpfsClient client;
    private IpfsContentStore ipfs;
    private IpfsContentStore impatient;
    private EmbeddedContentStore embedded;

    @BeforeAll
    void stores(IpfsClient client, @TempDir Path dir) throws Exception {
        this.dir = dir;
        this.client = client;
        this.ipfs = new IpfsContentStore(client);
        this.impatient = new IpfsContentStore(new IpfsClient(client.apiUrl(),
                IpfsClientOptions.defaults().withContentTimeout(Duration.ofMillis(500))));
        this.embedded = new EmbeddedContentStore(dir.resolve("embedded"));
    }

    @Test
    void bothStoresGiveTheSameCidForTheSameBytes() throws Exception {
        // Edge sizes around chunk and link boundaries, and more than 174 chunks (a second tree level).
        int[] sizes = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 12345, 174 * CHUNK, 174 * CHUNK + 777};
        Random random = new Random(11);
        for (int size : sizes) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            String fromNode = ipfs.put(new ByteArrayInputStream(data), n -> { });
            String fromEmbedded = embedded.put(new ByteArrayInputStream(data), n -> { });
            assertThat(fromEmbedded).as("CID of %d bytes", size).isEqualTo(fromNode);
        }
    }

    @Test
    void aCarFromTheEmbeddedStoreImportsIntoTheNode() throws Exception {
        byte[] data = random(20 * CHUNK + 5, 12);
        String cid = embedded.put(new ByteArrayInputStream(data), n -> { });
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        embedded.exportCar(cid, car);

        assertThat(ipfs.importCar(new ByteArrayInputStream(car.toByteArray()))).containsExactly(cid);
        assertThat(client.isPinned(cid)).isTrue();
        try (InputStream in = ipfs.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void aCarFromTheNodeImportsIntoTheEmbeddedStore() throws Exception {
        byte[] data = random(5 * CHUNK + 3, 13);
        String cid = ipfs.put(new ByteArrayInputStream(data), n -> { });
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        ipfs.exportCar(cid, car);

        EmbeddedContentStore fresh = new EmbeddedContentStore(dir.resolve("fresh"));
        assertThat(fresh.importCar(new ByteArrayInputStream(car.toByteArray()))).containsExactly(cid);
        try (InputStream in = fresh.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void theIpfsStoreReadsVerifiedRangesBlockByBlock() throws Exception {
        byte[] data = random(4 * CHUNK + 77, 16);
        String cid = ipfs.put(new ByteArrayInputStream(data), n -> { });
        try (InputStream in = ipfs.get(cid, CHUNK - 3, CHUNK + 6)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, CHUNK - 3, 2 * CHUNK + 3));
        }
        try (InputStream in = ipfs.get(cid, 4L * CHUNK, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, 4 * CHUNK, data.length));
        }
        try (InputStream in = ipfs.get(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void theIpfsStorePinsPutsAndReportsWhatItHas() throws Exception {
        byte[] data = random(2 * CHUNK + 1, 14);
        List<Long> progress = new ArrayList<>();
        String cid = ipfs.put(new ByteArrayInputStream(data), progress::add);
        assertThat(progress).last().isEqualTo((long) data.length);
        assertThat(ipfs.has(cid)).isTrue();
        assertThat(client.isPinned(cid)).isTrue();

        ipfs.unpin(cid);
        client.repoGc();
        assertThat(ipfs.has(cid)).isFalse();
        assertThatThrownBy(() -> impatient.get(cid)).isInstanceOf(ContentNotFoundException.class);
    }

    @Test
    void aTamperedCarNeverReachesTheNode() throws Exception {
        String cid = embedded.put(new ByteArrayInputStream(random(CHUNK + 10, 15)), n -> { });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        embedded.exportCar(cid, out);
        byte[] car = out.toByteArray();
        car[car.length - 1] ^= 1;

        assertThatThrownBy(() -> ipfs.importCar(new ByteArrayInputStream(car)))
                .isInstanceOf(CarFormatException.class)
                .hasMessageContaining("does not match its CID");
        assertThat(client.isPinned(cid)).isFalse();
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
