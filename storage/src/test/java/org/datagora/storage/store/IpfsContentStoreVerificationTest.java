package org.datagora.storage.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.datagora.storage.cid.CidMismatchException;
import org.datagora.storage.ipfs.IpfsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node that serves the wrong bytes (a tiny local HTTP server plays it) is caught before they are used. */
class IpfsContentStoreVerificationTest {

    private static final String HELLO_CID = "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

    private HttpServer lyingNode;
    private IpfsContentStore store;

    @BeforeEach
    void startLyingNode() throws Exception {
        lyingNode = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // Answers every cat and block/get with bytes that are not those of HELLO_CID.
        lyingNode.createContext("/api/v0/", exchange -> {
            byte[] forged = "hello w0rld\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, forged.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(forged);
            }
        });
        lyingNode.start();
        store = new IpfsContentStore(new IpfsClient(URI.create("http://127.0.0.1:" + lyingNode.getAddress().getPort())));
    }

    @AfterEach
    void stopLyingNode() {
        lyingNode.stop(0);
    }

    @Test
    void forgedContentFailsTheReadThatReachesItsEnd() {
        assertThatThrownBy(() -> {
            try (InputStream in = store.get(HELLO_CID)) {
                in.readAllBytes();
            }
        }).isInstanceOf(CidMismatchException.class);
    }

    @Test
    void aForgedBlockIsRefusedBeforeAnyByteOfARangeIsRead() {
        assertThatThrownBy(() -> store.get(HELLO_CID, 0, 5))
                .hasMessageContaining("do not match");
    }
}
