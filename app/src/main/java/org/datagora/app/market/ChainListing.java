package org.datagora.app.market;

import java.math.BigInteger;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cid.Cid;
import org.web3j.utils.Numeric;

/**
 * A listing as the marketplace contract holds it, with its CIDs rebuilt from (codec, digest).
 *
 * @param status 1 active, 2 paused, 3 delisted (the contract's ListingStatus)
 */
public record ChainListing(long listingId, String seller, BigInteger price, String contentCid, String metadataCid,
                           String keyCommitment, int licenseId, long deliveryWindowSeconds, int status) {

    /** Reads listing {@code listingId} from the chain. */
    static ChainListing read(MarketChain chain, long listingId) {
        DataMarketplace.Listing l = chain.call(() -> chain.marketplace().getListing(BigInteger.valueOf(listingId)).send(),
                "read listing " + listingId);
        return new ChainListing(listingId, l.seller, l.price, cid(l.contentCodec, l.contentDigest),
                cid(l.metadataCodec, l.metadataDigest), Numeric.toHexString(l.keyCommitment), l.licenseId.intValue(),
                l.deliveryWindow.longValue(), l.status.intValue());
    }

    static String cid(BigInteger codec, byte[] digest) {
        return Cid.v1(codec.intValueExact(), digest).toString();
    }

    public boolean active() {
        return status == 1;
    }
}
