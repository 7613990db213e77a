package org.datagora.storage.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cid.Cid;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * Creates many listings on a chain quickly, for tests and benchmarks: signs every list() transaction locally
 * with consecutive nonces, sends them in JSON-RPC batches without waiting, then has blocks mined until all
 * are in. With automine off on anvil this packs about 200 listings a block.
 */
public final class ListingPublisher {
    private static final int SEND_BATCH = 250;
    private static final int CHUNK = 1_000;
    private static final BigInteger GAS_LIMIT = BigInteger.valueOf(250_000);
    private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);

    /** One listing to create: its metadata CID, price and license. */
    public record Draft(String metadataCid, BigInteger price, int licenseId) {
    }

    private final Web3j web3j;
    private final long chainId;
    private final Credentials seller;
    private final String marketplace;
    private final DataMarketplace encoder;

    public ListingPublisher(Web3j web3j, long chainId, Credentials seller, String marketplace) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.seller = seller;
        this.marketplace = marketplace;
        this.encoder = DataMarketplace.load(marketplace, web3j,
                new ReadonlyTransactionManager(web3j, seller.getAddress()), new DefaultGasProvider());
    }

    /** Sends one list() transaction per draft; returns the nonce the account will have once all are mined. */
    public BigInteger send(List<Draft> drafts) throws IOException {
        BigInteger nonce = web3j.ethGetTransactionCount(seller.getAddress(), DefaultBlockParameterName.PENDING)
                .send().getTransactionCount();
        // Full blocks raise the base fee by 1/8 each: offer ten times today's, so a whole chunk gets in.
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getBaseFeePerGas();
        BigInteger maxFee = baseFee.multiply(BigInteger.TEN).add(TIP);
        List<String> signed = new ArrayList<>();
        for (Draft draft : drafts) {
            Cid metadata = Cid.parse(draft.metadataCid());
            String data = encoder.list(new DataMarketplace.ListingParams(
                    sha256("content:" + draft.metadataCid()), metadata.digest(), sha256("key:" + draft.metadataCid()),
                    draft.price(), BigInteger.valueOf(Cid.RAW), BigInteger.valueOf(metadata.codec()),
                    BigInteger.valueOf(draft.licenseId()), BigInteger.valueOf(86_400), BigInteger.ZERO, List.of()))
                    .encodeFunctionCall();
            RawTransaction tx = RawTransaction.createTransaction(chainId, nonce, GAS_LIMIT, marketplace,
                    BigInteger.ZERO, data, TIP, maxFee);
            signed.add(Numeric.toHexString(TransactionEncoder.signMessage(tx, chainId, seller)));
            nonce = nonce.add(BigInteger.ONE);
        }
        for (int start = 0; start < signed.size(); start += SEND_BATCH) {
            BatchRequest batch = web3j.newBatch();
            for (String tx : signed.subList(start, Math.min(signed.size(), start + SEND_BATCH))) {
                batch.add(web3j.ethSendRawTransaction(tx));
            }
            for (Response<?> response : batch.send().getResponses()) {
                if (response.hasError()) {
                    throw new IOException("The node refused a listing transaction: " + response.getError().getMessage());
                }
            }
        }
        return nonce;
    }

    /**
     * Sends the drafts a chunk at a time (a node's pool holds a few thousand transactions at most) and has
     * blocks mined after each chunk until it is in.
     */
    public void publish(List<Draft> drafts, Runnable mineBlock) throws IOException {
        for (int start = 0; start < drafts.size(); start += CHUNK) {
            BigInteger nonce = send(drafts.subList(start, Math.min(drafts.size(), start + CHUNK)));
            mineUntil(nonce, mineBlock);
        }
    }

    /** Calls {@code mineBlock} until the seller's transactions up to {@code nonce} are all mined. */
    public void mineUntil(BigInteger nonce, Runnable mineBlock) throws IOException {
        BigInteger last = BigInteger.valueOf(-1);
        int stalled = 0;
        while (true) {
            BigInteger mined = web3j.ethGetTransactionCount(seller.getAddress(), DefaultBlockParameterName.LATEST)
                    .send().getTransactionCount();
            if (mined.compareTo(nonce) >= 0) {
                return;
            }
            stalled = mined.equals(last) ? stalled + 1 : 0;
            if (stalled > 5) {
                throw new IOException("The node dropped listing transactions: nonce " + mined + " of " + nonce
                        + " is mined and no block takes more.");
            }
            last = mined;
            mineBlock.run();
        }
    }

    /** The JSON metadata document of a generated listing. */
    public static byte[] metadataJson(String title, String description, List<String> tags) {
        StringBuilder json = new StringBuilder("{\"title\":\"").append(escape(title)).append("\",\"description\":\"")
                .append(escape(description)).append("\",\"tags\":[");
        for (int i = 0; i < tags.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(escape(tags.get(i))).append('"');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
