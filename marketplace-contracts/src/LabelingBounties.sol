// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";
import {ILabelingBounties} from "./interfaces/ILabelingBounties.sol";

/// @title LabelingBounties
/// @notice Escrowed labeling tasks: staked batch claims, commit-reveal of labels, gold checks by Merkle
///         proofs, requester review with automatic acceptance, and majority-paid validator votes.
/// @dev Money rules: the task's reward and validation pool are escrowed at creation; a claim's reward goes to
///      the labeler when accepted and back to the requester otherwise; a stake comes back to its owner unless
///      slashed (gold mismatch, labels or vote never revealed), in which case it goes to the treasury, never
///      to the requester, so a requester gains nothing by baiting labelers into a slash.
contract LabelingBounties is ILabelingBounties, Ownable2Step, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Most gold answers a task may reveal, so the review stays cheap to check.
    uint16 public constant MAX_GOLD = 1_024;
    /// @notice Largest batch, so a labels proof has at most 16 levels.
    uint32 public constant MAX_BATCH_SIZE = 65_536;

    IERC20 private immutable _token;
    address private _treasury;
    uint256 private _taskCount;
    uint256 private _claimCount;

    mapping(uint256 taskId => Task) private _tasks;
    mapping(uint256 claimId => Claim) private _claims;
    mapping(uint256 claimId => mapping(address validator => Vote)) private _votes;
    mapping(uint256 taskId => mapping(uint32 itemIndex => bytes32 labelHash)) private _gold;
    mapping(uint256 taskId => mapping(uint32 batchIndex => uint16 claims)) private _batchClaims;
    mapping(uint256 taskId => mapping(uint32 batchIndex => mapping(address labeler => bool))) private _hasClaimed;

    /// @param token_ the ERC-20 that rewards and stakes are paid in
    /// @param owner_ may change the treasury
    /// @param treasury_ receives slashed stakes
    constructor(IERC20 token_, address owner_, address treasury_) Ownable(owner_) {
        if (address(token_) == address(0) || treasury_ == address(0)) revert ZeroAddress();
        _token = token_;
        _treasury = treasury_;
    }

    // ------------------------------------------------------------------ tasks

    /// @inheritdoc ILabelingBounties
    function createTask(TaskParams calldata p) external nonReentrant returns (uint256 taskId) {
        _validate(p);
        uint256 totalReward = uint256(p.itemCount) * p.labelsPerItem * p.rewardPerLabel;
        if (totalReward > type(uint128).max) revert InvalidTask();
        taskId = ++_taskCount;
        Task storage t = _tasks[taskId];
        t.requester = msg.sender;
        t.rewardPerLabel = p.rewardPerLabel;
        t.stakePerClaim = p.stakePerClaim;
        t.validatorReward = p.validatorReward;
        t.itemCount = p.itemCount;
        t.batchSize = p.batchSize;
        t.claimDeadline = p.claimDeadline;
        t.commitDeadline = p.commitDeadline;
        t.revealDeadline = p.revealDeadline;
        t.reviewDeadline = p.reviewDeadline;
        t.voteRevealDeadline = p.voteRevealDeadline;
        t.labelsPerItem = p.labelsPerItem;
        t.goldCount = p.goldCount;
        t.votesPerClaim = p.votesPerClaim;
        t.goldRoot = p.goldRoot;
        t.manifestDigest = p.manifestDigest;
        t.schemaDigest = p.schemaDigest;
        t.manifestCodec = p.manifestCodec;
        t.schemaCodec = p.schemaCodec;
        t.rewardHeld = uint128(totalReward);
        t.poolHeld = p.validationPool;
        t.poolUnreserved = p.validationPool;
        emit TaskCreated(
            taskId,
            msg.sender,
            p.manifestDigest,
            p.schemaDigest,
            p.itemCount,
            p.batchSize,
            p.labelsPerItem,
            totalReward,
            p.validationPool
        );
        _token.safeTransferFrom(msg.sender, address(this), totalReward + p.validationPool);
    }

    function _validate(TaskParams calldata p) private view {
        if (p.itemCount == 0 || p.batchSize == 0 || p.batchSize > MAX_BATCH_SIZE || p.labelsPerItem == 0) {
            revert InvalidTask();
        }
        if (p.goldCount > MAX_GOLD || p.goldCount > p.itemCount) revert InvalidTask();
        if (p.goldCount != 0 && p.goldRoot == bytes32(0)) revert InvalidTask();
        if (
            p.claimDeadline <= block.timestamp || p.commitDeadline < p.claimDeadline
                || p.revealDeadline <= p.commitDeadline || p.reviewDeadline <= p.revealDeadline
                || p.voteRevealDeadline < p.reviewDeadline
        ) revert InvalidTask();
        bool validation = p.votesPerClaim != 0;
        if (validation != (p.validationPool != 0)) revert InvalidTask();
        if (validation && (p.validatorReward == 0 || p.validationPool < p.validatorReward)) revert InvalidTask();
        if (validation && p.voteRevealDeadline == p.reviewDeadline) revert InvalidTask();
    }

    /// @inheritdoc ILabelingBounties
    function closeTask(uint256 taskId) external nonReentrant {
        Task storage t = _existingTask(taskId);
        _requireAfter(t.voteRevealDeadline);
        if (t.closed) revert TaskAlreadyClosed(taskId);
        t.closed = true;
        uint256 unclaimed = _unclaimedReward(t);
        uint256 pool = t.poolUnreserved;
        // The unclaimed reward was never assigned to a claim, so it is still part of rewardHeld.
        t.rewardHeld -= uint128(unclaimed);
        t.poolHeld -= uint96(pool);
        t.poolUnreserved = 0;
        uint256 amount = unclaimed + pool;
        emit TaskClosed(taskId, amount);
        if (amount != 0) _token.safeTransfer(t.requester, amount);
    }

    function _unclaimedReward(Task storage t) private view returns (uint256) {
        return uint256(t.itemCount) * t.labelsPerItem * t.rewardPerLabel - t.claimedReward;
    }

    // ----------------------------------------------------------------- claims

    /// @inheritdoc ILabelingBounties
    function claim(uint256 taskId, uint32 batchIndex) external nonReentrant returns (uint256 claimId) {
        Task storage t = _existingTask(taskId);
        _requireUntil(0, t.claimDeadline);
        uint32 batchLength = _batchLength(t, batchIndex);
        uint16 claims = _batchClaims[taskId][batchIndex];
        if (claims >= t.labelsPerItem) revert BatchFull(batchIndex);
        if (_hasClaimed[taskId][batchIndex][msg.sender]) revert BatchAlreadyClaimedByCaller(batchIndex);
        _hasClaimed[taskId][batchIndex][msg.sender] = true;
        _batchClaims[taskId][batchIndex] = claims + 1;
        t.claimedReward += uint128(uint256(batchLength) * t.rewardPerLabel);
        claimId = ++_claimCount;
        Claim storage c = _claims[claimId];
        c.labeler = msg.sender;
        c.taskId = uint64(taskId);
        c.batchIndex = batchIndex;
        c.status = ClaimStatus.Claimed;
        emit BatchClaimed(claimId, taskId, msg.sender, batchIndex);
        _token.safeTransferFrom(msg.sender, address(this), t.stakePerClaim);
    }

    /// @inheritdoc ILabelingBounties
    function commit(uint256 claimId, bytes32 commitment) external {
        Claim storage c = _claims[claimId];
        if (c.labeler != msg.sender) {
            if (c.labeler == address(0)) revert ClaimNotFound(claimId);
            revert NotLabeler(claimId, msg.sender);
        }
        _requireUntil(0, _tasks[c.taskId].commitDeadline);
        // A claim stays in Claimed until revealed, so the commitment slot alone tells whether it committed.
        if (c.commitmentOrRoot != bytes32(0)) revert AlreadyCommitted(claimId);
        if (commitment == bytes32(0)) revert CommitmentMismatch(claimId);
        c.commitmentOrRoot = commitment;
        emit LabelsCommitted(claimId, commitment);
    }

    /// @inheritdoc ILabelingBounties
    function reveal(uint256 claimId, bytes32 labelsRoot, bytes32 salt, bytes32 labelsDigest, uint32 labelsCodec)
        external
    {
        Claim storage c = _claimOfLabeler(claimId);
        Task storage t = _tasks[c.taskId];
        _requireUntil(t.commitDeadline, t.revealDeadline);
        if (c.status != ClaimStatus.Claimed) revert ClaimAlreadySettled(claimId);
        bytes32 commitment = c.commitmentOrRoot;
        if (commitment == bytes32(0)) revert NotCommitted(claimId);
        if (keccak256(abi.encode(labelsRoot, salt, msg.sender, claimId)) != commitment) {
            revert CommitmentMismatch(claimId);
        }
        c.commitmentOrRoot = labelsRoot;
        c.status = ClaimStatus.Revealed;
        emit LabelsRevealed(claimId, labelsRoot, labelsDigest, labelsCodec);
    }

    // ----------------------------------------------------------------- review

    /// @inheritdoc ILabelingBounties
    function revealGold(uint256 taskId, GoldAnswer[] calldata answers) external {
        Task storage t = _existingTask(taskId);
        if (t.requester != msg.sender) revert NotRequester(taskId, msg.sender);
        _requireUntil(t.revealDeadline, t.reviewDeadline);
        uint16 revealed = t.goldRevealed;
        if (revealed + answers.length > t.goldCount) revert GoldLimitReached(t.goldCount);
        bytes32 root = t.goldRoot;
        for (uint256 i; i < answers.length; ++i) {
            GoldAnswer calldata a = answers[i];
            if (a.itemIndex >= t.itemCount || a.labelHash == bytes32(0)) revert InvalidGoldProof(a.itemIndex);
            if (_gold[taskId][a.itemIndex] != bytes32(0)) revert GoldAlreadyRevealed(a.itemIndex);
            if (!MerkleProof.verifyCalldata(a.proof, root, _leaf(a.itemIndex, a.labelHash))) {
                revert InvalidGoldProof(a.itemIndex);
            }
            _gold[taskId][a.itemIndex] = a.labelHash;
            emit GoldRevealed(taskId, a.itemIndex, a.labelHash);
        }
        // At most MAX_GOLD (checked above against goldCount), so it fits in uint16.
        t.goldRevealed = uint16(revealed + answers.length);
    }

    /// @inheritdoc ILabelingBounties
    function checkGold(uint256 claimId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof)
        external
        nonReentrant
    {
        Claim storage c = _existingClaim(claimId);
        uint256 taskId = c.taskId;
        Task storage t = _tasks[taskId];
        _requireUntil(t.revealDeadline, t.reviewDeadline);
        if (c.status != ClaimStatus.Revealed) revert ClaimNotRevealed(claimId);
        bytes32 gold = _gold[taskId][itemIndex];
        if (gold == bytes32(0)) revert GoldNotRevealed(itemIndex);
        if (!_verifyLabel(t, c, claimId, itemIndex, labelHash, proof)) revert InvalidLabelProof(claimId, itemIndex);
        if (labelHash == gold) {
            c.goldPassed = true;
            emit GoldCheckPassed(claimId, itemIndex);
            return;
        }
        c.status = ClaimStatus.Slashed;
        uint256 reward = _claimReward(t, c.batchIndex);
        uint256 stake = t.stakePerClaim;
        t.rewardHeld -= uint128(reward);
        emit ClaimSlashed(claimId, itemIndex, stake, reward);
        if (stake != 0) _token.safeTransfer(_treasury, stake);
        if (reward != 0) _token.safeTransfer(t.requester, reward);
    }

    /// @inheritdoc ILabelingBounties
    function reject(uint256 claimId) external {
        Claim storage c = _existingClaim(claimId);
        Task storage t = _tasks[c.taskId];
        if (t.requester != msg.sender) revert NotRequester(c.taskId, msg.sender);
        _requireUntil(t.revealDeadline, t.reviewDeadline);
        if (c.status != ClaimStatus.Revealed) revert ClaimNotRevealed(claimId);
        if (c.goldPassed) revert ClaimPassedGold(claimId);
        if (c.rejectedByRequester) revert AlreadyRejected(claimId);
        c.rejectedByRequester = true;
        emit ClaimRejected(claimId);
    }

    // ----------------------------------------------------------------- votes

    /// @inheritdoc ILabelingBounties
    function commitVote(uint256 claimId, bytes32 commitment) external nonReentrant {
        Claim storage c = _existingClaim(claimId);
        uint256 taskId = c.taskId;
        Task storage t = _tasks[taskId];
        _requireUntil(t.revealDeadline, t.reviewDeadline);
        if (c.status != ClaimStatus.Revealed) revert ClaimNotRevealed(claimId);
        if (msg.sender == c.labeler || msg.sender == t.requester) revert ConflictOfInterest(claimId, msg.sender);
        if (c.votes >= t.votesPerClaim) revert VotesFull(claimId);
        Vote storage v = _votes[claimId][msg.sender];
        if (v.status != VoteStatus.None) revert AlreadyVoted(claimId);
        if (commitment == bytes32(0)) revert VoteMismatch(claimId);
        uint96 reward = t.validatorReward;
        if (t.poolUnreserved < reward) revert ValidationPoolExhausted(taskId);
        t.poolUnreserved -= reward;
        c.votes += 1;
        v.commitment = commitment;
        v.status = VoteStatus.Committed;
        emit VoteCommitted(claimId, msg.sender, commitment);
        _token.safeTransferFrom(msg.sender, address(this), t.stakePerClaim);
    }

    /// @inheritdoc ILabelingBounties
    function revealVote(uint256 claimId, bool approve, bytes32 salt) external {
        Claim storage c = _existingClaim(claimId);
        Task storage t = _tasks[c.taskId];
        _requireUntil(t.reviewDeadline, t.voteRevealDeadline);
        Vote storage v = _votes[claimId][msg.sender];
        if (v.status != VoteStatus.Committed) revert VoteNotPending(claimId, msg.sender);
        if (keccak256(abi.encode(claimId, approve, salt, msg.sender)) != v.commitment) revert VoteMismatch(claimId);
        v.status = VoteStatus.Revealed;
        v.approve = approve;
        // votes <= votesPerClaim <= 255, so neither tally can overflow.
        if (approve) c.approvals += 1;
        else c.rejections += 1;
        emit VoteRevealed(claimId, msg.sender, approve);
    }

    // ------------------------------------------------------------- settlement

    /// @inheritdoc ILabelingBounties
    function settle(uint256 claimId) external nonReentrant {
        Claim storage c = _existingClaim(claimId);
        Task storage t = _tasks[c.taskId];
        _requireAfter(t.voteRevealDeadline);
        ClaimStatus status = c.status;
        if (status != ClaimStatus.Claimed && status != ClaimStatus.Revealed) revert ClaimAlreadySettled(claimId);
        ClaimStatus outcome;
        if (status == ClaimStatus.Claimed) {
            outcome = ClaimStatus.Forfeited;
        } else if (c.approvals != c.rejections) {
            // Revealed validator votes with a strict majority decide, over the requester's own review.
            outcome = c.approvals > c.rejections ? ClaimStatus.Accepted : ClaimStatus.Rejected;
        } else {
            // A passed gold check outweighs a rejection the requester made before it.
            outcome = c.rejectedByRequester && !c.goldPassed ? ClaimStatus.Rejected : ClaimStatus.Accepted;
        }
        c.status = outcome;
        uint256 reward = _claimReward(t, c.batchIndex);
        uint256 stake = t.stakePerClaim;
        t.rewardHeld -= uint128(reward);
        uint256 toLabeler;
        uint256 toRequester;
        uint256 toTreasury;
        if (outcome == ClaimStatus.Accepted) {
            toLabeler = reward + stake;
        } else if (outcome == ClaimStatus.Rejected) {
            toLabeler = stake;
            toRequester = reward;
        } else {
            toRequester = reward;
            toTreasury = stake;
        }
        emit ClaimSettled(claimId, outcome, toLabeler, toRequester);
        if (toLabeler != 0) _token.safeTransfer(c.labeler, toLabeler);
        if (toRequester != 0) _token.safeTransfer(t.requester, toRequester);
        if (toTreasury != 0) _token.safeTransfer(_treasury, toTreasury);
    }

    /// @inheritdoc ILabelingBounties
    function settleVote(uint256 claimId, address validator) external nonReentrant {
        Claim storage c = _existingClaim(claimId);
        Task storage t = _tasks[c.taskId];
        _requireAfter(t.voteRevealDeadline);
        Vote storage v = _votes[claimId][validator];
        VoteStatus status = v.status;
        if (status != VoteStatus.Committed && status != VoteStatus.Revealed) revert VoteNotPending(claimId, validator);
        v.status = VoteStatus.Settled;
        uint256 reward = t.validatorReward;
        uint256 stake = t.stakePerClaim;
        t.poolHeld -= uint96(reward);
        uint256 toValidator;
        uint256 slashed;
        uint256 toRequester = reward;
        if (status == VoteStatus.Committed) {
            // Never revealed: hiding a vote could be used to grief the tally, so the stake is forfeited.
            slashed = stake;
        } else {
            toValidator = stake;
            bool majorityExists = c.approvals != c.rejections;
            if (majorityExists && v.approve == (c.approvals > c.rejections)) {
                toValidator += reward;
                toRequester = 0;
            }
        }
        emit VoteSettled(claimId, validator, toValidator, slashed);
        if (toValidator != 0) _token.safeTransfer(validator, toValidator);
        if (toRequester != 0) _token.safeTransfer(t.requester, toRequester);
        if (slashed != 0) _token.safeTransfer(_treasury, slashed);
    }

    // ------------------------------------------------------------------ owner

    /// @inheritdoc ILabelingBounties
    function setTreasury(address newTreasury) external onlyOwner {
        if (newTreasury == address(0)) revert ZeroAddress();
        address old = _treasury;
        _treasury = newTreasury;
        emit TreasuryChanged(old, newTreasury);
    }

    // ------------------------------------------------------------------ views

    /// @inheritdoc ILabelingBounties
    function getTask(uint256 taskId) external view returns (Task memory) {
        return _tasks[taskId];
    }

    /// @inheritdoc ILabelingBounties
    function getClaim(uint256 claimId) external view returns (Claim memory) {
        return _claims[claimId];
    }

    /// @inheritdoc ILabelingBounties
    function getVote(uint256 claimId, address validator) external view returns (Vote memory) {
        return _votes[claimId][validator];
    }

    /// @inheritdoc ILabelingBounties
    function goldAnswer(uint256 taskId, uint32 itemIndex) external view returns (bytes32) {
        return _gold[taskId][itemIndex];
    }

    /// @inheritdoc ILabelingBounties
    function batchClaims(uint256 taskId, uint32 batchIndex) external view returns (uint16) {
        return _batchClaims[taskId][batchIndex];
    }

    /// @inheritdoc ILabelingBounties
    function verifyLabel(uint256 claimId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        Claim storage c = _existingClaim(claimId);
        if (c.status == ClaimStatus.Claimed) return false;
        return _verifyLabel(_tasks[c.taskId], c, claimId, itemIndex, labelHash, proof);
    }

    /// @inheritdoc ILabelingBounties
    function verifyGold(uint256 taskId, uint32 itemIndex, bytes32 labelHash, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        return MerkleProof.verifyCalldata(proof, _existingTask(taskId).goldRoot, _leaf(itemIndex, labelHash));
    }

    /// @inheritdoc ILabelingBounties
    function token() external view returns (address) {
        return address(_token);
    }

    /// @inheritdoc ILabelingBounties
    function treasury() external view returns (address) {
        return _treasury;
    }

    /// @inheritdoc ILabelingBounties
    function taskCount() external view returns (uint256) {
        return _taskCount;
    }

    /// @inheritdoc ILabelingBounties
    function claimCount() external view returns (uint256) {
        return _claimCount;
    }

    // -------------------------------------------------------------- internals

    function _leaf(uint32 itemIndex, bytes32 labelHash) private pure returns (bytes32) {
        // Double hashing keeps a 64-byte leaf preimage from ever being mistaken for an inner node.
        return keccak256(bytes.concat(keccak256(abi.encode(uint256(itemIndex), labelHash))));
    }

    /// @dev Positional proof: the item's offset in its batch picks left or right at each level, and the proof
    ///      must have exactly the batch tree's depth, so every item has exactly one provable label.
    function _verifyLabel(
        Task storage t,
        Claim storage c,
        uint256 claimId,
        uint32 itemIndex,
        bytes32 labelHash,
        bytes32[] calldata proof
    ) private view returns (bool) {
        uint32 batchSize = t.batchSize;
        uint256 start = uint256(c.batchIndex) * batchSize;
        if (itemIndex < start || itemIndex >= start + _batchLength(t, c.batchIndex)) {
            revert ItemNotInBatch(claimId, itemIndex);
        }
        uint256 depth;
        while ((uint256(1) << depth) < batchSize) ++depth;
        if (proof.length != depth) return false;
        uint256 position = itemIndex - start;
        bytes32 node = _leaf(itemIndex, labelHash);
        for (uint256 i; i < depth; ++i) {
            node = (position & 1) == 0
                ? Hashes.efficientKeccak256(node, proof[i])
                : Hashes.efficientKeccak256(proof[i], node);
            position >>= 1;
        }
        return node == c.commitmentOrRoot;
    }

    function _batchLength(Task storage t, uint32 batchIndex) private view returns (uint32) {
        uint256 start = uint256(batchIndex) * t.batchSize;
        if (start >= t.itemCount) revert BatchOutOfRange(batchIndex);
        uint256 rest = t.itemCount - start;
        return rest < t.batchSize ? uint32(rest) : t.batchSize;
    }

    function _claimReward(Task storage t, uint32 batchIndex) private view returns (uint256) {
        return uint256(_batchLength(t, batchIndex)) * t.rewardPerLabel;
    }

    function _existingTask(uint256 taskId) private view returns (Task storage t) {
        t = _tasks[taskId];
        if (t.requester == address(0)) revert TaskNotFound(taskId);
    }

    function _existingClaim(uint256 claimId) private view returns (Claim storage c) {
        c = _claims[claimId];
        if (c.labeler == address(0)) revert ClaimNotFound(claimId);
    }

    function _claimOfLabeler(uint256 claimId) private view returns (Claim storage c) {
        c = _existingClaim(claimId);
        if (c.labeler != msg.sender) revert NotLabeler(claimId, msg.sender);
    }

    /// @dev Reverts unless opensAfter < now <= closesAt.
    function _requireUntil(uint256 opensAfter, uint256 closesAt) private view {
        if (block.timestamp <= opensAfter || block.timestamp > closesAt) revert OutsideWindow(opensAfter, closesAt);
    }

    function _requireAfter(uint256 opensAfter) private view {
        if (block.timestamp <= opensAfter) revert OutsideWindow(opensAfter, type(uint256).max);
    }
}
