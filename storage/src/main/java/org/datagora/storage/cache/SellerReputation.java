package org.datagora.storage.cache;

/** The facts a seller's reputation is computed from, gathered from their sales and the flags raised. */
public record SellerReputation(
        String seller,
        long sales,
        long deliveries,
        long refunds,
        double meanDeliverySeconds,
        long ratings,
        double meanRating,
        long flags) {
}
