package org.datagora.storage.ipfs;

/**
 * The outcome of adding bytes to IPFS.
 *
 * @param cid the root CID, CIDv1 in base32
 * @param size the size the node reports for the DAG (cumulative size; more than the payload for big files)
 */
public record AddResult(String cid, long size) {
}
