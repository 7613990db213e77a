package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Labeling tasks and the claims labelers hold on their batches. */
@RegisterConstructorMapper(LabelingTask.class)
@RegisterConstructorMapper(TaskClaim.class)
public interface TaskDao {
    String TASK_COLUMNS = "task_id, requester, manifest_digest, schema_digest, item_count, batch_size, labels_per_item,"
            + " total_reward, validation_pool, status, created_block, created_time, updated_block";
    String CLAIM_COLUMNS = "claim_id, task_id, labeler, batch_index, commitment, labels_cid, status, claimed_block,"
            + " updated_block";

    @SqlUpdate("MERGE INTO labeling_task (" + TASK_COLUMNS + ") KEY (task_id) VALUES (:taskId, :requester,"
            + " :manifestDigest, :schemaDigest, :itemCount, :batchSize, :labelsPerItem, :totalReward, :validationPool,"
            + " 'OPEN', :block, :time, :block)")
    void insertTask(@Bind("taskId") long taskId, @Bind("requester") String requester,
            @Bind("manifestDigest") String manifestDigest, @Bind("schemaDigest") String schemaDigest,
            @Bind("itemCount") int itemCount, @Bind("batchSize") int batchSize,
            @Bind("labelsPerItem") int labelsPerItem, @Bind("totalReward") BigInteger totalReward,
            @Bind("validationPool") BigInteger validationPool, @Bind("block") long block, @Bind("time") long time);

    @SqlUpdate("UPDATE labeling_task SET status = :status, updated_block = :block WHERE task_id = :id")
    int updateTaskStatus(@Bind("id") long taskId, @Bind("status") LabelingTask.Status status, @Bind("block") long block);

    @SqlQuery("SELECT " + TASK_COLUMNS + " FROM labeling_task WHERE task_id = :id")
    Optional<LabelingTask> findTask(@Bind("id") long taskId);

    @SqlQuery("SELECT " + TASK_COLUMNS + " FROM labeling_task WHERE status = 'OPEN'"
            + " ORDER BY created_block DESC, task_id DESC LIMIT :limit OFFSET :offset")
    List<LabelingTask> openTasks(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlUpdate("DELETE FROM labeling_task WHERE task_id = :id")
    int deleteTask(@Bind("id") long taskId);

    @SqlUpdate("MERGE INTO task_claim (claim_id, task_id, labeler, batch_index, status, claimed_block, updated_block)"
            + " KEY (claim_id) VALUES (:claimId, :taskId, :labeler, :batchIndex, 'CLAIMED', :block, :block)")
    void insertClaim(@Bind("claimId") long claimId, @Bind("taskId") long taskId, @Bind("labeler") String labeler,
            @Bind("batchIndex") int batchIndex, @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET commitment = :commitment, status = 'COMMITTED', updated_block = :block"
            + " WHERE claim_id = :claimId")
    int commit(@Bind("claimId") long claimId, @Bind("commitment") String commitment, @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET labels_cid = :cid, status = 'REVEALED', updated_block = :block"
            + " WHERE claim_id = :claimId")
    int reveal(@Bind("claimId") long claimId, @Bind("cid") String labelsCid, @Bind("block") long block);

    @SqlUpdate("UPDATE task_claim SET status = :status, updated_block = :block WHERE claim_id = :claimId")
    int settleClaim(@Bind("claimId") long claimId, @Bind("status") TaskClaim.Status status, @Bind("block") long block);

    @SqlQuery("SELECT task_id FROM task_claim WHERE claim_id = :claimId")
    Optional<Long> taskOf(@Bind("claimId") long claimId);

    @SqlQuery("SELECT " + CLAIM_COLUMNS + " FROM task_claim WHERE task_id = :taskId ORDER BY batch_index, claim_id")
    List<TaskClaim> claims(@Bind("taskId") long taskId);

    @SqlQuery("SELECT " + CLAIM_COLUMNS + " FROM task_claim WHERE labeler = :labeler ORDER BY claimed_block DESC")
    List<TaskClaim> claimsOf(@Bind("labeler") String labeler);
}
