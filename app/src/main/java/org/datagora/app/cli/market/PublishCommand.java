package org.datagora.app.cli.market;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datagora.app.market.PublishJournal;
import org.datagora.app.market.PublishListener;
import org.datagora.app.market.PublishRequest;
import org.datagora.app.market.PublishResult;
import org.datagora.app.market.PublishStep;
import org.datagora.app.market.PublishWorkflow;
import org.datagora.app.market.TokenAmounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datagora publish}: encrypts, uploads and lists a file or folder; resumes or undoes a publish. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publishes a file or folder: encrypts it, adds it to IPFS and lists it for sale.")
public final class PublishCommand extends MarketCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The file or folder to publish.")
    Path path;

    @Option(names = "--title", description = "The listing's title.")
    String title;

    @Option(names = "--description", defaultValue = "", description = "What the data is.")
    String description;

    @Option(names = "--tags", split = ",", description = "Search tags, comma separated.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--license", description = "An SPDX identifier (e.g. CC-BY-4.0) or a custom license name.")
    String license;

    @Option(names = "--price", paramLabel = "DGT", description = "The price in DGT, e.g. 12.5.")
    String price;

    @Option(names = "--preview", paramLabel = "FILE", description = "A public sample buyers may see before paying.")
    Path preview;

    @Option(names = "--delivery-window-hours", defaultValue = "24",
            description = "Hours the seller has to deliver a key after a purchase (default: ${DEFAULT-VALUE}).")
    double deliveryWindowHours;

    @Option(names = "--contributor", paramLabel = "ADDRESS=BPS",
            description = "A contributor paid BPS basis points of each sale after the fee; repeatable.")
    List<String> contributors = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "ID", description = "Resumes an unfinished publish.")
    String resume;

    @Option(names = "--roll-back", paramLabel = "ID", description = "Undoes an unfinished publish not yet listed.")
    String rollBack;

    @Option(names = "--unfinished", description = "Lists unfinished publishes.")
    boolean unfinished;

    @Override
    int run(MarketSession session, PrintWriter out) {
        PublishWorkflow workflow = session.publisher();
        if (unfinished) {
            for (PublishJournal journal : workflow.unfinished()) {
                out.printf("%s  %-14s  %s  %s%n", journal.id(), journal.stage(), journal.title(),
                        journal.lastError().orElse(""));
            }
            return 0;
        }
        if (rollBack != null) {
            workflow.rollBack(rollBack);
            out.println("Publish " + rollBack + " was undone.");
            return 0;
        }
        PublishListener listener = new Progress(out);
        PublishResult result;
        if (resume != null) {
            result = workflow.resume(resume, listener);
        } else {
            if (path == null || title == null || license == null || price == null) {
                throw new IllegalArgumentException("Give PATH, --title, --license and --price (or --resume ID).");
            }
            List<PublishRequest.ContributorShare> shares = contributors.stream().map(PublishCommand::share).toList();
            result = workflow.publish(new PublishRequest(path, title, description, tags, license,
                    TokenAmounts.parse(price), Optional.ofNullable(preview), shares,
                    Duration.ofSeconds(Math.round(deliveryWindowHours * 3600))), listener);
        }
        out.printf("Listed as listing %d%n", result.listingId());
        out.printf("Content CID:  %s%nMetadata CID: %s%nTransaction:  %s%n", result.contentCid(), result.metadataCid(),
                result.txHash());
        return 0;
    }

    private static PublishRequest.ContributorShare share(String text) {
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("A contributor is ADDRESS=BPS, e.g. 0xabc…=1000 for 10%: " + text);
        }
        return new PublishRequest.ContributorShare(text.substring(0, equals).strip(),
                Integer.parseInt(text.substring(equals + 1).strip()));
    }

    /** Prints each step once when it starts and when it ends, with the throughput of byte-moving steps. */
    private static final class Progress implements PublishListener {
        private final PrintWriter out;
        private PublishStep current;
        private double lastSpeed;

        Progress(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onProgress(PublishStep step, double fraction, double bytesPerSecond) {
            if (step != current) {
                current = step;
                out.println(step.label() + "…");
                out.flush();
            }
            lastSpeed = bytesPerSecond;
        }

        @Override
        public void onStepCompleted(PublishStep step) {
            out.println("  done" + (lastSpeed > 0 ? String.format(" (%.1f MB/s)", lastSpeed / 1e6) : ""));
            out.flush();
            lastSpeed = 0;
        }
    }
}
