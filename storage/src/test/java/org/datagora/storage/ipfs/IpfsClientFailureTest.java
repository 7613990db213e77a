package org.datagora.storage.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.datagora.contracts.devnet.FreePort;
import org.junit.jupiter.api.Test;

/** What users see when the node is down or the URL points at something that is not an IPFS node. */
class IpfsClientFailureTest {

    private static final IpfsClientOptions QUICK = IpfsClientOptions.defaults().withRetries(3, Duration.ofMillis(20));

    @Test
    void nodeDownIsReportedAsUnavailableWithTheUrlAfterRetrying() {
        URI nowhere = URI.create("http://127.0.0.1:" + FreePort.pick());
        IpfsClient client = new IpfsClient(nowhere, QUICK);

        assertThatThrownBy(client::version)
                .isInstanceOf(IpfsUnavailableException.class)
                .hasMessage("The IPFS node at " + nowhere + " is not answering. Start it or check the URL in Settings.");
        assertThatThrownBy(() -> client.add(new ByteArrayInputStream(new byte[10]), true, ProgressListener.NONE))
                .isInstanceOf(IpfsUnavailableException.class);
    }

    @Test
    void anHttpServerThatIsNotIpfsIsReportedAsProtocolError() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<html>It works!</html>".getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().endsWith("/id") ? 404 : 200;
            exchange.sendResponseHeaders(status, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        try {
            IpfsClient client = new IpfsClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), QUICK);
            assertThatThrownBy(client::version)
                    .isInstanceOf(IpfsProtocolException.class)
                    .hasMessageContaining("not an IPFS RPC answer")
                    .hasMessageContaining("It works!");
            assertThatThrownBy(client::id)
                    .isInstanceOf(IpfsProtocolException.class)
                    .hasMessageContaining("HTTP 404")
                    .satisfies(e -> assertThat(((IpfsProtocolException) e).statusCode()).isEqualTo(404));
            assertThatThrownBy(() -> client.add(new ByteArrayInputStream(new byte[10]), true, ProgressListener.NONE))
                    .isInstanceOf(IpfsProtocolException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aServiceThatDoesNotSpeakHttpIsReportedAsProtocolError() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerGarbage(server), "garbage-server");
            answering.setDaemon(true);
            answering.start();
            IpfsClient client = new IpfsClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), QUICK);
            assertThatThrownBy(client::version)
                    .isInstanceOf(IpfsProtocolException.class)
                    .hasMessageContaining("does not speak the IPFS RPC protocol")
                    .hasMessageContaining("127.0.0.1:" + server.getLocalPort());
        }
    }

    @Test
    void aDroppedConnectionIsRetriedForSafeCallsOnly() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread answering = new Thread(() -> dropEveryOtherConnection(server, connections), "flaky-server");
            answering.setDaemon(true);
            answering.start();
            IpfsClient client = new IpfsClient(URI.create("http://127.0.0.1:" + server.getLocalPort()), QUICK);

            assertThat(client.version().version()).isEqualTo("0.18.1");
            assertThat(connections.get()).isEqualTo(2);

            // An upload read from a stream cannot be sent twice: the dropped connection is reported.
            assertThatThrownBy(() -> client.add(new ByteArrayInputStream(new byte[10]), true, ProgressListener.NONE))
                    .isInstanceOf(IpfsUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + server.getLocalPort());
            assertThat(connections.get()).isEqualTo(3);
        }
    }

    /** Odd connections are closed without an answer, even ones get a valid version answer. */
    private static void dropEveryOtherConnection(ServerSocket server, AtomicInteger connections) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                if (connections.incrementAndGet() % 2 == 1) {
                    continue;
                }
                socket.getInputStream().read(new byte[4096]);
                byte[] body = "{\"Version\":\"0.18.1\",\"Repo\":\"12\"}".getBytes(StandardCharsets.US_ASCII);
                socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answerGarbage(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\nnot http at all\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            } catch (IOException closed) {
                return;
            }
        }
    }
}
