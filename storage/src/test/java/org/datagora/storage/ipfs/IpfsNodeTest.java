package org.datagora.storage.ipfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, restarting and recovering the local node on one repository. */
class IpfsNodeTest {

    @TempDir
    Path repo;

    @Test
    void closeStopsTheNodeAndContentSurvivesARestartOnNewPorts() throws Exception {
        byte[] data = IpfsClientTest.random(300 * 1024, 7);
        String cid;
        int firstPort;
        IpfsNode first = IpfsNode.start(repo);
        firstPort = first.apiUrl().getPort();
        cid = first.client().add(new ByteArrayInputStream(data), true, ProgressListener.NONE).cid();
        IpfsClient firstClient = new IpfsClient(first.apiUrl(), IpfsClientOptions.defaults().withRetries(1, Duration.ZERO));
        first.close();
        assertThat(first.process().isAlive()).isFalse();
        assertThat(repo.resolve("repo.lock")).doesNotExist();
        assertThatThrownBy(firstClient::version).isInstanceOf(IpfsUnavailableException.class);

        try (IpfsNode node = IpfsNode.start(IpfsNodeOptions.inRepo(repo).withPorts(0, 0))) {
            assertThat(Files.readString(repo.resolve("config"))).contains("/tcp/" + node.apiUrl().getPort());
            assertThat(node.apiUrl().getPort()).isNotZero();
            try (InputStream in = node.client().cat(cid)) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            HttpResponse<byte[]> viaGateway = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(node.gatewayUrl().resolve("/ipfs/" + cid)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(viaGateway.body()).isEqualTo(data);
            assertThat(firstPort).isPositive();
        }
    }

    @Test
    void aStaleLockOfAKilledDaemonDoesNotBlockTheNextStart() throws Exception {
        String cid;
        try (IpfsNode killed = IpfsNode.start(repo)) {
            cid = killed.client().add(new ByteArrayInputStream(new byte[] {1, 2, 3}), true, ProgressListener.NONE).cid();
            killed.process().destroyForcibly();
            killed.process().onExit().get(10, TimeUnit.SECONDS);
            assertThat(repo.resolve("repo.lock")).exists();

            try (IpfsNode restarted = IpfsNode.start(repo)) {
                try (InputStream in = restarted.client().cat(cid)) {
                    assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
                }
            }
        }
    }

    @Test
    void aDaemonLeftRunningByAnEarlierRunIsStoppedBeforeANewStart() throws Exception {
        // The first node stands for one whose JVM died: nobody closes it, only its process record remains.
        IpfsNode orphan = IpfsNode.start(repo);
        try (IpfsNode fresh = IpfsNode.start(repo)) {
            assertThat(orphan.process().isAlive()).isFalse();
            assertThat(fresh.client().version().version()).isNotBlank();
        } finally {
            orphan.close();
        }
    }

    @Test
    void aForeignDaemonThatStillAnswersKeepsItsRepository() throws Exception {
        try (IpfsNode foreign = IpfsNode.start(repo)) {
            // Without our process record, the daemon counts as started by someone else.
            Files.delete(repo.resolve("datagora-daemon.pid"));
            assertThatThrownBy(() -> IpfsNode.start(repo))
                    .isInstanceOf(IpfsNodeException.class)
                    .hasMessageContaining("already using the repository")
                    .hasMessageContaining(foreign.apiUrl().toString());
            assertThat(foreign.client().version().version()).isNotBlank();
        }
    }
}
