package org.datagora.app.cli.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.datagora.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TaskCommandTest {

    @TempDir
    Path dataDir;

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }

    @Test
    void createStatusAndExportATaskFromTheCommandLine() throws Exception {
        Path items = Files.write(dataDir.resolve("items.txt"), List.of("I love this", "This is awful", "", "Fine, thanks"));
        Path password = Files.writeString(dataDir.resolve("pw"), "correct horse battery\n");
        String[] common = {"--data-dir", dataDir.toString(), "task", "--dev-account", "0", "--password-file",
                password.toString()};

        Result created = run(concat(common, "create", "--title", "Sentiment", "--items", items.toString(),
                "--classes", "positive,negative", "--batch-size", "2", "--labels-per-item", "2", "--reward", "1.5",
                "--stake", "2", "--gold", "1=negative"));
        assertThat(created.err()).isEmpty();
        assertThat(created.exit()).isZero();
        assertThat(created.out()).contains("Total funded:    9 DGT").containsPattern("Created task 1 \\(3 items");

        Result status = run(concat(common, "status", "1"));
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("\"Sentiment\"").contains("Phase:           CLAIMING")
                .contains("3 in 2 batches, 2 labels per item").contains("1.5 DGT per label / 2 DGT per claim");

        Path csv = dataDir.resolve("labels.csv");
        Result exported = run(concat(common, "export", "1", "--format", "csv", "--out", csv.toString()));
        assertThat(exported.exit()).isZero();
        assertThat(exported.out()).contains("Wrote 0 labeled items of task 1");
        assertThat(Files.readAllLines(csv)).containsExactly("item,name,label,votes,total,agreement");

        Result unknown = run(concat(common, "export", "1", "--format", "xml", "--out", csv.toString()));
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip()).isEqualTo("Unknown export format xml; use jsonl, csv, coco or yolo");

        Result missing = run(concat(common, "status", "9"));
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("There is no labeling task 9");
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = new String[first.length + rest.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
