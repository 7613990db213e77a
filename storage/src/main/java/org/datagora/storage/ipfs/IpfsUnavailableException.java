package org.datagora.storage.ipfs;

import java.net.URI;

/** The IPFS node cannot be reached at all (connection refused, no answer in time). */
public class IpfsUnavailableException extends IpfsException {

    private final URI apiUrl;

    public IpfsUnavailableException(URI apiUrl, String message, Throwable cause) {
        super(message, cause);
        this.apiUrl = apiUrl;
    }

    /** The standard failure when nothing answers at {@code apiUrl}. */
    static IpfsUnavailableException notAnswering(URI apiUrl, Throwable cause) {
        return new IpfsUnavailableException(apiUrl, "The IPFS node at " + apiUrl
                + " is not answering. Start it or check the URL in Settings.", cause);
    }

    /** The RPC API address that did not answer. */
    public URI apiUrl() {
        return apiUrl;
    }
}
