package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Reads and writes listings; the indexer is the only writer of their chain-derived columns. */
@RegisterConstructorMapper(Listing.class)
public interface ListingDao {
    String COLUMNS = "listing_id, seller, content_cid, metadata_cid, key_commitment, price, license,"
            + " delivery_window, status, version, previous_listing_id, created_block, created_time, updated_block, title,"
            + " description, tags, metadata_state, rating_count, rating_sum";

    /**
     * A new listing as the indexer sees it in a Listed event; its version is one more than the previous
     * version's, if that one is known.
     */
    @SqlUpdate("MERGE INTO listing (listing_id, seller, content_cid, metadata_cid, key_commitment, price, license,"
            + " delivery_window, status, version, previous_listing_id, created_block, created_time, updated_block,"
            + " metadata_state) KEY (listing_id) VALUES (:listingId, :seller, :contentCid, :metadataCid,"
            + " :keyCommitment, :price, :license, :deliveryWindow, 'ACTIVE',"
            + " COALESCE((SELECT p.version + 1 FROM listing p WHERE p.listing_id = :previousListingId), 1),"
            + " :previousListingId, :block, :time, :block, 'PENDING')")
    void insertListed(@Bind("listingId") long listingId, @Bind("seller") String seller,
            @Bind("contentCid") String contentCid, @Bind("metadataCid") String metadataCid,
            @Bind("keyCommitment") String keyCommitment, @Bind("price") BigInteger price,
            @Bind("license") String license, @Bind("deliveryWindow") long deliveryWindow,
            @Bind("previousListingId") Long previousListingId, @Bind("block") long block, @Bind("time") long time);

    /** A new listing with its version given, for callers that do not know its delivery window. */
    @SqlUpdate("MERGE INTO listing (listing_id, seller, content_cid, metadata_cid, key_commitment, price, license,"
            + " status, version, previous_listing_id, created_block, created_time, updated_block, metadata_state)"
            + " KEY (listing_id) VALUES (:listingId, :seller, :contentCid, :metadataCid, :keyCommitment, :price,"
            + " :license, 'ACTIVE', :version, :previousListingId, :block, :time, :block, 'PENDING')")
    void insert(@Bind("listingId") long listingId, @Bind("seller") String seller, @Bind("contentCid") String contentCid,
            @Bind("metadataCid") String metadataCid, @Bind("keyCommitment") String keyCommitment,
            @Bind("price") BigInteger price, @Bind("license") String license, @Bind("version") int version,
            @Bind("previousListingId") Long previousListingId, @Bind("block") long block, @Bind("time") long time);

    @SqlUpdate("UPDATE listing SET price = :price, updated_block = :block WHERE listing_id = :id")
    int updatePrice(@Bind("id") long listingId, @Bind("price") BigInteger price, @Bind("block") long block);

    @SqlUpdate("UPDATE listing SET status = :status, updated_block = :block WHERE listing_id = :id")
    int updateStatus(@Bind("id") long listingId, @Bind("status") Listing.Status status, @Bind("block") long block);

    @SqlUpdate("UPDATE listing SET rating_count = rating_count + 1, rating_sum = rating_sum + :rating,"
            + " updated_block = :block WHERE listing_id = :id")
    int addRating(@Bind("id") long listingId, @Bind("rating") int rating, @Bind("block") long block);

    @SqlUpdate("UPDATE listing SET title = :title, description = :description, tags = :tags,"
            + " metadata_state = 'VERIFIED' WHERE listing_id = :id")
    int applyMetadata(@Bind("id") long listingId, @Bind("title") String title,
            @Bind("description") String description, @Bind("tags") String tags);

    @SqlUpdate("UPDATE listing SET metadata_state = :state, metadata_attempts = metadata_attempts + 1"
            + " WHERE listing_id = :id")
    int markMetadata(@Bind("id") long listingId, @Bind("state") Listing.MetadataState state);

    @SqlQuery("SELECT " + COLUMNS + " FROM listing WHERE listing_id = :id")
    Optional<Listing> find(@Bind("id") long listingId);

    /** Listings whose metadata is still to be fetched, those tried least often first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM listing WHERE metadata_state = 'PENDING'"
            + " ORDER BY metadata_attempts, listing_id LIMIT :limit")
    List<Listing> pendingMetadata(@Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM listing WHERE seller = :seller ORDER BY created_block DESC, listing_id DESC")
    List<Listing> bySeller(@Bind("seller") String seller);

    /** Newer versions of a listing, newest first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM listing WHERE previous_listing_id = :id ORDER BY listing_id DESC")
    List<Listing> newerVersions(@Bind("id") long listingId);

    @SqlQuery("SELECT COUNT(*) FROM listing")
    long count();

    @SqlQuery("SELECT COUNT(*) FROM listing WHERE metadata_state = :state")
    long countByMetadataState(@Bind("state") Listing.MetadataState state);

    @SqlUpdate("DELETE FROM listing WHERE listing_id = :id")
    int delete(@Bind("id") long listingId);
}
