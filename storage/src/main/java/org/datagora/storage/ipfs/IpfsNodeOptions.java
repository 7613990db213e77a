package org.datagora.storage.ipfs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the local js-ipfs node.
 *
 * @param repoDir the node's repository (IPFS_PATH); created on first start, reused afterwards
 * @param apiPort the RPC API port; 0 picks a free one at every start
 * @param gatewayPort the read-only gateway port; 0 picks a free one at every start
 * @param startTimeout how long to wait for the node to answer before giving up
 * @param stopTimeout how long a polite stop may take before the process is killed
 */
public record IpfsNodeOptions(Path repoDir, int apiPort, int gatewayPort, Duration startTimeout,
                              Duration stopTimeout) {

    public IpfsNodeOptions {
        Objects.requireNonNull(repoDir, "repoDir");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
    }

    /** A node kept in {@code repoDir} on free ports, with timeouts that suit a busy two-core machine. */
    public static IpfsNodeOptions inRepo(Path repoDir) {
        return new IpfsNodeOptions(repoDir, 0, 0, Duration.ofSeconds(90), Duration.ofSeconds(15));
    }

    /** The same options with fixed ports (0 keeps picking free ones). */
    public IpfsNodeOptions withPorts(int api, int gateway) {
        return new IpfsNodeOptions(repoDir, api, gateway, startTimeout, stopTimeout);
    }

    /** The same options with another start timeout. */
    public IpfsNodeOptions withStartTimeout(Duration timeout) {
        return new IpfsNodeOptions(repoDir, apiPort, gatewayPort, timeout, stopTimeout);
    }
}
