package org.datagora.storage.cache;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Seller reputation inputs: deliveries, delivery time, refunds and ratings from purchases, plus flags. */
@RegisterConstructorMapper(SellerReputation.class)
public interface ReputationDao {
    @SqlQuery("SELECT CAST(:seller AS VARCHAR) AS seller,"
            + " (SELECT COUNT(*) FROM purchase WHERE seller = :seller) AS sales,"
            + " (SELECT COUNT(*) FROM purchase WHERE seller = :seller AND delivered_block IS NOT NULL) AS deliveries,"
            + " (SELECT COUNT(*) FROM purchase WHERE seller = :seller AND status = 'REFUNDED') AS refunds,"
            + " (SELECT COALESCE(AVG(CAST(delivered_time - purchased_time AS DOUBLE PRECISION)), 0) FROM purchase"
            + "   WHERE seller = :seller AND delivered_time IS NOT NULL) AS mean_delivery_seconds,"
            + " (SELECT COUNT(rating) FROM purchase WHERE seller = :seller) AS ratings,"
            + " (SELECT COALESCE(AVG(CAST(rating AS DOUBLE PRECISION)), 0) FROM purchase WHERE seller = :seller"
            + "   AND rating IS NOT NULL) AS mean_rating,"
            + " (SELECT COUNT(*) FROM listing_flag WHERE seller = :seller) AS flags")
    SellerReputation of(@Bind("seller") String seller);

    @SqlUpdate("MERGE INTO listing_flag (listing_id, flagger, seller, reason, flagged_block) KEY (listing_id, flagger)"
            + " VALUES (:listingId, :flagger, :seller, :reason, :block)")
    void flag(@Bind("listingId") long listingId, @Bind("flagger") String flagger, @Bind("seller") String seller,
            @Bind("reason") String reason, @Bind("block") long block);

    @SqlUpdate("DELETE FROM listing_flag WHERE listing_id = :listingId")
    int deleteFlags(@Bind("listingId") long listingId);
}
