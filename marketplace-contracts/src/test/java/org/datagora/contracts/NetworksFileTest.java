package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworksFileTest {

    private static NetworkAddresses on(long chainId, String suffix) {
        return new NetworkAddresses(chainId, "0x" + "1".repeat(39) + suffix, "0x" + "2".repeat(39) + suffix,
                "0x" + "3".repeat(39) + suffix, "0x" + "4".repeat(39) + suffix, "0x" + "5".repeat(39) + suffix, 7);
    }

    @Test
    void writingKeepsOtherChainsAndReplacesTheSameChain(@TempDir Path dir) {
        NetworksFile file = new NetworksFile(dir.resolve("sub/networks.json"));
        file.write(on(31337, "a"));
        file.write(on(11155111, "b"));
        file.write(on(31337, "c"));
        assertThat(file.readAll()).containsOnlyKeys(31337L, 11155111L);
        assertThat(file.read(31337)).contains(on(31337, "c"));
        assertThat(file.read(11155111)).contains(on(11155111, "b"));
    }

    @Test
    void aMissingFileHasNoNetworks(@TempDir Path dir) {
        assertThat(new NetworksFile(dir.resolve("none.json")).readAll()).isEmpty();
    }

    @Test
    void aDamagedFileIsReportedByName(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("networks.json");
        Files.writeString(path, "{ not json");
        assertThatThrownBy(() -> new NetworksFile(path).readAll())
                .hasMessageStartingWith("The networks file " + path + " is not valid JSON");
    }

    @Test
    void theFileIsReadableJsonByChainId(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("networks.json");
        new NetworksFile(path).write(on(31337, "a"));
        assertThat(Files.readString(path)).contains("\"31337\"").contains("\"marketplace\"")
                .contains("\"deployedAtBlock\" : 7");
    }
}
