package org.datagora.storage.indexer;

import java.time.Duration;
import java.util.function.IntFunction;
import org.datagora.contracts.NetworkAddresses;

/**
 * Where and how the indexer reads the chain: the contracts, the first block to scan, how many blocks one
 * eth_getLogs call starts with and may grow to, how often to poll, and how long to back off at most.
 */
public record IndexerConfig(
        long chainId,
        String marketplace,
        String labeling,
        long startBlock,
        int initialRange,
        int maxRange,
        Duration pollInterval,
        Duration maxBackoff,
        int metadataBatch,
        IntFunction<String> licenseName) {

    public IndexerConfig {
        if (initialRange < 1 || maxRange < initialRange) {
            throw new IllegalArgumentException("The block range must be at least 1 and at most maxRange.");
        }
        marketplace = marketplace.toLowerCase();
        labeling = labeling.toLowerCase();
    }

    /**
     * Defaults for a network: ranges from 500 up to 10,000 blocks, a poll every 2 s, back-off up to 60 s;
     * license ids are named "license-N" until {@link #withLicenseNames} gives the app's table.
     */
    public static IndexerConfig forNetwork(NetworkAddresses network) {
        return new IndexerConfig(network.chainId(), network.marketplace(), network.labeling(),
                network.deployedAtBlock(), 500, 10_000, Duration.ofSeconds(2), Duration.ofSeconds(60), 200,
                id -> "license-" + id);
    }

    /** How a listing's on-chain license id becomes the name the cache stores and searches by. */
    public IndexerConfig withLicenseNames(IntFunction<String> value) {
        return new IndexerConfig(chainId, marketplace, labeling, startBlock, initialRange, maxRange, pollInterval,
                maxBackoff, metadataBatch, value);
    }

    public IndexerConfig withPollInterval(Duration value) {
        return new IndexerConfig(chainId, marketplace, labeling, startBlock, initialRange, maxRange, value, maxBackoff,
                metadataBatch, licenseName);
    }

    public IndexerConfig withMaxBackoff(Duration value) {
        return new IndexerConfig(chainId, marketplace, labeling, startBlock, initialRange, maxRange, pollInterval, value,
                metadataBatch, licenseName);
    }

    public IndexerConfig withRanges(int initial, int max) {
        return new IndexerConfig(chainId, marketplace, labeling, startBlock, initial, max, pollInterval, maxBackoff,
                metadataBatch, licenseName);
    }

    /** What the cursor remembers, so a cache filled from other contracts is never taken for this one. */
    String contractsKey() {
        return chainId + ":" + marketplace + ":" + labeling;
    }
}
