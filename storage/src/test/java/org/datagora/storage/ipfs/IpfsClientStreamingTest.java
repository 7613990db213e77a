package org.datagora.storage.ipfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Uploads and downloads stream: a payload four times the heap goes through a JVM limited to 32 MiB. */
@ExtendWith(IpfsNodeExtension.class)
class IpfsClientStreamingTest {

    @Test
    void addAndCatRunInConstantMemory(IpfsNode node) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(List.of(java.toString(), "-Xmx32m",
                "-cp", System.getProperty("java.class.path"), StreamingRoundTrip.class.getName(),
                node.apiUrl().toString(), "128"))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();

        assertThat(child.exitValue()).as(output).isZero();
        String[] digests = output.lines().reduce((first, last) -> last).orElse("").split(" ");
        assertThat(digests).hasSize(2);
        assertThat(digests[1]).isEqualTo(digests[0]);
    }
}
