package org.datagora.app.chain;

/** The chain's JSON-RPC endpoint does not answer. */
public final class RpcUnavailableException extends ChainException {

    public RpcUnavailableException(String endpoint, Throwable cause) {
        super("The chain's RPC endpoint at " + endpoint + " is not answering. Check that the node is running "
                + "and reachable, or choose another network in Settings.", cause);
    }
}
