package org.datagora.app.sandbox;

import org.datagora.storage.ipfs.IpfsNode;

/** Where the local sandbox keeps dataset bytes. */
public enum ContentStoreMode {
    /** A js-ipfs node as a child process, speaking the Kubo RPC API like a node in the field. */
    IPFS_NODE,
    /** Blocks in the sandbox directory: the same CIDs and CAR files, no extra process, no Node.js. */
    EMBEDDED;

    /**
     * The IPFS node when js-ipfs is installed (a checkout of the project), the embedded store otherwise
     * (the installed app, which ships no Node.js).
     */
    public static ContentStoreMode automatic() {
        return IpfsNode.jsipfsLocator().find().isPresent() ? IPFS_NODE : EMBEDDED;
    }
}
