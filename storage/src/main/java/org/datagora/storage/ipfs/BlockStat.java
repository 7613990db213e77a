package org.datagora.storage.ipfs;

/**
 * One block as the node stores it.
 *
 * @param cid the block's CID, CIDv1 in base32
 * @param size the block's size in bytes
 */
public record BlockStat(String cid, long size) {
}
