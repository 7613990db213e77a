package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB dataset encrypts, uploads to a real IPFS node, downloads (verified against its CID) and decrypts
 * in a separate JVM limited to a 256 MiB heap; the node is its own process, the heap limit is the app's.
 */
class LowMemoryRoundTripTest {

    @TempDir
    Path tmp;

    @Test
    void oneGibibyteRoundTripsThroughIpfsInA256MebibyteHeap() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LowMemoryRoundTrip.class.getName(), tmp.toString(), String.valueOf(1L << 30), "ipfs")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = child.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("1 GiB round trip in -Xmx256m: " + output.strip());

        assertThat(finished).as("finished within 10 minutes").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("OK size=1073741824 ").contains("maxHeapMiB=256").contains("via=ipfs");
    }
}
