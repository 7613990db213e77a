package org.datagora.storage.ipfs;

/** The node could not find the content of a CID in time (it has no peers, so it does not have it). */
public class IpfsContentNotFoundException extends IpfsProtocolException {

    private final String cid;

    public IpfsContentNotFoundException(String cid, int statusCode, String nodeMessage) {
        super("The IPFS node does not have the content " + cid + " (it is offline, so nobody else can"
                + " provide it). Import or add it first.", statusCode, nodeMessage);
        this.cid = cid;
    }

    /** The CID that was asked for. */
    public String cid() {
        return cid;
    }
}
