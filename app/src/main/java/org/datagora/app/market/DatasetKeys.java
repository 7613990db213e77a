package org.datagora.app.market;

import java.util.Locale;

/** Where dataset keys live in the secret vault: the kind, and a reference naming the listing. */
final class DatasetKeys {

    static final String KIND = "DATASET_KEY";

    private DatasetKeys() {
    }

    /** The vault reference of the key of a listing on one marketplace of one chain. */
    static String listingRef(MarketChain chain, long listingId) {
        return "listing:" + chain.chainId() + ":" + chain.addresses().marketplace().toLowerCase(Locale.ROOT) + ":"
                + listingId;
    }
}
