package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Labeling tasks and the claims labelers hold on them. */
@RegisterConstructorMapper(LabelingTask.class)
@RegisterConstructorMapper(TaskClaim.class)
public interface TaskDao {
    String TASK_COLUMNS = "task_id, requester, listing_id, spec_cid, bounty, stake, item_count, commit_deadline,"
            + " reveal_deadline, status, created_block, updated_block";
    String CLAIM_COLUMNS = "task_id, labeler, commitment, revealed_cid, status, claimed_block, updated_block";

    @SqlUpdate("MERGE INTO labeling_task (" + TASK_COLUMNS + ") KEY (task_id) VALUES (:taskId, :requester,"
            + " :listingId, :specCid, :bounty, :stake, :itemCount, :commitDeadline, :revealDeadline, 'OPEN', :block, :block)")
    void insertTask(@Bind("taskId") long taskId, @Bind("requester") String requester, @Bind("listingId") Long listingId,
            @Bind("specCid") String specCid, @Bind("bounty") BigInteger bounty, @Bind("stake") BigInteger stake,
            @Bind("itemCount") int itemCount, @Bind("commitDeadline") long commitDeadline,
            @Bind("revealDeadline") long revealDeadline, @Bind("block") long block);

    @SqlUpdate("UPDATE labeling_task SET status = :status, updated_block = :block WHERE task_id = :id")
    int updateTaskStatus(@Bind("id") long taskId, @Bind("status") LabelingTask.Status status, @Bind("block") long block);

    @SqlQuery("SELECT " + TASK_COLUMNS + " FROM labeling_task WHERE task_id = :id")
    Optional<LabelingTask> findTask(@Bind("id") long taskId);

    @SqlQuery("SELECT " + TASK_COLUMNS + " FROM labeling_task WHERE status = 'OPEN'"
            + " ORDER BY created_block DESC, task_id DESC LIMIT :limit OFFSET :offset")
    List<LabelingTask> openTasks(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlUpdate("DELETE FROM labeling_task WHERE task_id = :id")
    int deleteTask(@Bind("id") long taskId);

    @SqlUpdate("MERGE INTO task_claim (task_id, labeler, status, claimed_block, updated_block) KEY (task_id, labeler)"
            + " VALUES (:taskId, :labeler, 'CLAIMED', :block, :block)")
    void insertClaim(@Bind("taskId") long taskId, @Bind("labeler") String labeler, @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET commitment = :commitment, status = 'COMMITTED', updated_block = :block"
            + " WHERE task_id = :taskId AND labeler = :labeler")
    int commit(@Bind("taskId") long taskId, @Bind("labeler") String labeler, @Bind("commitment") String commitment,
            @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET revealed_cid = :cid, status = 'REVEALED', updated_block = :block"
            + " WHERE task_id = :taskId AND labeler = :labeler")
    int reveal(@Bind("taskId") long taskId, @Bind("labeler") String labeler, @Bind("cid") String revealedCid,
            @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET status = :status, updated_block = :block"
            + " WHERE task_id = :taskId AND labeler = :labeler")
    int settleClaim(@Bind("taskId") long taskId, @Bind("labeler") String labeler,
            @Bind("status") TaskClaim.Status status, @Bind("block") long block);

    @SqlQuery("SELECT " + CLAIM_COLUMNS + " FROM task_claim WHERE task_id = :taskId ORDER BY claimed_block, labeler")
    List<TaskClaim> claims(@Bind("taskId") long taskId);

    @SqlQuery("SELECT " + CLAIM_COLUMNS + " FROM task_claim WHERE labeler = :labeler ORDER BY claimed_block DESC")
    List<TaskClaim> claimsOf(@Bind("labeler") String labeler);
}
