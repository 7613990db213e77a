package org.datagora.app.cli.market;

import java.io.PrintWriter;
import org.datagora.app.market.DeliveryReport;
import picocli.CommandLine.Command;

/** {@code datagora deliver}: runs the key delivery agent once for the wallet's listings. */
@Command(name = "deliver", mixinStandardHelpOptions = true,
        description = "Delivers the dataset keys of every pending purchase of the wallet's listings.")
public final class DeliverCommand extends MarketCommand {

    @Override
    int run(MarketSession session, PrintWriter out) {
        DeliveryReport report = session.agent().deliverPending();
        for (Long purchaseId : report.delivered()) {
            out.printf("Delivered the key of purchase %d%n", purchaseId);
        }
        report.failed().forEach(out::println);
        out.printf("%d delivered, %d failed, %d still pending%n", report.delivered().size(), report.failed().size(),
                report.pending());
        return report.failed().isEmpty() ? 0 : 1;
    }
}
