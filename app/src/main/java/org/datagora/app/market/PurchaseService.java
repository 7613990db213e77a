package org.datagora.app.market;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.storage.cache.Purchase;
import org.datagora.storage.cache.PurchaseDao;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The buyer's side of the escrow: a quote of price and fee for the confirmation, buying with approve or
 * with a permit (the buyer's X25519 delivery key, derived from the wallet, goes on chain with the
 * purchase), refunds after the deadline, ratings and key-mismatch reports, each recorded in the cache.
 */
public final class PurchaseService {

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseService.class);
    private static final long PERMIT_LIFETIME_SECONDS = 3600;

    private final MarketChain chain;
    private final MarketCache cache;
    private final Credentials buyer;

    public PurchaseService(MarketChain chain, MarketCache cache, Credentials buyer) {
        this.chain = chain;
        this.cache = cache;
        this.buyer = buyer;
    }

    /** Price, fee and split of a purchase of {@code listingId} now, and whether the wallet can pay it. */
    public PurchaseQuote quote(long listingId) {
        ChainListing listing = ChainListing.read(chain, listingId);
        if (listing.seller() == null || listing.status() == 0) {
            throw new MarketException("There is no listing " + listingId + " on this network.");
        }
        if (!listing.active()) {
            throw new MarketException("Listing " + listingId + " is paused or withdrawn and cannot be bought now.");
        }
        DataMarketplace marketplace = chain.marketplace();
        BigInteger feeBps = chain.call(() -> marketplace.feeBps().send(), "read the marketplace fee");
        var split = chain.call(() -> marketplace.quote(BigInteger.valueOf(listingId), listing.price(), feeBps).send(),
                "quote listing " + listingId);
        return new PurchaseQuote(listingId, listing.price(), feeBps.intValue(), split.component1(), split.component2(),
                split.component3(), chain.tokenBalance(buyer.getAddress()), listing.deliveryWindowSeconds());
    }

    /**
     * Buys {@code listingId} for at most {@code maxPrice} (the price the user confirmed; a price raised
     * meanwhile makes the purchase fail instead of paying more).
     *
     * @throws InsufficientFundsException when the wallet holds less DGT than the price, or too little ETH for gas
     */
    public PurchaseResult buy(long listingId, BigInteger maxPrice, PaymentMethod method) {
        PurchaseQuote quote = quote(listingId);
        if (quote.price().compareTo(maxPrice) > 0) {
            throw new TransactionFailedException("The price of listing " + listingId + " is now "
                    + TokenAmounts.format(quote.price()) + ", above the " + TokenAmounts.format(maxPrice)
                    + " you accepted. Check the new price and buy again.", "PriceAboveMaximum", null);
        }
        if (!quote.affordable()) {
            throw new InsufficientFundsException("Buying listing " + listingId + " costs "
                    + TokenAmounts.format(quote.price()) + " but the wallet holds only "
                    + TokenAmounts.format(quote.buyerBalance()) + ". Get more DGT and try again.");
        }
        byte[] deliveryKey;
        try (var scope = new KeyScope(BuyerKeyPair.fromWalletPrivateKey(buyer.getEcKeyPair().getPrivateKey()))) {
            deliveryKey = scope.pair().publicKey();
        }
        String marketplaceAddress = chain.addresses().marketplace();
        DataMarketplace marketplace = chain.marketplace();
        String action = "buy listing " + listingId;
        String data;
        if (method == PaymentMethod.PERMIT) {
            DatagoraToken token = chain.token();
            byte[] domain = chain.call(() -> token.DOMAIN_SEPARATOR().send(), "read the token's permit domain");
            BigInteger nonce = chain.call(() -> token.nonces(buyer.getAddress()).send(), "read the permit nonce");
            BigInteger deadline = BigInteger.valueOf(chain.latestTime() + PERMIT_LIFETIME_SECONDS);
            Sign.SignatureData signature = Permits.sign(buyer, domain, marketplaceAddress, quote.price(), nonce, deadline);
            data = marketplace.buyWithPermit(BigInteger.valueOf(listingId), deliveryKey, maxPrice, quote.price(),
                    deadline, BigInteger.valueOf(Byte.toUnsignedInt(signature.getV()[0])), signature.getR(),
                    signature.getS()).encodeFunctionCall();
        } else {
            BigInteger allowance = chain.call(() -> chain.token().allowance(buyer.getAddress(), marketplaceAddress)
                    .send(), "read the allowance");
            if (allowance.compareTo(quote.price()) < 0) {
                chain.send(buyer, chain.addresses().token(),
                        chain.token().approve(marketplaceAddress, quote.price()).encodeFunctionCall(),
                        "allow the marketplace to take " + TokenAmounts.format(quote.price()));
            }
            data = marketplace.buy(BigInteger.valueOf(listingId), deliveryKey, maxPrice).encodeFunctionCall();
        }
        TransactionReceipt receipt = chain.send(buyer, marketplaceAddress, data, action);
        DataMarketplace.PurchasedEventResponse purchased = DataMarketplace.getPurchasedEvents(receipt).stream()
                .findFirst().orElseThrow(() -> new TransactionFailedException("The buy transaction "
                        + receipt.getTransactionHash() + " was mined but recorded no purchase."));
        long block = receipt.getBlockNumber().longValueExact();
        long purchaseId = purchased.purchaseId.longValueExact();
        ChainListing listing = ChainListing.read(chain, listingId);
        cache.recordPurchase(purchaseId, listingId, buyer.getAddress(), listing.seller(), purchased.price,
                purchased.buyerPublicKey, purchased.deadline.longValueExact(), block,
                chain.blockTime(block));
        LOG.info("Bought listing {} as purchase {} for {} ({})", listingId, purchaseId, purchased.price, method);
        return new PurchaseResult(purchaseId, listingId, purchased.price, purchased.deadline.longValueExact(),
                receipt.getTransactionHash());
    }

    /** The purchase as the contract holds it, checked to be this wallet's. */
    DataMarketplace.Purchase ownPurchase(long purchaseId) {
        DataMarketplace.Purchase purchase = chain.call(() -> chain.marketplace()
                .getPurchase(BigInteger.valueOf(purchaseId)).send(), "read purchase " + purchaseId);
        if (purchase.status.signum() == 0) {
            throw new MarketException("There is no purchase " + purchaseId + " on this network.");
        }
        if (!purchase.buyer.equalsIgnoreCase(buyer.getAddress())) {
            throw new WrongWalletException("Purchase " + purchaseId + " was made by " + purchase.buyer + ", not by the "
                    + "open wallet " + buyer.getAddress() + ". Open the buyer's wallet.");
        }
        return purchase;
    }

    /**
     * Takes the escrow back when the seller did not deliver by the deadline.
     *
     * @throws NotRefundableYetException before the deadline, saying when it passes
     */
    public void refund(long purchaseId) {
        DataMarketplace.Purchase purchase = ownPurchase(purchaseId);
        if (purchase.status.intValue() != 1) {
            throw new MarketException("Purchase " + purchaseId + " was already "
                    + (purchase.status.intValue() == 2 ? "delivered" : "refunded") + "; there is nothing to refund.");
        }
        long now = chain.latestTime();
        if (now <= purchase.deadline.longValue()) {
            throw new NotRefundableYetException("The seller has until " + Instant.ofEpochSecond(
                    purchase.deadline.longValue()) + " to deliver the key of purchase " + purchaseId
                    + "; a refund is possible after that.");
        }
        TransactionReceipt receipt = chain.send(buyer, chain.addresses().marketplace(),
                chain.marketplace().refund(BigInteger.valueOf(purchaseId)).encodeFunctionCall(),
                "refund purchase " + purchaseId);
        cache.recordRefund(purchaseId, receipt.getBlockNumber().longValueExact());
    }

    /** Rates a delivered purchase, 1 to 5 stars, once. */
    public void rate(long purchaseId, int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5 stars.");
        }
        DataMarketplace.Purchase purchase = ownPurchase(purchaseId);
        TransactionReceipt receipt = chain.send(buyer, chain.addresses().marketplace(),
                chain.marketplace().rate(BigInteger.valueOf(purchaseId), BigInteger.valueOf(stars)).encodeFunctionCall(),
                "rate purchase " + purchaseId);
        cache.recordRating(purchaseId, purchase.listingId.longValueExact(), stars,
                receipt.getBlockNumber().longValueExact());
    }

    /** Reports on chain that the delivered key does not match the listing's key commitment. */
    public void flagKeyMismatch(long purchaseId) {
        ownPurchase(purchaseId);
        chain.send(buyer, chain.addresses().marketplace(),
                chain.marketplace().flagKeyMismatch(BigInteger.valueOf(purchaseId)).encodeFunctionCall(),
                "report the key mismatch of purchase " + purchaseId);
    }

    /** This wallet's purchases from the cache, newest first. */
    public List<Purchase> purchases() {
        return cache.database().dao(PurchaseDao.class).purchasesOf(MarketCache.lower(buyer.getAddress()));
    }

    /** Destroys the derived key pair when the block ends. */
    private record KeyScope(BuyerKeyPair pair) implements AutoCloseable {
        @Override
        public void close() {
            pair.destroy();
        }
    }
}
