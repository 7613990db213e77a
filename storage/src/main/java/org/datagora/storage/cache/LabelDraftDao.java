package org.datagora.storage.cache;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Autosaved labels in progress; local to this machine, never touched by the indexer. */
@RegisterConstructorMapper(LabelDraft.class)
public interface LabelDraftDao {
    @SqlUpdate("MERGE INTO label_draft (task_id, item_index, label_json, saved_at) KEY (task_id, item_index)"
            + " VALUES (:taskId, :itemIndex, :labelJson, :savedAt)")
    void save(@Bind("taskId") long taskId, @Bind("itemIndex") int itemIndex, @Bind("labelJson") String labelJson,
            @Bind("savedAt") long savedAt);

    @SqlQuery("SELECT task_id, item_index, label_json, saved_at FROM label_draft WHERE task_id = :taskId"
            + " ORDER BY item_index")
    List<LabelDraft> forTask(@Bind("taskId") long taskId);

    @SqlUpdate("DELETE FROM label_draft WHERE task_id = :taskId")
    int discard(@Bind("taskId") long taskId);
}
