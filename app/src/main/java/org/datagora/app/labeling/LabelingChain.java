package org.datagora.app.labeling;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.datagora.contracts.RevertDecoder;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.contracts.generated.LabelingBounties;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * One account's view of LabelingBounties and its token: transactions signed by that account, reads,
 * event scans from the deployment block, chain time, and every revert turned into a {@link LabelingException}
 * that names the contract's error.
 */
public final class LabelingChain {

    private final Web3j web3j;
    private final TransactionManager transactions;
    private final ContractGasProvider gas;
    private final String labelingAddress;
    private final long fromBlock;
    private final LabelingBounties labeling;
    private final DatagoraToken token;
    private final RevertDecoder reverts = RevertDecoder.forDatagoraContracts();

    /**
     * @param web3j           the chain
     * @param transactions    signs as the account this view acts for
     * @param gas             fees and gas limits for its transactions
     * @param labelingAddress the LabelingBounties contract
     * @param tokenAddress    the token rewards and stakes are paid in
     * @param fromBlock       where event scans start (the deployment block)
     */
    public LabelingChain(Web3j web3j, TransactionManager transactions, ContractGasProvider gas,
                         String labelingAddress, String tokenAddress, long fromBlock) {
        this.web3j = Objects.requireNonNull(web3j, "web3j");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.gas = Objects.requireNonNull(gas, "gas");
        this.labelingAddress = Objects.requireNonNull(labelingAddress, "labelingAddress");
        this.fromBlock = fromBlock;
        this.labeling = LabelingBounties.load(labelingAddress, web3j, transactions, gas);
        this.token = DatagoraToken.load(tokenAddress, web3j, transactions, gas);
    }

    /** The account this view signs as, in lower case. */
    public String account() {
        return transactions.getFromAddress().toLowerCase();
    }

    /** The labeling contract, bound to this account. */
    public LabelingBounties labeling() {
        return labeling;
    }

    /** The token, bound to this account. */
    public DatagoraToken token() {
        return token;
    }

    public Web3j web3j() {
        return web3j;
    }

    /** Runs a chain call; a revert or an unreachable node becomes one clear sentence about {@code what}. */
    public <T> T call(String what, Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            String reason = reverts.decode(e).map(RevertDecoder.DecodedError::describe)
                    .orElse(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw new LabelingException("Could not " + what + ": " + reason, e);
        }
    }

    /** The timestamp of the latest block: the clock the contract's windows follow. */
    public long now() {
        return call("read the chain's time", () -> web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
                .send().getBlock().getTimestamp().longValueExact());
    }

    /** The token balance of {@code address}. */
    public BigInteger balanceOf(String address) {
        return call("read a token balance", () -> token.balanceOf(address).send());
    }

    /** Approves the labeling contract for at least {@code amount} of this account's tokens. */
    public void ensureAllowance(BigInteger amount) {
        if (amount.signum() == 0) {
            return;
        }
        BigInteger current = call("read the token allowance", () -> token.allowance(account(), labelingAddress).send());
        if (current.compareTo(amount) < 0) {
            BigInteger balance = balanceOf(account());
            if (balance.compareTo(amount) < 0) {
                throw new LabelingException("This needs " + amount + " tokens but the account " + account()
                        + " holds " + balance);
            }
            call("approve the labeling contract", () -> token.approve(labelingAddress, amount).send());
        }
    }

    /** The logs of {@code event} emitted by the labeling contract, filtered by indexed topics (null = any). */
    public List<Log> logs(Event event, String... topics) {
        return logsOf(labelingAddress, event, topics);
    }

    /** The logs of {@code event} emitted by the token, filtered by indexed topics (null = any). */
    public List<Log> tokenLogs(Event event, String... topics) {
        return logsOf(token.getContractAddress(), event, topics);
    }

    private List<Log> logsOf(String address, Event event, String... topics) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameterName.LATEST, address);
        filter.addSingleTopic(EventEncoder.encode(event));
        for (String topic : topics) {
            if (topic == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(topic);
            }
        }
        EthLog result = call("read events", () -> web3j.ethGetLogs(filter).send());
        if (result.hasError()) {
            throw new LabelingException("Could not read events: " + result.getError().getMessage());
        }
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> entry : result.getLogs()) {
            logs.add((Log) entry.get());
        }
        return logs;
    }

    /** The timestamp of block {@code number}. */
    public long blockTime(BigInteger number) {
        return call("read a block", () -> web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(number), false)
                .send().getBlock().getTimestamp().longValueExact());
    }

    /** The input data of a mined transaction. */
    public byte[] transactionInput(String hash) {
        Transaction tx = call("read a transaction", () -> web3j.ethGetTransactionByHash(hash).send().getTransaction()
                .orElseThrow(() -> new IOException("transaction " + hash + " is unknown")));
        return Numeric.hexStringToByteArray(tx.getInput());
    }

    /**
     * Sends {@code data} to {@code to} and waits for its receipt. Used for ABI calls followed by extra bytes
     * the contract ignores (see docs/decisions/0005-labeling-task-keys.md).
     */
    public TransactionReceipt sendRaw(String what, String to, byte[] data) {
        return call(what, () -> {
            String hex = Numeric.toHexString(data);
            String hash;
            if (gas instanceof ContractEIP1559GasProvider eip1559 && eip1559.isEIP1559Enabled()) {
                hash = transactions.sendEIP1559Transaction(eip1559.getChainId(), eip1559.getMaxPriorityFeePerGas(""),
                        eip1559.getMaxFeePerGas(""), gas.getGasLimit(""), to, hex, BigInteger.ZERO).getTransactionHash();
            } else {
                hash = transactions.sendTransaction(gas.getGasPrice(""), gas.getGasLimit(""), to, hex, BigInteger.ZERO)
                        .getTransactionHash();
            }
            if (hash == null) {
                throw new IOException("the node refused the transaction");
            }
            TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 25, 4_000)
                    .waitForTransactionReceipt(hash);
            if (!receipt.isStatusOK()) {
                String revert = web3j.ethCall(org.web3j.protocol.core.methods.request.Transaction
                                .createEthCallTransaction(account(), to, hex),
                        DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE))).send().getRevertReason();
                throw new IOException("the transaction reverted " + (revert == null ? "" : revert));
            }
            return receipt;
        });
    }

    /** Concatenates byte arrays. */
    static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }

    /** An address as a 32-byte log topic. */
    static String topic(String address) {
        return Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(address), 64);
    }

    /** A uint256 as a 32-byte log topic. */
    static String topic(BigInteger value) {
        return Numeric.toHexStringWithPrefixZeroPadded(value, 64);
    }
}
