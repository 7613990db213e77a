package org.datagora.app.market;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.RevertDecoder;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.DatagoraToken;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.utils.Numeric;

/**
 * The marketplace's chain as the services use it: read-only contract bindings, transactions signed
 * locally and sent raw (so a signed transaction can be journaled and sent again identically), receipts,
 * block times and logs, and contract reverts turned into one clear sentence.
 */
public final class MarketChain {

    private static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);
    private static final Duration RECEIPT_POLL = Duration.ofMillis(50);

    /** What users are told for the contract errors they can cause; others get the decoded name. */
    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("ERC20InsufficientBalance", "the wallet holds too little DGT for it. Get more DGT and try again."),
            Map.entry("ERC20InsufficientAllowance", "the marketplace was not allowed to take that much DGT. Try again."),
            Map.entry("PriceAboveMaximum", "the seller raised the price above what you accepted. Check the new price."),
            Map.entry("ListingNotActive", "the listing is paused or withdrawn."),
            Map.entry("ListingNotFound", "there is no such listing."),
            Map.entry("PurchaseNotFound", "there is no such purchase."),
            Map.entry("NotBuyer", "only the buyer's wallet may do this; open that wallet."),
            Map.entry("NotSeller", "only the seller's wallet may do this; open that wallet."),
            Map.entry("NotAuthorizedDeliverer", "only the seller or their delivery agent may deliver the key."),
            Map.entry("PurchaseNotEscrowed", "the purchase was already delivered or refunded."),
            Map.entry("PurchaseNotDelivered", "the key has not been delivered yet."),
            Map.entry("DeliveryDeadlinePassed", "the delivery deadline has passed; only a refund remains."),
            Map.entry("DeadlineNotReached", "the delivery deadline has not passed yet; wait for it."),
            Map.entry("AlreadyRated", "the purchase was already rated."),
            Map.entry("AlreadyFlagged", "the mismatch was already reported."),
            Map.entry("InvalidRating", "a rating is 1 to 5 stars."),
            Map.entry("InvalidContributors", "contributors need valid addresses and shares that add up to at most 100%."),
            Map.entry("InvalidDeliveryWindow", "the delivery window must be between 10 minutes and 30 days."),
            Map.entry("ERC2612ExpiredSignature", "the permit expired before the transaction was mined. Try again."),
            Map.entry("ERC2612InvalidSigner", "the permit signature was not made by the buying wallet."));

    private final Web3j web3j;
    private final NetworkAddresses addresses;
    private final RevertDecoder revertDecoder = RevertDecoder.forDatagoraContracts();
    private final Duration receiptTimeout;

    /** The chain behind {@code web3j}, with the contracts at {@code addresses}; waits up to 2 minutes per receipt. */
    public MarketChain(Web3j web3j, NetworkAddresses addresses) {
        this(web3j, addresses, Duration.ofMinutes(2));
    }

    public MarketChain(Web3j web3j, NetworkAddresses addresses, Duration receiptTimeout) {
        this.web3j = web3j;
        this.addresses = addresses;
        this.receiptTimeout = receiptTimeout;
    }

    public Web3j web3j() {
        return web3j;
    }

    public NetworkAddresses addresses() {
        return addresses;
    }

    public long chainId() {
        return addresses.chainId();
    }

    /** The marketplace for calls (views); transactions go through {@link #send}. */
    public DataMarketplace marketplace() {
        return DataMarketplace.load(addresses.marketplace(), web3j,
                new ReadonlyTransactionManager(web3j, addresses.deployer()), new DefaultGasProvider());
    }

    /** The payment token for calls. */
    public DatagoraToken token() {
        return DatagoraToken.load(addresses.token(), web3j,
                new ReadonlyTransactionManager(web3j, addresses.deployer()), new DefaultGasProvider());
    }

    /** The DGT balance of {@code address}. */
    public BigInteger tokenBalance(String address) {
        return call(() -> token().balanceOf(address).send(), "read the DGT balance");
    }

    /** The ETH balance of {@code address}, which pays for gas. */
    public BigInteger etherBalance(String address) {
        return call(() -> web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance(),
                "read the ETH balance");
    }

    /**
     * Signs a call of {@code data} on {@code to}: the gas is estimated first, so a call that would revert
     * fails here, before anything is sent, with the contract's reason.
     *
     * @param action what the call does, in words that finish "Could not ...", for the error sentence
     */
    public SignedTransaction sign(Credentials from, String to, String data, String action) {
        try {
            BigInteger nonce = web3j.ethGetTransactionCount(from.getAddress(), DefaultBlockParameterName.PENDING)
                    .send().getTransactionCount();
            EthEstimateGas estimate = web3j.ethEstimateGas(
                    Transaction.createEthCallTransaction(from.getAddress(), to, data)).send();
            if (estimate.hasError()) {
                throw failure(action, estimate.getError().getMessage(), estimate.getError().getData());
            }
            BigInteger gasLimit = estimate.getAmountUsed().multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5))
                    .add(BigInteger.valueOf(10_000));
            EthBlock.Block latest = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
            BigInteger baseFee = latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
            BigInteger maxFee = baseFee.shiftLeft(1).add(DEFAULT_TIP);
            BigInteger needed = gasLimit.multiply(maxFee);
            if (etherBalance(from.getAddress()).compareTo(needed) < 0) {
                throw new InsufficientFundsException("Could not " + action + ": the wallet " + from.getAddress()
                        + " holds too little ETH to pay for gas. Fund it with ETH and try again.");
            }
            RawTransaction raw = RawTransaction.createTransaction(chainId(), nonce, gasLimit, to, BigInteger.ZERO, data,
                    DEFAULT_TIP, maxFee);
            String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId(), from));
            return new SignedTransaction(from.getAddress(), nonce, Hash.sha3(signed), signed);
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /**
     * Sends a signed transaction (again, if it was sent before: the chain includes it at most once) and
     * waits for its receipt; a reverted transaction fails with the contract's reason.
     */
    public TransactionReceipt sendAndWait(SignedTransaction tx, String action) {
        Optional<TransactionReceipt> known = receipt(tx.hash());
        if (known.isPresent()) {
            return checked(known.get(), tx, action);
        }
        try {
            EthSendTransaction sent = web3j.ethSendRawTransaction(tx.raw()).send();
            if (sent.hasError()) {
                String message = sent.getError().getMessage().toLowerCase(Locale.ROOT);
                // "Already known" means this very transaction waits in the pool; "nonce too low" that it, or
                // another transaction with its nonce, was mined meanwhile: the receipt tells which.
                if (!message.contains("already") && !message.contains("nonce too low") && !message.contains("known")) {
                    throw failure(action, sent.getError().getMessage(), sent.getError().getData());
                }
                if (message.contains("nonce too low") && receipt(tx.hash()).isEmpty()) {
                    throw new TransactionFailedException("Could not " + action + ": another transaction of the wallet "
                            + tx.from() + " used its place (nonce " + tx.nonce() + "). Try again.");
                }
            }
        } catch (IOException e) {
            throw unavailable(e);
        }
        return checked(waitForReceipt(tx.hash(), action), tx, action);
    }

    /** Signs, sends and waits: one transaction from {@code from}. */
    public TransactionReceipt send(Credentials from, String to, String data, String action) {
        return sendAndWait(sign(from, to, data, action), action);
    }

    /** The receipt of a mined transaction, empty while it is pending or unknown. */
    public Optional<TransactionReceipt> receipt(String txHash) {
        try {
            return web3j.ethGetTransactionReceipt(txHash).send().getTransactionReceipt();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** Whether the node knows the transaction at all (mined or waiting in its pool). */
    public boolean isKnown(String txHash) {
        try {
            return web3j.ethGetTransactionByHash(txHash).send().getTransaction().isPresent();
        } catch (IOException e) {
            throw unavailable(e);
        }
    }

    /** The sender's next nonce counting only mined transactions. */
    public BigInteger minedNonce(String address) {
        return call(() -> web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST).send()
                .getTransactionCount(), "read the wallet's nonce");
    }

    private TransactionReceipt waitForReceipt(String txHash, String action) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TransactionReceipt> receipt = receipt(txHash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            try {
                Thread.sleep(RECEIPT_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransactionFailedException("Stopped waiting to " + action + "; transaction " + txHash
                        + " may still be mined.", e);
            }
        }
        throw new TransactionFailedException("The transaction to " + action + " (" + txHash + ") was not mined within "
                + receiptTimeout.toSeconds() + " seconds. It may still be; the app looks for it again on restart.");
    }

    private TransactionReceipt checked(TransactionReceipt receipt, SignedTransaction tx, String action) {
        if (receipt.isStatusOK()) {
            return receipt;
        }
        // Replay the call at the block before to learn the revert data the receipt does not carry.
        String reason = receipt.getRevertReason();
        try {
            Transaction call = Transaction.createEthCallTransaction(tx.from(), receipt.getTo(), txInput(tx.hash()));
            EthCall replay = web3j.ethCall(call, DefaultBlockParameter.valueOf(
                    receipt.getBlockNumber().subtract(BigInteger.ONE))).send();
            if (replay.hasError()) {
                throw failure(action, replay.getError().getMessage(), replay.getError().getData());
            }
            reason = reason != null ? reason : replay.getRevertReason();
        } catch (IOException e) {
            throw unavailable(e);
        }
        throw new TransactionFailedException("Could not " + action + ": the transaction " + receipt.getTransactionHash()
                + " reverted" + (reason == null ? "." : " (" + reason + ")."));
    }

    private String txInput(String hash) throws IOException {
        return web3j.ethGetTransactionByHash(hash).send().getTransaction().map(t -> t.getInput()).orElse("0x");
    }

    /** A failure reported by the node for {@code action}, with the contract's custom error decoded. */
    MarketException failure(String action, String message, String data) {
        Optional<RevertDecoder.DecodedError> decoded = revertDecoder.decode(data)
                .or(() -> revertDecoder.decode(new IllegalStateException(message)));
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (decoded.isEmpty() && (lower.contains("insufficient funds") || lower.contains("gas required exceeds"))) {
            return new InsufficientFundsException("Could not " + action
                    + ": the wallet holds too little ETH to pay for gas. Fund it and try again.");
        }
        if (decoded.isEmpty()) {
            return new TransactionFailedException("Could not " + action + ": the chain refused the transaction ("
                    + message + ").");
        }
        RevertDecoder.DecodedError error = decoded.get();
        String sentence = SENTENCES.get(error.name());
        String text = "Could not " + action + ": "
                + (sentence != null ? sentence : "the contract refused it with " + error.describe() + ".");
        if (error.name().equals("ERC20InsufficientBalance")) {
            return new InsufficientFundsException(text);
        }
        if (error.name().equals("DeadlineNotReached")) {
            return new NotRefundableYetException(text);
        }
        return new TransactionFailedException(text, error.name(), null);
    }

    /** The latest block number. */
    public long latestBlock() {
        return call(() -> web3j.ethBlockNumber().send().getBlockNumber().longValueExact(), "read the block height");
    }

    /** The timestamp (seconds) of a block. */
    public long blockTime(long blockNumber) {
        return call(() -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(blockNumber)),
                false).send().getBlock().getTimestamp().longValueExact(), "read a block");
    }

    /** The timestamp (seconds) of the latest block: the chain's idea of now. */
    public long latestTime() {
        return call(() -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact(), "read the latest block");
    }

    /** The marketplace's logs in [from, to] whose first topics match ({@code null} matches anything). */
    public List<Log> marketplaceLogs(long from, long to, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), addresses.marketplace());
        for (String topic : topics) {
            if (topic == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(topic);
            }
        }
        return call(() -> {
            EthLog result = web3j.ethGetLogs(filter).send();
            if (result.hasError()) {
                throw new IOException(result.getError().getMessage());
            }
            return result.getLogs().stream().map(r -> (Log) r.get()).toList();
        }, "read marketplace events");
    }

    /** Runs a chain read, turning a failed connection into a clear sentence. */
    <T> T call(ChainCall<T> read, String action) {
        try {
            return read.run();
        } catch (IOException e) {
            throw unavailable(e);
        } catch (MarketException e) {
            throw e;
        } catch (Exception e) {
            Optional<RevertDecoder.DecodedError> decoded = revertDecoder.decode(e);
            throw decoded.map(d -> failure(action, e.getMessage(), "0x"))
                    .orElseGet(() -> new ChainUnavailableException("Could not " + action + ": " + e.getMessage(), e));
        }
    }

    private ChainUnavailableException unavailable(IOException e) {
        return new ChainUnavailableException("The chain's RPC endpoint does not answer (" + e.getMessage()
                + "). Check the network settings or start the local sandbox, then try again.", e);
    }

    /** A read from the chain. */
    @FunctionalInterface
    interface ChainCall<T> {
        T run() throws Exception;
    }
}
