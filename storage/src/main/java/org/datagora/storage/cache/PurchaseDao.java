package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Purchases (as buyer) and sales (as seller) of listings. */
@RegisterConstructorMapper(Purchase.class)
public interface PurchaseDao {
    String COLUMNS = "purchase_id, listing_id, buyer, seller, price, status, buyer_public_key, deadline, wrapped_key,"
            + " key_mismatch, purchased_block, purchased_time, delivered_block, delivered_time, refunded_block, rating";

    @SqlUpdate("MERGE INTO purchase (purchase_id, listing_id, buyer, seller, price, status, buyer_public_key, deadline,"
            + " purchased_block, purchased_time, updated_block) KEY (purchase_id) VALUES (:id, :listingId, :buyer,"
            + " :seller, :price, 'ESCROWED', :publicKey, :deadline, :block, :time, :block)")
    void insertEscrowed(@Bind("id") long purchaseId, @Bind("listingId") long listingId, @Bind("buyer") String buyer,
            @Bind("seller") String seller, @Bind("price") BigInteger price, @Bind("publicKey") byte[] buyerPublicKey,
            @Bind("deadline") long deadline, @Bind("block") long block, @Bind("time") long time);

    /** A purchase paid into escrow, for callers that do not have the buyer's key and deadline at hand. */
    @SqlUpdate("MERGE INTO purchase (purchase_id, listing_id, buyer, seller, price, status, purchased_block,"
            + " purchased_time, updated_block) KEY (purchase_id) VALUES (:id, :listingId, :buyer, :seller, :price,"
            + " 'ESCROWED', :block, :time, :block)")
    void insert(@Bind("id") long purchaseId, @Bind("listingId") long listingId, @Bind("buyer") String buyer,
            @Bind("seller") String seller, @Bind("price") BigInteger price, @Bind("block") long block,
            @Bind("time") long time);

    @SqlUpdate("UPDATE purchase SET status = 'DELIVERED', wrapped_key = :wrappedKey, delivered_block = :block,"
            + " delivered_time = :time, updated_block = :block WHERE purchase_id = :id")
    int markDelivered(@Bind("id") long purchaseId, @Bind("wrappedKey") byte[] wrappedKey, @Bind("block") long block,
            @Bind("time") long time);

    @SqlUpdate("UPDATE purchase SET status = 'REFUNDED', refunded_block = :block, updated_block = :block"
            + " WHERE purchase_id = :id")
    int markRefunded(@Bind("id") long purchaseId, @Bind("block") long block);

    @SqlUpdate("UPDATE purchase SET rating = :rating, updated_block = :block WHERE purchase_id = :id")
    int rate(@Bind("id") long purchaseId, @Bind("rating") int rating, @Bind("block") long block);

    @SqlUpdate("UPDATE purchase SET key_mismatch = TRUE, updated_block = :block WHERE purchase_id = :id")
    int flagKeyMismatch(@Bind("id") long purchaseId, @Bind("block") long block);

    @SqlQuery("SELECT listing_id FROM purchase WHERE purchase_id = :id")
    Optional<Long> listingOf(@Bind("id") long purchaseId);

    @SqlQuery("SELECT " + COLUMNS + " FROM purchase WHERE purchase_id = :id")
    Optional<Purchase> find(@Bind("id") long purchaseId);

    @SqlQuery("SELECT " + COLUMNS + " FROM purchase WHERE buyer = :buyer ORDER BY purchased_block DESC, purchase_id DESC")
    List<Purchase> purchasesOf(@Bind("buyer") String buyer);

    @SqlQuery("SELECT purchase_id, listing_id, buyer, seller, price, status, buyer_public_key, deadline,"
            + " NULL AS wrapped_key, key_mismatch, purchased_block, purchased_time, delivered_block, delivered_time,"
            + " refunded_block, rating FROM sale"
            + " WHERE seller = :seller ORDER BY purchased_block DESC, purchase_id DESC")
    List<Purchase> salesOf(@Bind("seller") String seller);

    @SqlUpdate("DELETE FROM purchase WHERE listing_id = :listingId")
    int deleteByListing(@Bind("listingId") long listingId);
}
