package org.datagora.storage.ipfs;

import java.time.Duration;

/**
 * Timeouts and retry policy of an {@link IpfsClient}.
 *
 * @param connectTimeout how long to wait for a TCP connection
 * @param requestTimeout how long a short call (version, pin, stat) may take until its answer starts
 * @param contentTimeout how long the node may search for content it does not have before giving up (the
 *                       {@code timeout} parameter of cat and dag export; js-ipfs would wait forever)
 * @param maxAttempts how often an idempotent call is tried when the connection fails
 * @param initialBackoff the pause before the first retry; it doubles after every further failure
 */
public record IpfsClientOptions(Duration connectTimeout, Duration requestTimeout, Duration contentTimeout,
                                int maxAttempts, Duration initialBackoff) {

    public IpfsClientOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** Defaults for a node on this machine. */
    public static IpfsClientOptions defaults() {
        return new IpfsClientOptions(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(30), 4,
                Duration.ofMillis(200));
    }

    /** The same options with another content timeout. */
    public IpfsClientOptions withContentTimeout(Duration timeout) {
        return new IpfsClientOptions(connectTimeout, requestTimeout, timeout, maxAttempts, initialBackoff);
    }

    /** The same options with another retry policy. */
    public IpfsClientOptions withRetries(int attempts, Duration backoff) {
        return new IpfsClientOptions(connectTimeout, requestTimeout, contentTimeout, attempts, backoff);
    }
}
