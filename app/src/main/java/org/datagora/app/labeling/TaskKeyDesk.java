package org.datagora.app.labeling;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.contracts.generated.LabelingBounties;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.KeyCommitment;
import org.datagora.storage.crypto.KeyDeliveryContext;
import org.datagora.storage.crypto.KeyUnwrapException;
import org.datagora.storage.crypto.KeyWrapper;
import org.datagora.storage.crypto.WrappedKey;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Hands the task key to labelers over the chain, as docs/decisions/0005-labeling-task-keys.md describes:
 * a labeler's claim transaction carries their X25519 delivery key after the ABI arguments (the contract
 * ignores trailing calldata; the transaction's signature binds it to the labeler), and the requester's app
 * answers each claim with a zero-amount token transfer to the labeler carrying the claim id and the task
 * key wrapped to that delivery key with HPKE. Both are found again through indexed events.
 */
public final class TaskKeyDesk {

    private static final int CLAIM_CALL_LENGTH = 4 + 32 + 32;
    private static final int TRANSFER_CALL_LENGTH = 4 + 32 + 32;
    private static final byte[] CONTEXT_LABEL = "datagora/v1/task-key".getBytes(StandardCharsets.US_ASCII);

    private final LabelingChain chain;
    private final TaskCatalog catalog;
    private final LabelingSecrets secrets;
    private final KeyWrapper wrapper = new KeyWrapper();

    public TaskKeyDesk(LabelingChain chain, TaskCatalog catalog, LabelingSecrets secrets) {
        this.chain = chain;
        this.catalog = catalog;
        this.secrets = secrets;
    }

    /** The calldata of {@code claim(taskId, batchIndex)} followed by the labeler's delivery key. */
    static byte[] claimCalldata(BigInteger taskId, int batchIndex, byte[] deliveryPublicKey) {
        Function claim = new Function("claim", List.of(new Uint256(taskId), new Uint32(batchIndex)), List.of());
        return LabelingChain.concat(Numeric.hexStringToByteArray(FunctionEncoder.encode(claim)), deliveryPublicKey);
    }

    /**
     * Requester: delivers the key of every task of this account that still takes claims or commits to the
     * claims that lack it; what the app runs periodically. Returns how many keys were sent.
     */
    public int deliverDue() {
        int sent = 0;
        long now = chain.now();
        for (Log log : chain.logs(LabelingBounties.TASKCREATED_EVENT, null, LabelingChain.topic(chain.account()))) {
            BigInteger taskId = LabelingBounties.getTaskCreatedEventFromLog(log).taskId;
            TaskInfo task = catalog.task(taskId);
            if (now <= task.commitDeadline()) {
                Optional<DatasetKey> key = secrets.taskKey(taskId);
                if (key.isPresent()) {
                    sent += deliverKeys(taskId, key.get());
                }
            }
        }
        return sent;
    }

    /**
     * Requester: wraps the task key to the delivery key of every claim on the task that has not received it
     * yet, and sends it. Returns how many keys were sent. Run it while the claim window is open.
     */
    public int deliverKeys(BigInteger taskId, DatasetKey taskKey) {
        int sent = 0;
        for (Log log : chain.logs(LabelingBounties.BATCHCLAIMED_EVENT, null, LabelingChain.topic(taskId))) {
            LabelingBounties.BatchClaimedEventResponse claim = LabelingBounties.getBatchClaimedEventFromLog(log);
            if (secrets.keySent(claim.claimId)) {
                continue;
            }
            byte[] input = chain.transactionInput(log.getTransactionHash());
            if (input.length != CLAIM_CALL_LENGTH + 32) {
                continue; // claimed by another client, without a delivery key: nothing to wrap to
            }
            byte[] deliveryKey = Arrays.copyOfRange(input, CLAIM_CALL_LENGTH, input.length);
            WrappedKey wrapped = wrapper.wrap(taskKey, deliveryKey, context(taskId, claim.labeler));
            Function transfer = new Function("transfer", List.of(new Address(claim.labeler), new Uint256(0)), List.of());
            byte[] data = LabelingChain.concat(Numeric.hexStringToByteArray(FunctionEncoder.encode(transfer)),
                    Numeric.toBytesPadded(claim.claimId, 32), wrapped.toBytes());
            chain.sendRaw("send the task key to " + claim.labeler, chain.token().getContractAddress(), data);
            secrets.markKeySent(claim.claimId);
            sent++;
        }
        return sent;
    }

    /**
     * Labeler: the task key, from the vault or from the requester's delivery on chain (then kept in the
     * vault); empty while the requester has not delivered it yet.
     */
    public Optional<DatasetKey> receiveKey(BigInteger taskId, BuyerKeyPair deliveryKeys) {
        Optional<DatasetKey> known = secrets.taskKey(taskId);
        if (known.isPresent()) {
            return known;
        }
        TaskInfo task = catalog.task(taskId);
        KeyCommitment commitment = KeyCommitment.fromHex(catalog.manifest(task).keyCommitment());
        List<BigInteger> myClaims = catalog.claimsOf(chain.account()).stream()
                .filter(c -> c.taskId().equals(taskId)).map(ClaimInfo::claimId).toList();
        for (Log log : chain.tokenLogs(DatagoraToken.TRANSFER_EVENT, LabelingChain.topic(task.requester()),
                LabelingChain.topic(chain.account()))) {
            byte[] input = chain.transactionInput(log.getTransactionHash());
            if (input.length != TRANSFER_CALL_LENGTH + 32 + WrappedKey.LENGTH) {
                continue;
            }
            BigInteger claimId = new BigInteger(1, Arrays.copyOfRange(input, TRANSFER_CALL_LENGTH, TRANSFER_CALL_LENGTH + 32));
            if (!myClaims.contains(claimId)) {
                continue;
            }
            WrappedKey wrapped = WrappedKey.fromBytes(Arrays.copyOfRange(input, TRANSFER_CALL_LENGTH + 32, input.length));
            try {
                DatasetKey key = wrapper.unwrap(wrapped, deliveryKeys, context(taskId, chain.account()));
                if (!commitment.matches(key)) {
                    throw new LabelingException("The requester of task " + taskId
                            + " delivered a key that does not open the task's items");
                }
                secrets.putTaskKey(taskId, key);
                return Optional.of(key);
            } catch (KeyUnwrapException e) {
                throw new LabelingException("The task key delivered for claim " + claimId
                        + " cannot be opened with this wallet", e);
            }
        }
        return Optional.empty();
    }

    /**
     * The HPKE context of a task key delivery: the listing id slot holds keccak256(label || taskId), so a task
     * key can never be mistaken for a dataset key delivered for a marketplace listing.
     */
    static KeyDeliveryContext context(BigInteger taskId, String labeler) {
        byte[] id = Hash.sha3(LabelingChain.concat(CONTEXT_LABEL, Numeric.toBytesPadded(taskId, 32)));
        return new KeyDeliveryContext(new BigInteger(1, id), labeler);
    }
}
