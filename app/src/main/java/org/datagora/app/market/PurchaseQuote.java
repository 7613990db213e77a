package org.datagora.app.market;

import java.math.BigInteger;
import java.util.List;

/**
 * What buying a listing costs and where the money goes, for the confirmation before paying.
 *
 * @param listingId          the listing
 * @param price              what the buyer pays (held in escrow until the key arrives)
 * @param feeBps             the protocol fee in basis points
 * @param fee                the fee the treasury gets on delivery
 * @param contributorAmounts what each contributor gets on delivery
 * @param sellerAmount       what the seller gets on delivery
 * @param buyerBalance       the buyer's DGT balance now
 * @param deliveryWindowSeconds how long the seller has to deliver before the buyer may take the money back
 */
public record PurchaseQuote(long listingId, BigInteger price, int feeBps, BigInteger fee,
                            List<BigInteger> contributorAmounts, BigInteger sellerAmount, BigInteger buyerBalance,
                            long deliveryWindowSeconds) {

    public PurchaseQuote {
        contributorAmounts = List.copyOf(contributorAmounts);
    }

    /** Whether the buyer holds enough DGT. */
    public boolean affordable() {
        return buyerBalance.compareTo(price) >= 0;
    }

    /** The confirmation sentence. */
    public String describe() {
        return "Pay " + TokenAmounts.format(price) + " for listing " + listingId + " (of which "
                + TokenAmounts.format(fee) + " is the " + (feeBps / 100.0) + "% marketplace fee). The money stays in "
                + "escrow until the seller delivers the key, or returns to you if they do not within "
                + (deliveryWindowSeconds / 3600.0) + " hours.";
    }
}
