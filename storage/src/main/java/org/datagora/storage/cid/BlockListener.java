package org.datagora.storage.cid;

/** Receives every block of a UnixFS DAG while it is computed, leaves first, the root last. */
@FunctionalInterface
public interface BlockListener {

    /** Does nothing: for callers that only want the CID. */
    BlockListener NONE = (cid, bytes, offset, length) -> { };

    /** The bytes are only valid during the call; copy them to keep them. */
    void onBlock(Cid cid, byte[] bytes, int offset, int length);
}
