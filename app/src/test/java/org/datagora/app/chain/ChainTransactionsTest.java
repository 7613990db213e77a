package org.datagora.app.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.datagora.contracts.RevertDecoder;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.devnet.FreePort;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Every way a transaction can fail, against a real anvil node, and the sentence the user gets for each. */
class ChainTransactionsTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);

    private static AnvilNode node;
    private static ChainTransactions transactions;
    private static TokenService token;
    private static Credentials admin;

    @BeforeAll
    static void deployToken() throws Exception {
        node = AnvilNode.startEphemeral();
        admin = node.devAccount(0);
        DatagoraToken deployed = DatagoraToken.deploy(node.web3j(), node.transactionManager(admin), node.gasProvider(),
                admin.getAddress()).send();
        transactions = transactions(node.web3j(), node.rpcUrl().toString(), Duration.ofSeconds(20));
        token = new TokenService(transactions, deployed.getContractAddress());
        token.mint(admin, admin.getAddress(), DGT.multiply(BigInteger.valueOf(1_000)));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static ChainTransactions transactions(Web3j web3j, String endpoint, Duration timeout) {
        return new ChainTransactions(web3j, AnvilNode.CHAIN_ID, endpoint, RevertDecoder.forDatagoraContracts(), timeout,
                Duration.ofMillis(50));
    }

    private static Credentials freshAccount() throws Exception {
        return Credentials.create(Keys.createEcKeyPair());
    }

    @Test
    void transferMovesExactlyTheAmountWithEip1559FeesFromTheNode() throws Exception {
        String recipient = freshAccount().getAddress();
        BigInteger before = token.balanceOf(admin.getAddress());
        FeeEstimate fees = transactions.estimate(admin.getAddress(), token.transferRequest(recipient, DGT));
        BigInteger baseFee = node.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getBaseFeePerGas();

        var receipt = token.transfer(admin, recipient, DGT.multiply(BigInteger.valueOf(5)));

        assertThat(receipt.isStatusOK()).isTrue();
        assertThat(token.balanceOf(recipient)).isEqualTo(DGT.multiply(BigInteger.valueOf(5)));
        assertThat(token.balanceOf(admin.getAddress())).isEqualTo(before.subtract(DGT.multiply(BigInteger.valueOf(5))));
        assertThat(fees.maxPriorityFeePerGas()).isPositive();
        assertThat(fees.maxFeePerGas()).isGreaterThanOrEqualTo(baseFee.add(fees.maxPriorityFeePerGas()));
        assertThat(receipt.getGasUsed()).isLessThan(fees.gasLimit());
        assertThat(receipt.getType()).isEqualTo("0x2");
    }

    @Test
    void anAccountWithoutEnoughEthForGasGetsTheFeeSentence() throws Exception {
        Credentials poor = freshAccount();
        token.transfer(admin, poor.getAddress(), DGT.multiply(BigInteger.TEN));
        setBalance(poor.getAddress(), BigInteger.valueOf(4096));

        assertThatThrownBy(() -> token.transfer(poor, admin.getAddress(), DGT.multiply(BigInteger.valueOf(5))))
                .isInstanceOf(InsufficientGasFundsException.class)
                .hasMessageMatching("Sending 5 DGT needs about 0\\.0\\d+ ETH for fees; you have 0\\.000000000000004096 ETH\\. "
                        + "Add ETH to 0x[0-9a-fA-F]{40} and try again\\.");
        assertThat(token.balanceOf(poor.getAddress())).isEqualTo(DGT.multiply(BigInteger.TEN));
    }

    @Test
    void sendingMoreTokensThanHeldGetsTheBalanceSentenceBeforeAndAfterTheNodeIsAsked() throws Exception {
        Credentials holder = freshAccount();
        setBalance(holder.getAddress(), DGT);
        token.transfer(admin, holder.getAddress(), DGT.multiply(BigInteger.TWO));

        assertThatThrownBy(() -> token.transfer(holder, admin.getAddress(), DGT.multiply(BigInteger.valueOf(3))))
                .isInstanceOf(InsufficientTokenBalanceException.class)
                .hasMessage("You have 2 DGT but this needs 3 DGT. Get more DGT or enter a smaller amount.");
        // Without the check up front, the contract's ERC20InsufficientBalance error says the same.
        assertThatThrownBy(() -> transactions.send(holder, token.transferRequest(admin.getAddress(), DGT.multiply(BigInteger.valueOf(3)))))
                .isInstanceOf(InsufficientTokenBalanceException.class)
                .hasMessage("You have 2 DGT but this needs 3 DGT. Get more DGT or enter a smaller amount.");
    }

    @Test
    void aRevertNamesTheContractsCustomError() throws Exception {
        Credentials stranger = freshAccount();
        setBalance(stranger.getAddress(), DGT);

        assertThatThrownBy(() -> token.mint(stranger, stranger.getAddress(), DGT))
                .isInstanceOfSatisfying(TransactionRevertedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("AccessControlUnauthorizedAccount");
                    assertThat(e.feeSpent()).isFalse();
                })
                .hasMessageStartingWith("The contract refused minting 1 test DGT with the error AccessControlUnauthorizedAccount(account="
                        + stranger.getAddress().toLowerCase())
                .hasMessageEndingWith(". Nothing was sent.");
    }

    @Test
    void aTransactionMinedAsRevertedStillNamesItsErrorAndSaysTheFeeWasSpent() throws Exception {
        Credentials stranger = freshAccount();
        setBalance(stranger.getAddress(), DGT);
        // A fixed gas limit skips the estimate that would catch the revert before sending.
        TransactionRequest mint = TransactionRequest.call(token.address(), org.web3j.abi.FunctionEncoder.encode(
                new org.web3j.abi.datatypes.Function("mint", List.of(new org.web3j.abi.datatypes.Address(stranger.getAddress()),
                        new org.web3j.abi.datatypes.generated.Uint256(DGT)), List.of())), "minting 1 test DGT");
        FeeEstimate fees = new FeeEstimate(BigInteger.valueOf(100_000), BigInteger.valueOf(10_000_000_000L),
                BigInteger.valueOf(1_000_000_000L));

        PendingTransaction pending = transactions.submit(stranger, mint, fees);

        assertThatThrownBy(() -> transactions.await(pending))
                .isInstanceOfSatisfying(TransactionRevertedException.class, e -> {
                    assertThat(e.errorName()).isEqualTo("AccessControlUnauthorizedAccount");
                    assertThat(e.feeSpent()).isTrue();
                })
                .hasMessageEndingWith("The fee for the attempt was spent; nothing else changed.");
    }

    @Test
    void anRpcEndpointThatDoesNotAnswerIsNamed() {
        String endpoint = "http://127.0.0.1:" + FreePort.pick();
        ChainTransactions offline = transactions(Web3j.build(new HttpService(endpoint)), endpoint, Duration.ofSeconds(5));

        assertThatThrownBy(() -> offline.ethBalance(admin.getAddress()))
                .isInstanceOf(RpcUnavailableException.class)
                .hasMessage("The chain's RPC endpoint at " + endpoint + " is not answering. Check that the node is "
                        + "running and reachable, or choose another network in Settings.");
    }

    @Test
    void aStuckTransactionIsReportedAndSpeedingItUpGetsItMinedOnce() throws Exception {
        String recipient = freshAccount().getAddress();
        ChainTransactions impatient = transactions(node.web3j(), node.rpcUrl().toString(), Duration.ofSeconds(1));
        TokenService slowToken = new TokenService(impatient, token.address());
        node.setAutomine(false);
        try {
            TransactionStuckException stuck = org.junit.jupiter.api.Assertions.assertThrows(TransactionStuckException.class,
                    () -> slowToken.transfer(admin, recipient, DGT));
            assertThat(stuck).hasMessage("Your transaction for sending 1 DGT was not confirmed within 1 seconds. "
                    + "It may still go through; speed it up to re-send it with higher fees.");

            PendingTransaction faster = impatient.resubmit(admin, stuck.pending());
            assertThat(faster.nonce()).isEqualTo(stuck.pending().nonce());
            assertThat(faster.fees().maxFeePerGas()).isGreaterThan(stuck.pending().fees().maxFeePerGas());
            node.mine();

            assertThat(impatient.await(faster).getTransactionHash()).isEqualTo(faster.hash());
            assertThat(node.web3j().ethGetTransactionReceipt(stuck.pending().hash()).send().getTransactionReceipt()).isEmpty();
            assertThat(token.balanceOf(recipient)).isEqualTo(DGT);
        } finally {
            node.setAutomine(true);
        }
    }

    @Test
    void aTransactionReplacedByAnotherWithTheSameNonceIsReported() throws Exception {
        Credentials sender = freshAccount();
        setBalance(sender.getAddress(), DGT);
        token.transfer(admin, sender.getAddress(), DGT.multiply(BigInteger.TEN));
        node.setAutomine(false);
        try {
            TransactionRequest request = token.transferRequest(admin.getAddress(), DGT);
            PendingTransaction ours = transactions.submit(sender, request, transactions.estimate(sender.getAddress(), request));
            // Another wallet app holding the same key sends something else with the same nonce and higher fees.
            FeeEstimate higher = ours.fees().bumped(50);
            RawTransaction other = RawTransaction.createTransaction(AnvilNode.CHAIN_ID, ours.nonce(), BigInteger.valueOf(21_000),
                    sender.getAddress(), BigInteger.ONE, "0x", higher.maxPriorityFeePerGas(), higher.maxFeePerGas());
            String otherHash = node.web3j().ethSendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(other, sender)))
                    .send().getTransactionHash();
            node.mine();

            assertThatThrownBy(() -> transactions.await(ours))
                    .isInstanceOf(TransactionReplacedException.class)
                    .hasMessageStartingWith("Your transaction for sending 1 DGT was replaced by another transaction "
                            + "from the same account (nonce " + ours.nonce() + ")");
            assertThat(node.web3j().ethGetTransactionReceipt(otherHash).send().getTransactionReceipt()).isPresent();
            assertThat(token.balanceOf(sender.getAddress())).isEqualTo(DGT.multiply(BigInteger.TEN));
        } finally {
            node.setAutomine(true);
        }
    }

    @Test
    void amountsParseWhatPeopleTypeAndFormatWithoutNoise() {
        assertThat(Amounts.parse(" 12.5 ")).isEqualTo(new BigInteger("12500000000000000000"));
        assertThat(Amounts.formatToken(new BigInteger("12500000000000000000"))).isEqualTo("12.5");
        assertThat(Amounts.formatToken(DGT.multiply(BigInteger.valueOf(1000)))).isEqualTo("1000");
        assertThat(Amounts.formatEth(new BigInteger("105123456789012"))).isEqualTo("0.000105123");
        assertThatThrownBy(() -> Amounts.parse("abc")).hasMessage("Enter the amount as a number, like 12 or 0.5.");
        assertThatThrownBy(() -> Amounts.parse("0")).hasMessage("Enter an amount greater than zero.");
        assertThatThrownBy(() -> Amounts.parse("0.0000000000000000001")).hasMessage("An amount can have at most 18 decimals.");
    }

    private static void setBalance(String address, BigInteger wei) throws Exception {
        HttpService http = new HttpService(node.rpcUrl().toString());
        var response = new Request<>("anvil_setBalance", List.of(address, Numeric.toHexStringWithPrefix(wei)), http,
                AnvilNode.RawResponse.class).send();
        assertThat(response.hasError()).isFalse();
    }
}
