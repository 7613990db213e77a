package org.datagora.app.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.datagora.contracts.RevertDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends transactions from the open wallet: estimates gas and EIP-1559 fees from the node, checks the
 * account can pay, signs locally, waits for the receipt, and turns every failure into a
 * {@link ChainException} with one sentence for the user (logged once here, with detail).
 */
public final class ChainTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(ChainTransactions.class);
    /** Gas estimates are exact for the state they ran on; 20% covers state that moves before mining. */
    private static final int GAS_MARGIN_PERCENT = 20;
    private static final int FEE_HISTORY_BLOCKS = 5;
    private static final BigInteger FALLBACK_TIP = BigInteger.valueOf(1_000_000_000L);
    /** Nodes refuse a replacement that pays less than 10% more; 25% also gets it mined sooner. */
    private static final int SPEED_UP_PERCENT = 25;

    private final Web3j web3j;
    private final long chainId;
    private final String endpoint;
    private final RevertDecoder revertDecoder;
    private final Duration receiptTimeout;
    private final Duration pollInterval;
    private final Object sending = new Object();

    /**
     * @param endpoint the RPC URL, named in messages when it does not answer
     * @param receiptTimeout how long to wait for a receipt before calling the transaction stuck
     * @param pollInterval how often to ask for the receipt
     */
    public ChainTransactions(Web3j web3j, long chainId, String endpoint, RevertDecoder revertDecoder,
                             Duration receiptTimeout, Duration pollInterval) {
        this.web3j = web3j;
        this.chainId = chainId;
        this.endpoint = endpoint;
        this.revertDecoder = revertDecoder;
        this.receiptTimeout = receiptTimeout;
        this.pollInterval = pollInterval;
    }

    /** The chain these transactions go to. */
    public long chainId() {
        return chainId;
    }

    /** The node client, for read-only calls. */
    public Web3j web3j() {
        return web3j;
    }

    /** The ETH balance of {@code address} in wei. */
    public BigInteger ethBalance(String address) {
        return rpc("reading the ETH balance", () -> checked(web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)
                .send()).getBalance());
    }

    /** Runs a read-only call and returns the raw result; a revert becomes a {@link TransactionRevertedException}. */
    public String call(String from, String to, String data, String description) {
        EthCall result = rpc(description, () -> web3j.ethCall(Transaction.createEthCallTransaction(from, to, data),
                DefaultBlockParameterName.LATEST).send());
        if (result.hasError() || result.isReverted()) {
            throw reverted(description, revertData(result), false, result.getError() == null ? result.getRevertReason()
                    : result.getError().getMessage());
        }
        return result.getValue();
    }

    /** Estimates gas (with a margin) and EIP-1559 fees for {@code request} sent by {@code from}. */
    public FeeEstimate estimate(String from, TransactionRequest request) {
        BigInteger gas = estimateGas(from, request);
        BigInteger gasLimit = gas.multiply(BigInteger.valueOf(100 + GAS_MARGIN_PERCENT)).divide(BigInteger.valueOf(100));
        return fees(gasLimit);
    }

    /**
     * Sends {@code request} signed by {@code sender} and waits for it to be mined.
     *
     * @throws ChainException with the user's sentence for each way it can fail
     */
    public TransactionReceipt send(Credentials sender, TransactionRequest request) {
        return await(submit(sender, request, estimate(sender.getAddress(), request)));
    }

    /**
     * Signs and hands {@code request} to the node with the given fees, without waiting for it to be mined.
     */
    public PendingTransaction submit(Credentials sender, TransactionRequest request, FeeEstimate fees) {
        synchronized (sending) {
            // The pending nonce counts this account's transactions still in the node's pool.
            BigInteger nonce = rpc(request.description(), () -> checked(web3j.ethGetTransactionCount(sender.getAddress(),
                    DefaultBlockParameterName.PENDING).send()).getTransactionCount());
            return signAndSend(sender, request, fees, nonce);
        }
    }

    /** Waits for {@code pending}'s receipt and checks that it succeeded. */
    public TransactionReceipt await(PendingTransaction pending) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = rpc(pending.request().description(),
                    () -> checked(web3j.ethGetTransactionReceipt(pending.hash()).send()).getTransactionReceipt());
            if (receipt.isPresent()) {
                return checkSucceeded(pending, receipt.get());
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            if (replacedByAnother(pending)) {
                throw replaced(pending);
            }
            pause();
        }
        if (replacedByAnother(pending)) {
            throw replaced(pending);
        }
        LOG.warn("Transaction {} (nonce {} of {}) for {} not mined within {}; offered max fee {} wei, tip {} wei",
                pending.hash(), pending.nonce(), pending.from(), pending.request().description(), receiptTimeout,
                pending.fees().maxFeePerGas(), pending.fees().maxPriorityFeePerGas());
        throw new TransactionStuckException(pending, receiptTimeout);
    }

    /**
     * Re-sends a stuck transaction with the same nonce and higher fees (at least 25% more, and at least
     * what the network asks now), then waits until one of the two is mined.
     */
    public TransactionReceipt speedUp(Credentials sender, PendingTransaction stuck) {
        PendingTransaction faster = resubmit(sender, stuck);
        try {
            return await(faster);
        } catch (TransactionReplacedException replacedByTheOriginal) {
            // The slower original may still have won the race for the nonce; then the user's intent is done.
            Optional<TransactionReceipt> original = rpc(stuck.request().description(),
                    () -> checked(web3j.ethGetTransactionReceipt(stuck.hash()).send()).getTransactionReceipt());
            if (original.isPresent()) {
                return checkSucceeded(stuck, original.get());
            }
            throw replacedByTheOriginal;
        }
    }

    /** Hands the node a copy of {@code stuck} with the same nonce and higher fees, without waiting. */
    public PendingTransaction resubmit(Credentials sender, PendingTransaction stuck) {
        FeeEstimate fees = stuck.fees().bumped(SPEED_UP_PERCENT).atLeast(fees(stuck.fees().gasLimit()));
        LOG.info("Speeding up {} (nonce {}): max fee {} -> {} wei", stuck.hash(), stuck.nonce(),
                stuck.fees().maxFeePerGas(), fees.maxFeePerGas());
        synchronized (sending) {
            return signAndSend(sender, stuck.request(), fees, stuck.nonce());
        }
    }

    private PendingTransaction signAndSend(Credentials sender, TransactionRequest request, FeeEstimate fees,
                                           BigInteger nonce) {
        BigInteger balance = ethBalance(sender.getAddress());
        BigInteger needed = fees.maxCost().add(request.value());
        if (balance.compareTo(needed) < 0) {
            LOG.warn("Stopped before {} from {}: it needs up to {} wei (gas {} at max fee {}), balance {} wei",
                    request.description(), sender.getAddress(), needed, fees.gasLimit(), fees.maxFeePerGas(), balance);
            throw new InsufficientGasFundsException(request.description(), sender.getAddress(), needed, balance);
        }
        RawTransaction raw = RawTransaction.createTransaction(chainId, nonce, fees.gasLimit(), request.to(),
                request.value(), request.data(), fees.maxPriorityFeePerGas(), fees.maxFeePerGas());
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, sender));
        EthSendTransaction sent = rpc(request.description(), () -> web3j.ethSendRawTransaction(signed).send());
        if (sent.hasError()) {
            throw sendRefused(sender.getAddress(), request, fees, balance, sent.getError());
        }
        LOG.info("Sent {} as {} (nonce {}, gas limit {}, max fee {} wei)", request.description(),
                sent.getTransactionHash(), nonce, fees.gasLimit(), fees.maxFeePerGas());
        return new PendingTransaction(sent.getTransactionHash(), sender.getAddress(), nonce, request, fees);
    }

    private BigInteger estimateGas(String from, TransactionRequest request) {
        Transaction call = new Transaction(from, null, null, null, request.to(), request.value(), request.data());
        EthEstimateGas estimate = rpc(request.description(), () -> web3j.ethEstimateGas(call).send());
        if (!estimate.hasError()) {
            return estimate.getAmountUsed();
        }
        String message = String.valueOf(estimate.getError().getMessage());
        if (message.toLowerCase(Locale.ROOT).contains("insufficient funds")) {
            BigInteger balance = ethBalance(from);
            LOG.warn("Estimating gas for {} from {} failed: {}", request.description(), from, message);
            throw new InsufficientGasFundsException(request.description(), from, request.value(), balance);
        }
        throw reverted(request.description(), errorData(estimate.getError()), false, message);
    }

    private FeeEstimate fees(BigInteger gasLimit) {
        EthFeeHistory.FeeHistory history = rpc("estimating fees", () -> checked(web3j.ethFeeHistory(FEE_HISTORY_BLOCKS,
                DefaultBlockParameterName.LATEST, List.of(50.0)).send()).getFeeHistory());
        List<BigInteger> baseFees = history.getBaseFeePerGas();
        // The last entry is the base fee of the next block, the one this transaction aims for.
        BigInteger nextBase = baseFees == null || baseFees.isEmpty() ? BigInteger.ZERO : baseFees.get(baseFees.size() - 1);
        BigInteger tip = medianTip(history);
        if (tip.signum() == 0) {
            tip = rpc("estimating fees", () -> {
                var answer = web3j.ethMaxPriorityFeePerGas().send();
                return answer.hasError() ? FALLBACK_TIP : answer.getMaxPriorityFeePerGas();
            });
        }
        // Twice the base fee keeps the transaction valid through six full blocks of base-fee increases.
        return new FeeEstimate(gasLimit, nextBase.multiply(BigInteger.TWO).add(tip), tip);
    }

    private static BigInteger medianTip(EthFeeHistory.FeeHistory history) {
        List<BigInteger> tips = new ArrayList<>();
        if (history.getReward() != null) {
            history.getReward().stream().filter(r -> r != null && !r.isEmpty()).map(r -> r.get(0))
                    .filter(Objects::nonNull).forEach(tips::add);
        }
        if (tips.isEmpty()) {
            return BigInteger.ZERO;
        }
        tips.sort(null);
        return tips.get(tips.size() / 2);
    }

    private TransactionReceipt checkSucceeded(PendingTransaction pending, TransactionReceipt receipt) {
        if (receipt.isStatusOK()) {
            LOG.info("{} mined in block {} ({} gas)", receipt.getTransactionHash(), receipt.getBlockNumber(),
                    receipt.getGasUsed());
            return receipt;
        }
        // A mined revert carries no data in the receipt: replay the call on the block's parent state.
        String data = "0x";
        try {
            EthCall replay = web3j.ethCall(new Transaction(pending.from(), null, null, pending.fees().gasLimit(),
                            pending.request().to(), pending.request().value(), pending.request().data()),
                    DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE))).send();
            data = revertData(replay);
        } catch (IOException e) {
            LOG.debug("Replaying reverted {} failed", receipt.getTransactionHash(), e);
        }
        throw reverted(pending.request().description(), data, true, "mined with status 0 in block "
                + receipt.getBlockNumber() + " as " + receipt.getTransactionHash());
    }

    private boolean replacedByAnother(PendingTransaction pending) {
        return rpc(pending.request().description(), () -> {
            // The node knows mined and pooled transactions alike; one it has forgotten lost its nonce to another.
            return checked(web3j.ethGetTransactionByHash(pending.hash()).send()).getTransaction().isEmpty();
        });
    }

    private TransactionReplacedException replaced(PendingTransaction pending) {
        LOG.warn("Transaction {} (nonce {} of {}) for {} was replaced by another transaction with the same nonce",
                pending.hash(), pending.nonce(), pending.from(), pending.request().description());
        return new TransactionReplacedException(pending);
    }

    private ChainException reverted(String description, String data, boolean feeSpent, String detail) {
        Optional<RevertDecoder.DecodedError> error = revertDecoder.decode(data);
        LOG.warn("{} reverted: {} (data {}, decoded {})", description, detail, data, error.map(RevertDecoder.DecodedError::describe)
                .orElse("unknown"));
        if (error.isPresent() && error.get().name().equals("ERC20InsufficientBalance") && error.get().arguments().size() == 3) {
            // ERC20InsufficientBalance(sender, balance, needed)
            return new InsufficientTokenBalanceException("DGT", (BigInteger) error.get().arguments().get(2),
                    (BigInteger) error.get().arguments().get(1));
        }
        return new TransactionRevertedException(description, error, feeSpent);
    }

    private ChainException sendRefused(String from, TransactionRequest request, FeeEstimate fees, BigInteger balance,
                                       Response.Error error) {
        String message = String.valueOf(error.getMessage());
        LOG.warn("The node refused {} from {}: {} (code {})", request.description(), from, message, error.getCode());
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("insufficient funds")) {
            return new InsufficientGasFundsException(request.description(), from, fees.maxCost().add(request.value()), balance);
        }
        if (lower.contains("nonce too low") || lower.contains("already known")) {
            return new ChainException("Another transaction from this account was sent at the same time. Wait for it "
                    + "to be confirmed, then try again.");
        }
        if (lower.contains("underpriced")) {
            return new ChainException("The network asks higher fees than offered for " + request.description()
                    + " right now. Try again in a moment.");
        }
        return new ChainException("The chain refused " + request.description() + ": " + message + ".");
    }

    private static String revertData(EthCall call) {
        if (call.getError() != null) {
            return errorData(call.getError());
        }
        return call.getValue() == null ? "0x" : call.getValue();
    }

    private static String errorData(Response.Error error) {
        Object data = error.getData();
        // web3j hands the data over as the raw JSON value, quotes included.
        return data == null ? "0x" : String.valueOf(data).replace("\"", "").trim();
    }

    private <T extends Response<?>> T checked(T response) {
        if (response.hasError()) {
            LOG.warn("The node at {} answered with error {}: {}", endpoint, response.getError().getCode(),
                    response.getError().getMessage());
            throw new ChainException("The chain's node at " + endpoint + " answered with an error: "
                    + response.getError().getMessage() + ". Try again; if it persists, check the node.");
        }
        return response;
    }

    private <T> T rpc(String what, RpcCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            LOG.warn("The RPC endpoint {} failed while {}", endpoint, what, e);
            throw new RpcUnavailableException(endpoint, e);
        }
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainException("Waiting for the transaction was interrupted; it may still be confirmed.", e);
        }
    }

    @FunctionalInterface
    private interface RpcCall<T> {
        T run() throws IOException;
    }
}
