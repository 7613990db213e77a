package org.datagora.app.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.datagora.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code datagora bench storage} on small sizes: it runs end to end and prints every figure (no timing checks). */
class BenchStorageCommandTest {

    @Test
    void printsEveryFigure(@TempDir Path tmp) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--data-dir", tmp.resolve("data").toString(), "bench", "storage", "--size-mib", "8",
                "--runs", "1", "--indexer-listings", "300", "--search-listings", "2000", "--queries", "200",
                "--work-dir", tmp.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .containsPattern("encrypt-and-add / plain add \\(8 MiB, same IPFS node\\): \\d+\\.\\d\\d")
                .containsPattern("CID / sha256sum \\(8 MiB\\): \\d+\\.\\d\\d wall clock, \\d+\\.\\d\\d CPU time")
                .containsPattern("indexer: [\\d,]+ events/s \\(300 events\\)")
                .containsPattern("search over 2,000 cached listings: p50 \\d+\\.\\d\\d ms, p95 \\d+\\.\\d\\d ms");
    }
}
