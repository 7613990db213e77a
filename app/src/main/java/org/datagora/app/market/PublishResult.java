package org.datagora.app.market;

/**
 * A published listing.
 *
 * @param publishId     the journal id of the publish
 * @param listingId     the listing's id in the marketplace contract
 * @param contentCid    CID of the encrypted dataset
 * @param metadataCid   CID of the metadata document
 * @param keyCommitment hex of the key commitment
 * @param txHash        the list transaction
 */
public record PublishResult(String publishId, long listingId, String contentCid, String metadataCid,
                            String keyCommitment, String txHash) {
}
