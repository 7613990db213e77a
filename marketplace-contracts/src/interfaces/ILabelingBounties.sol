// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title ILabelingBounties
/// @notice Labeling tasks with the whole reward escrowed up front, staked batch claims, commit-reveal of
///         labels, gold-standard checks by Merkle proofs, a review window that never holds labelers hostage,
///         and commit-reveal validator votes paid when they side with the majority.
/// @dev Timeline of a task (all bounds inclusive at the end):
///      claim: now <= claimDeadline; commit: now <= commitDeadline;
///      reveal: commitDeadline < now <= revealDeadline;
///      review (gold answers, gold checks, requester rejections, validator vote commits):
///      revealDeadline < now <= reviewDeadline; vote reveal: reviewDeadline < now <= voteRevealDeadline;
///      settlement of claims and votes and closing the task: now > voteRevealDeadline.
///      Merkle encodings (see docs/contracts.md): leaf = keccak256(bytes.concat(keccak256(abi.encode(
///      uint256 itemIndex, bytes32 labelHash)))); the gold tree hashes pairs sorted (OpenZeppelin MerkleProof);
///      a labels tree is positional: leaf k of a batch is item batchStart + k, missing leaves are zero,
///      depth = ceil(log2(batchSize)) and a node is keccak256(left, right).
interface ILabelingBounties {
    /// @notice Lifecycle of a claim: Claimed -> Revealed -> Accepted | Rejected | Slashed;
    ///         Claimed -> Forfeited when the labels were never revealed.
    enum ClaimStatus {
        None,
        Claimed,
        Revealed,
        Accepted,
        Rejected,
        Slashed,
        Forfeited
    }

    /// @notice Lifecycle of a validator's vote.
    enum VoteStatus {
        None,
        Committed,
        Revealed,
        Settled
    }

    /// @notice What a requester gives to create a task.
    struct TaskParams {
        bytes32 manifestDigest; // sha2-256 digest of the items manifest CID
        bytes32 schemaDigest; // sha2-256 digest of the label schema CID
        bytes32 goldRoot; // Merkle root (sorted pairs) of the hidden gold answers
        uint32 manifestCodec;
        uint32 schemaCodec;
        uint32 itemCount;
        uint32 batchSize; // items per claim; the last batch may be shorter
        uint16 labelsPerItem; // how many labelers label each item (claims per batch)
        uint16 goldCount; // how many gold answers the requester may reveal at most
        uint96 rewardPerLabel; // paid per item of an accepted claim
        uint96 stakePerClaim; // deposited by a labeler per claim and by a validator per vote
        uint96 validatorReward; // paid per vote that sides with the majority
        uint96 validationPool; // reserved for validators; 0 disables validation
        uint8 votesPerClaim; // most votes a claim can receive
        uint40 claimDeadline;
        uint40 commitDeadline;
        uint40 revealDeadline;
        uint40 reviewDeadline;
        uint40 voteRevealDeadline;
    }

    /// @notice A task as stored, with its live accounting.
    struct Task {
        address requester;
        uint96 rewardPerLabel;
        uint96 stakePerClaim;
        uint96 validatorReward;
        uint32 itemCount;
        uint32 batchSize;
        uint40 claimDeadline;
        uint40 commitDeadline;
        uint40 revealDeadline;
        uint40 reviewDeadline;
        uint40 voteRevealDeadline;
        uint16 labelsPerItem;
        uint16 goldCount;
        uint16 goldRevealed;
        uint8 votesPerClaim;
        bool closed;
        bytes32 goldRoot;
        bytes32 manifestDigest;
        bytes32 schemaDigest;
        uint32 manifestCodec;
        uint32 schemaCodec;
        uint128 rewardHeld; // escrowed label rewards not yet paid or returned
        uint128 claimedReward; // rewards of all claims made (the rest is unclaimed)
        uint96 poolHeld; // validation pool not yet paid or returned
        uint96 poolUnreserved; // validation pool not reserved by a committed vote
    }

    /// @notice A labeler's claim on one batch of a task.
    struct Claim {
        address labeler;
        uint64 taskId;
        uint32 batchIndex;
        ClaimStatus status;
        bool goldPassed; // a gold check passed: the requester can no longer reject it
        bool rejectedByRequester;
        uint8 votes;
        uint8 approvals;
        uint8 rejections;
        bytes32 commitmentOrRoot; // the commitment until revealed, then the labels root
    }

    /// @notice A validator's vote on a claim.
    struct Vote {
        bytes32 commitment;
        VoteStatus status;
        bool approve;
    }

    /// @notice A gold answer revealed by the requester, proven against the task's gold root.
    struct GoldAnswer {
        uint32 itemIndex;
        bytes32 labelHash;
        bytes32[] proof;
    }

    /// @notice Emitted when a task was created and its reward and validation pool escrowed.
    event TaskCreated(
        uint256 indexed taskId,
        address indexed requester,
        bytes32 manifestDigest,
        bytes32 schemaDigest,
        uint32 itemCount,
        uint32 batchSize,
        uint16 labelsPerItem,
        uint256 totalReward,
        uint256 validationPool
    );
    /// @notice Emitted when a labeler claimed a batch and staked.
    event BatchClaimed(uint256 indexed claimId, uint256 indexed taskId, address indexed labeler, uint32 batchIndex);
    /// @notice Emitted when a labeler committed to the hash of their labels.
    event LabelsCommitted(uint256 indexed claimId, bytes32 commitment);
    /// @notice Emitted when a labeler revealed their labels root; the labels file is (labelsCodec, labelsDigest).
    event LabelsRevealed(uint256 indexed claimId, bytes32 labelsRoot, bytes32 labelsDigest, uint32 labelsCodec);
    /// @notice Emitted for each gold answer the requester revealed.
    event GoldRevealed(uint256 indexed taskId, uint32 indexed itemIndex, bytes32 labelHash);
    /// @notice Emitted when a claim's label matched a gold answer.
    event GoldCheckPassed(uint256 indexed claimId, uint32 indexed itemIndex);
    /// @notice Emitted when a claim's label contradicted a gold answer: its stake went to the treasury.
    event ClaimSlashed(uint256 indexed claimId, uint32 indexed itemIndex, uint256 stake, uint256 rewardReturned);
    /// @notice Emitted when the requester rejected a revealed claim in the review window.
    event ClaimRejected(uint256 indexed claimId);
    /// @notice Emitted when a validator committed a vote.
    event VoteCommitted(uint256 indexed claimId, address indexed validator, bytes32 commitment);
    /// @notice Emitted when a validator revealed a vote.
    event VoteRevealed(uint256 indexed claimId, address indexed validator, bool approve);
    /// @notice Emitted when a claim was settled: what the labeler and the requester received.
    event ClaimSettled(
        uint256 indexed claimId, ClaimStatus outcome, uint256 paidToLabeler, uint256 returnedToRequester
    );
    /// @notice Emitted when a vote was settled: what the validator received, and what the treasury got.
    event VoteSettled(uint256 indexed claimId, address indexed validator, uint256 paidToValidator, uint256 slashed);
    /// @notice Emitted when the task closed and its unclaimed reward and unused pool went back to the requester.
    event TaskClosed(uint256 indexed taskId, uint256 returnedToRequester);
    /// @notice Emitted when the owner changed the treasury that receives slashed stakes.
    event TreasuryChanged(address oldTreasury, address newTreasury);

    /// @notice The task does not exist.
    error TaskNotFound(uint256 taskId);
    /// @notice The claim does not exist.
    error ClaimNotFound(uint256 claimId);
    /// @notice The parameters are inconsistent (deadlines out of order, zero counts, totals too large).
    error InvalidTask();
    /// @notice The call is outside its time window [opensAfter + 1, closesAt].
    error OutsideWindow(uint256 opensAfter, uint256 closesAt);
    /// @notice The batch index is beyond the last batch.
    error BatchOutOfRange(uint32 batchIndex);
    /// @notice The batch already has labelsPerItem claims.
    error BatchFull(uint32 batchIndex);
    /// @notice The caller already claimed this batch.
    error BatchAlreadyClaimedByCaller(uint32 batchIndex);
    /// @notice Only the claim's labeler may do this.
    error NotLabeler(uint256 claimId, address caller);
    /// @notice Only the task's requester may do this.
    error NotRequester(uint256 taskId, address caller);
    /// @notice The claim already has a commitment.
    error AlreadyCommitted(uint256 claimId);
    /// @notice The claim has no commitment to reveal.
    error NotCommitted(uint256 claimId);
    /// @notice The revealed root and salt do not hash to the commitment.
    error CommitmentMismatch(uint256 claimId);
    /// @notice The claim is not in the Revealed state.
    error ClaimNotRevealed(uint256 claimId);
    /// @notice The gold answer of this item was already revealed.
    error GoldAlreadyRevealed(uint32 itemIndex);
    /// @notice The requester revealed goldCount answers already.
    error GoldLimitReached(uint16 goldCount);
    /// @notice The gold answer is not in the task's gold root.
    error InvalidGoldProof(uint32 itemIndex);
    /// @notice No gold answer was revealed for this item.
    error GoldNotRevealed(uint32 itemIndex);
    /// @notice The item is not in the claim's batch.
    error ItemNotInBatch(uint256 claimId, uint32 itemIndex);
    /// @notice The label is not at the item's position in the claim's labels root.
    error InvalidLabelProof(uint256 claimId, uint32 itemIndex);
    /// @notice The claim passed a gold check and can no longer be rejected by the requester.
    error ClaimPassedGold(uint256 claimId);
    /// @notice The requester already rejected the claim.
    error AlreadyRejected(uint256 claimId);
    /// @notice The claim is already settled.
    error ClaimAlreadySettled(uint256 claimId);
    /// @notice The claim has all the votes it may receive, or validation is disabled.
    error VotesFull(uint256 claimId);
    /// @notice The validation pool cannot pay one more vote.
    error ValidationPoolExhausted(uint256 taskId);
    /// @notice Neither the requester nor the claim's labeler may vote on it.
    error ConflictOfInterest(uint256 claimId, address caller);
    /// @notice The caller already voted on this claim.
    error AlreadyVoted(uint256 claimId);
    /// @notice The vote is missing or not in the state this call needs.
    error VoteNotPending(uint256 claimId, address validator);
    /// @notice The revealed vote and salt do not hash to the commitment.
    error VoteMismatch(uint256 claimId);
    /// @notice The task was already closed.
    error TaskAlreadyClosed(uint256 taskId);
    /// @notice An address parameter was zero.
    error ZeroAddress();

    /// @notice Creates a task and escrows itemCount * labelsPerItem * rewardPerLabel plus the validation pool.
    function createTask(TaskParams calldata params) external returns (uint256 taskId);

    /// @notice Claims a batch of items, depositing stakePerClaim.
    function claim(uint256 taskId, uint32 batchIndex) external returns (uint256 claimId);

    /// @notice Commits to keccak256(abi.encode(labelsRoot, salt, labeler, claimId)). Labeler only.
    function commit(uint256 claimId, bytes32 commitment) external;

    /// @notice Reveals the labels root and salt of the commitment, and where the labels file is. Labeler only.
    function reveal(uint256 claimId, bytes32 labelsRoot, bytes32 salt, bytes32 labelsDigest, uint32 labelsCodec)
        external;

    /// @notice Reveals gold answers with proofs against the gold root. Requester only, in the review window.
    function revealGold(uint256 taskId, GoldAnswer[] calldata answers) external;

    /// @notice Checks a claim's label on a gold item by a proof against its labels root: a match protects the
    ///         claim from rejection, a mismatch slashes it. Anyone, in the review window.
    function checkGold(uint256 claimId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof) external;

    /// @notice Rejects a revealed claim that passed no gold check. Requester only, in the review window.
    function reject(uint256 claimId) external;

    /// @notice Commits a validator vote keccak256(abi.encode(claimId, approve, salt, validator)), staking
    ///         stakePerClaim and reserving validatorReward. In the review window.
    function commitVote(uint256 claimId, bytes32 commitment) external;

    /// @notice Reveals a vote. In the vote reveal window.
    function revealVote(uint256 claimId, bool approve, bytes32 salt) external;

    /// @notice Settles a claim after the vote reveal window: pays the labeler or returns the reward.
    function settle(uint256 claimId) external;

    /// @notice Settles a validator's vote after the vote reveal window.
    function settleVote(uint256 claimId, address validator) external;

    /// @notice Returns the unclaimed reward and unreserved validation pool to the requester, once.
    function closeTask(uint256 taskId) external;

    /// @notice Sets where slashed stakes go. Owner only.
    function setTreasury(address treasury) external;

    /// @notice The task with this id.
    function getTask(uint256 taskId) external view returns (Task memory);

    /// @notice The claim with this id.
    function getClaim(uint256 claimId) external view returns (Claim memory);

    /// @notice A validator's vote on a claim.
    function getVote(uint256 claimId, address validator) external view returns (Vote memory);

    /// @notice The revealed gold answer of an item, zero if none.
    function goldAnswer(uint256 taskId, uint32 itemIndex) external view returns (bytes32);

    /// @notice How many claims a batch has.
    function batchClaims(uint256 taskId, uint32 batchIndex) external view returns (uint16);

    /// @notice Whether `proof` shows `labelHash` at `itemIndex` in the claim's revealed labels root.
    function verifyLabel(uint256 claimId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof)
        external
        view
        returns (bool);

    /// @notice Whether `proof` shows (itemIndex, labelHash) in the task's gold root.
    function verifyGold(uint256 taskId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof)
        external
        view
        returns (bool);

    /// @notice The payment token.
    function token() external view returns (address);

    /// @notice Where slashed stakes go.
    function treasury() external view returns (address);

    /// @notice The number of tasks created (the last id).
    function taskCount() external view returns (uint256);

    /// @notice The number of claims made (the last id).
    function claimCount() external view returns (uint256);
}
