package org.datagora.storage.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(IpfsNodeExtension.class)
class IpfsClientBasicsTest {

    private static final String HELLO_CID = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

    @Test
    void versionComesFromTheRunningJsIpfsNode(IpfsClient client, IpfsNode node) throws Exception {
        assertThat(client.version().version()).isEqualTo("0.18.1");
        assertThat(client.id().agentVersion()).startsWith("js-ipfs/");
        assertThat(node.process().isAlive()).isTrue();
        assertThat(node.apiUrl().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void addReturnsTheKnownCidInBase32(IpfsClient client) throws Exception {
        AddResult added = client.add(new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.UTF_8)),
                true, ProgressListener.NONE);
        assertThat(added.cid()).isEqualTo(HELLO_CID);
        assertThat(added.size()).isEqualTo(12);
    }

    @Test
    void catReturnsWhatWasAdded(IpfsClient client) throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        String cid = client.add(new ByteArrayInputStream(data), true, ProgressListener.NONE).cid();
        try (InputStream in = client.cat(cid)) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}
