package org.datagora.app.network;

import java.math.BigInteger;
import java.util.Optional;

/**
 * What the status bar shows about the networks the app uses, read at one moment.
 *
 * @param chainId the chain's id, empty while the chain does not answer
 * @param blockHeight the latest block, empty while the chain does not answer
 * @param account the active account's address, empty when no wallet is open
 * @param contentStore what kind of content store it is, as the status bar names it ("IPFS", "Embedded store")
 * @param ipfs the content store's state
 * @param detail a short sentence for a tooltip: what is wrong, or the versions when all is well
 */
public record NetworkStatus(Optional<Long> chainId, Optional<BigInteger> blockHeight, Optional<String> account,
                            String contentStore, ContentStoreState ipfs, String detail) {

    /** Before the first reading. */
    public static NetworkStatus starting() {
        return new NetworkStatus(Optional.empty(), Optional.empty(), Optional.empty(), "Content store",
                ContentStoreState.STARTING,
                "Starting the local network");
    }

    /** Whether the chain answered. */
    public boolean chainOnline() {
        return chainId.isPresent();
    }

    /** The states of the content store (an IPFS node or the embedded store). */
    public enum ContentStoreState {
        STARTING("starting"), ONLINE("online"), OFFLINE("offline");

        private final String label;

        ContentStoreState(String label) {
            this.label = label;
        }

        /** The word the status bar shows. */
        public String label() {
            return label;
        }
    }
}
