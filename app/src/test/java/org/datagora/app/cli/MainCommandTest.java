package org.datagora.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.datagora.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainCommandTest {

    @Test
    void helpListsTheCommands() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("network").contains("--data-dir");
    }

    @Test
    void networkStatusPrintsChainIdBlockHeightAndIpfsState(@TempDir Path dataDir) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--data-dir", dataDir.toString(), "network", "status");
        assertThat(out.toString())
                .containsPattern("Chain id:\\s+31337")
                .containsPattern("Block height:\\s+\\d+")
                .containsPattern("IPFS:\\s+online");
        assertThat(exit).isZero();
    }

    @Test
    void networkStatusSaysWhenTheEndpointsAreDown(@TempDir Path dataDir) {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("--data-dir", dataDir.toString(), "network", "status", "--rpc-url", "http://127.0.0.1:1", "--ipfs-url", "http://127.0.0.1:1");
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("Chain id:\\s+offline").containsPattern("IPFS:\\s+offline")
                .contains("not answering");
    }
}
