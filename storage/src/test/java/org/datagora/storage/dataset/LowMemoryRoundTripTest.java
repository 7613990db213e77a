package org.datagora.storage.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB dataset encrypts, uploads to a real IPFS node, downloads (verified against its CID) and decrypts
 * in a separate JVM limited to a 256 MiB heap; the node is its own process, the heap limit is the app's.
 */
class LowMemoryRoundTripTest {

    @TempDir
    Path tmp;

    /** The node's repository and the decrypted file: about 2 GiB at the peak. */
    private static final long SCRATCH_BYTES = 3L << 30;

    @Test
    void oneGibibyteRoundTripsThroughIpfsInA256MebibyteHeap() throws IOException, InterruptedException {
        Path work = scratch();
        try {
            roundTrip(work);
        } finally {
            if (!work.startsWith(tmp)) {
                delete(work);
            }
        }
    }

    /**
     * A RAM-backed folder (/dev/shm) when the machine has one with room, so that the test does not depend on
     * free disk space; the temporary folder otherwise. Either way the JVM's heap stays at 256 MiB.
     */
    private Path scratch() throws IOException {
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm) && Files.getFileStore(shm).getUsableSpace() > SCRATCH_BYTES) {
            return Files.createTempDirectory(shm, "datagora-low-memory-");
        }
        return tmp;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private void roundTrip(Path work) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = tmp.resolve("child.log");
        Process child = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LowMemoryRoundTrip.class.getName(), work.toString(), String.valueOf(1L << 30), "ipfs")
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
