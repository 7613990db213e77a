package org.datagora.app.cli.market;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.datagora.app.market.DownloadResult;
import org.datagora.app.market.DownloadStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datagora download}: fetches, verifies and decrypts a delivered purchase into a folder. */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Downloads a delivered purchase, checks its CID and key commitment, and decrypts it.")
public final class DownloadCommand extends MarketCommand {

    @Parameters(index = "0", paramLabel = "PURCHASE_ID", description = "The purchase to download.")
    long purchaseId;

    @Option(names = "--to", paramLabel = "DIR", required = true, description = "The folder to decrypt into.")
    Path target;

    @Override
    int run(MarketSession session, PrintWriter out) {
        DownloadStep[] shown = {null};
        DownloadResult result = session.downloads().download(purchaseId, target, (step, fraction, speed) -> {
            if (step != shown[0]) {
                shown[0] = step;
                out.println(step.label() + "…");
                out.flush();
            }
        });
        out.printf("Downloaded and verified %d files into %s%n", result.files().size(), result.folder());
        result.files().forEach(f -> out.printf("  %s  %d bytes  sha256 %s%n", f.path(), f.size(), f.sha256()));
        return 0;
    }
}
