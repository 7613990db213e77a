package org.datagora.app.chain;

import java.math.BigInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * The local sandbox's faucet: mints test DGT from the development account that holds the token's faucet
 * role, and tops up ETH for gas from another development account. Only ever wired on the local network.
 */
public final class Faucet {

    /** The DGT one faucet press gives. */
    public static final BigInteger TOKENS = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(1_000));
    /** The ETH sent for gas when the account runs low. */
    public static final BigInteger GAS_ETH = BigInteger.TEN.pow(18);

    private static final Logger LOG = LoggerFactory.getLogger(Faucet.class);

    private final TokenService token;
    private final Credentials minter;
    private final Credentials gasSource;

    /**
     * @param minter holds the token's FAUCET_ROLE (development account 0 on the sandbox)
     * @param gasSource a funded development account that pays out ETH for gas
     */
    public Faucet(TokenService token, Credentials minter, Credentials gasSource) {
        this.token = token;
        this.minter = minter;
        this.gasSource = gasSource;
    }

    /** Gives {@code recipient} test tokens and, when it has less than half of {@link #GAS_ETH}, ETH for gas. */
    public void drip(String recipient) {
        ChainTransactions transactions = token.transactions();
        if (transactions.ethBalance(recipient).compareTo(GAS_ETH.divide(BigInteger.TWO)) < 0) {
            transactions.send(gasSource, TransactionRequest.ether(recipient, GAS_ETH, "sending test ETH for fees"));
        }
        token.mint(minter, recipient, TOKENS);
        LOG.info("Faucet gave {} {} {} and ETH for fees as needed", recipient, Amounts.formatToken(TOKENS), TokenService.SYMBOL);
    }
}
