package org.datagora.storage.cache;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Verified listing metadata documents, keyed by their CID. */
public interface MetadataDao {
    @SqlUpdate("MERGE INTO metadata (cid, title, description, tags, raw_json, fetched_at) KEY (cid)"
            + " VALUES (:cid, :title, :description, :tags, :raw, :fetchedAt)")
    void put(@Bind("cid") String cid, @Bind("title") String title, @Bind("description") String description,
            @Bind("tags") String tags, @Bind("raw") byte[] raw, @Bind("fetchedAt") long fetchedAt);

    @SqlQuery("SELECT raw_json FROM metadata WHERE cid = :cid")
    Optional<byte[]> raw(@Bind("cid") String cid);
}
