package org.datagora.storage.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(IpfsNodeExtension.class)
class IpfsClientTest {

    private static final String HELLO_CID = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

    private final IpfsClient client;
    private final IpfsClient impatient;

    IpfsClientTest(IpfsNode node) {
        this.client = node.client();
        this.impatient = new IpfsClient(node.apiUrl(), IpfsClientOptions.defaults()
                .withContentTimeout(Duration.ofMillis(500)));
    }

    @Test
    void versionAndIdComeFromTheRunningJsIpfsNode() throws Exception {
        assertThat(client.version().version()).isEqualTo("0.18.1");
        IpfsIdentity id = client.id();
        assertThat(id.agentVersion()).startsWith("js-ipfs/");
        assertThat(id.peerId()).isNotBlank();
    }

    @Test
    void addReturnsTheReferenceCidInBase32() throws Exception {
        AddResult added = client.add(bytes("hello world\n"), true, ProgressListener.NONE);
        assertThat(added.cid()).isEqualTo(HELLO_CID);
        assertThat(added.size()).isEqualTo(12);
    }

    @Test
    void severalMegabytesRoundTripFromAFileWithProgress(@TempDir Path dir) throws Exception {
        byte[] data = random(5 * 1024 * 1024 + 123, 1);
        Path file = Files.write(dir.resolve("data.bin"), data);
        List<Long> progress = new ArrayList<>();
        AddResult added = client.add(file, true, progress::add);

        assertThat(progress).isSorted().last().isEqualTo((long) data.length);
        assertThat(progress.size()).isGreaterThan(10);
        try (InputStream in = client.cat(added.cid())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void catReadsARangeAcrossChunkBoundaries() throws Exception {
        byte[] data = random(1024 * 1024 + 1, 2);
        String cid = client.add(new ByteArrayInputStream(data), true, ProgressListener.NONE).cid();
        int offset = 256 * 1024 - 10;
        int length = 300 * 1024;
        try (InputStream in = client.cat(cid, offset, length)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, offset, offset + length));
        }
        try (InputStream in = client.cat(cid, data.length - 5, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(data, data.length - 5, data.length));
        }
    }

    @Test
    void pinsAreAddedListedAndRemovedAndGarbageCollectionHonoursThem() throws Exception {
        byte[] data = random(600 * 1024, 3);
        String cid = client.add(new ByteArrayInputStream(data), false, ProgressListener.NONE).cid();
        assertThat(client.isPinned(cid)).isFalse();

        client.pinAdd(cid);
        assertThat(client.isPinned(cid)).isTrue();
        assertThat(client.pinLs()).containsEntry(cid, "recursive");
        client.repoGc();
        assertThat(client.blockStat(cid).cid()).isEqualTo(cid);

        client.pinRm(cid);
        client.pinRm(cid);
        assertThat(client.isPinned(cid)).isFalse();
        assertThat(client.pinLs()).doesNotContainKey(cid);
        assertThat(client.repoGc()).isGreaterThan(0);
        assertThatThrownBy(() -> impatient.cat(cid).readAllBytes())
                .isInstanceOf(IpfsContentNotFoundException.class)
                .hasMessageContaining(cid);
    }

    @Test
    void carExportedByTheNodeImportsBackAfterTheBlocksWereCollected() throws Exception {
        byte[] data = random(700 * 1024 + 5, 4);
        String cid = client.add(new ByteArrayInputStream(data), true, ProgressListener.NONE).cid();
        ByteArrayOutputStream car = new ByteArrayOutputStream();
        try (InputStream export = client.dagExport(cid)) {
            export.transferTo(car);
        }
        client.pinRm(cid);
        client.repoGc();
        assertThatThrownBy(() -> impatient.blockStat(cid)).isInstanceOf(IpfsContentNotFoundException.class);

        assertThat(client.dagImport(new ByteArrayInputStream(car.toByteArray()))).containsExactly(cid);
        assertThat(client.isPinned(cid)).isTrue();
        try (InputStream in = client.cat(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void blockStatReportsTheSizeOfARawLeaf() throws Exception {
        client.add(bytes("hello world\n"), true, ProgressListener.NONE);
        assertThat(client.blockStat(HELLO_CID)).isEqualTo(new BlockStat(HELLO_CID, 12));
    }

    @Test
    void catOfUnknownContentFailsClearlyInsteadOfHanging() throws Exception {
        String unknown = impatient.add(new ByteArrayInputStream(random(100, 5)), false, ProgressListener.NONE).cid();
        impatient.repoGc();
        assertThatThrownBy(() -> impatient.cat(unknown))
                .isInstanceOf(IpfsContentNotFoundException.class)
                .hasMessageContaining("does not have the content " + unknown);
    }

    @Test
    void errorsOfTheNodeCarryItsMessage() {
        assertThatThrownBy(() -> client.cat("not-a-cid"))
                .isInstanceOf(IpfsProtocolException.class)
                .hasMessageContaining("refused cat")
                .satisfies(e -> assertThat(((IpfsProtocolException) e).nodeMessage()).isPresent());
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
