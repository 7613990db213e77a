package org.datagora.app.chain;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** The marketplace's ERC-20 payment token (DGT): balances, transfers and, on development networks, minting. */
public final class TokenService {

    /** The token's symbol, as users see it. */
    public static final String SYMBOL = "DGT";

    private final ChainTransactions transactions;
    private final String tokenAddress;

    public TokenService(ChainTransactions transactions, String tokenAddress) {
        this.transactions = transactions;
        this.tokenAddress = tokenAddress;
    }

    /** The token contract's address. */
    public String address() {
        return tokenAddress;
    }

    /** The chain transactions this service sends through. */
    public ChainTransactions transactions() {
        return transactions;
    }

    /** The token balance of {@code owner}, in units of 18 decimals. */
    public BigInteger balanceOf(String owner) {
        Function balanceOf = new Function("balanceOf", List.of(new Address(owner)),
                List.of(new TypeReference<Uint256>() { }));
        String result = transactions.call(owner, tokenAddress, FunctionEncoder.encode(balanceOf),
                "reading the " + SYMBOL + " balance");
        List<Type> values = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
        if (values.isEmpty()) {
            throw new ChainException("The token contract at " + tokenAddress + " did not answer as an ERC-20 token. "
                    + "Check the networks file in Settings.");
        }
        return (BigInteger) values.get(0).getValue();
    }

    /** The transaction that sends {@code amount} to {@code recipient}. */
    public TransactionRequest transferRequest(String recipient, BigInteger amount) {
        Function transfer = new Function("transfer", List.of(new Address(recipient), new Uint256(amount)), List.of());
        return TransactionRequest.call(tokenAddress, FunctionEncoder.encode(transfer),
                "sending " + Amounts.formatToken(amount) + " " + SYMBOL);
    }

    /** Sends {@code amount} to {@code recipient} after checking the sender holds it. */
    public TransactionReceipt transfer(Credentials sender, String recipient, BigInteger amount) {
        requireBalance(sender.getAddress(), amount);
        return transactions.send(sender, transferRequest(recipient, amount));
    }

    /** Fails with {@link InsufficientTokenBalanceException} when {@code owner} holds less than {@code amount}. */
    public void requireBalance(String owner, BigInteger amount) {
        BigInteger balance = balanceOf(owner);
        if (balance.compareTo(amount) < 0) {
            throw new InsufficientTokenBalanceException(SYMBOL, amount, balance);
        }
    }

    /** Mints test tokens; only an account with the token's faucet role may. */
    public TransactionReceipt mint(Credentials minter, String recipient, BigInteger amount) {
        Function mint = new Function("mint", List.of(new Address(recipient), new Uint256(amount)), List.of());
        return transactions.send(minter, TransactionRequest.call(tokenAddress, FunctionEncoder.encode(mint),
                "minting " + Amounts.formatToken(amount) + " test " + SYMBOL));
    }
}
