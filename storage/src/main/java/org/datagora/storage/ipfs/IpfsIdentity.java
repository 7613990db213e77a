package org.datagora.storage.ipfs;

import java.util.List;

/**
 * An IPFS node's identity.
 *
 * @param peerId the node's peer id
 * @param agentVersion e.g. js-ipfs/0.18.1 or kubo/0.30.0
 * @param addresses the multiaddresses it listens on
 */
public record IpfsIdentity(String peerId, String agentVersion, List<String> addresses) {
}
