package org.datagora.contracts;

import java.util.Objects;

/**
 * Where the Datagora contracts live on one chain: the entry the app reads from the networks file.
 *
 * @param chainId         the chain's EIP-155 id
 * @param token           the ERC-20 prices, rewards and stakes are paid in
 * @param marketplace     the DataMarketplace contract
 * @param labeling        the LabelingBounties contract
 * @param treasury        where protocol fees and slashed stakes go
 * @param deployer        the account that sent the deployment transactions
 * @param deployedAtBlock the block of the first deployment transaction, where event scans can start
 */
public record NetworkAddresses(long chainId, String token, String marketplace, String labeling, String treasury,
                               String deployer, long deployedAtBlock) {

    /** Checks that every address is present, so a half-written entry never reaches the app. */
    public NetworkAddresses {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(marketplace, "marketplace");
        Objects.requireNonNull(labeling, "labeling");
        Objects.requireNonNull(treasury, "treasury");
        Objects.requireNonNull(deployer, "deployer");
        if (chainId <= 0) {
            throw new IllegalArgumentException("chain id must be positive, not " + chainId);
        }
    }
}
