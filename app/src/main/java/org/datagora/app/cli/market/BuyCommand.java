package org.datagora.app.cli.market;

import java.io.PrintWriter;
import java.time.Instant;
import org.datagora.app.market.PaymentMethod;
import org.datagora.app.market.PurchaseQuote;
import org.datagora.app.market.PurchaseResult;
import org.datagora.app.market.TokenAmounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datagora buy}: pays a listing's price into escrow, with approve + buy or a permit. */
@Command(name = "buy", mixinStandardHelpOptions = true,
        description = "Buys a listing: the price is held in escrow until the seller delivers the key.")
public final class BuyCommand extends MarketCommand {

    @Parameters(index = "0", paramLabel = "LISTING_ID", description = "The listing to buy.")
    long listingId;

    @Option(names = "--permit", description = "Pay with an EIP-2612 permit: one transaction instead of two.")
    boolean permit;

    @Option(names = "--max-price", paramLabel = "DGT",
            description = "The most you accept to pay (default: the price shown now).")
    String maxPrice;

    @Override
    int run(MarketSession session, PrintWriter out) {
        PurchaseQuote quote = session.purchases().quote(listingId);
        out.println(quote.describe());
        out.flush();
        PurchaseResult result = session.purchases().buy(listingId,
                maxPrice == null ? quote.price() : TokenAmounts.parse(maxPrice),
                permit ? PaymentMethod.PERMIT : PaymentMethod.APPROVE);
        out.printf("Purchase %d: paid %s into escrow; the seller must deliver the key by %s.%n", result.purchaseId(),
                TokenAmounts.format(result.price()), Instant.ofEpochSecond(result.deadline()));
        out.printf("Transaction: %s%n", result.txHash());
        return 0;
    }
}
