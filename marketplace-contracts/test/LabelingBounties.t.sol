// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "./utils/TestBase.sol";
import {Merkle} from "./utils/Merkle.sol";
import {DatagoraToken} from "../src/DatagoraToken.sol";
import {LabelingBounties} from "../src/LabelingBounties.sol";
import {ILabelingBounties} from "../src/interfaces/ILabelingBounties.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Shared fixture: a task of 8 items in 2 batches of 4, 2 labels per item, gold answers for items 1 and 5.
abstract contract LabelingFixture is TestBase {
    DatagoraToken internal token;
    LabelingBounties internal bounties;
    address internal owner = address(0x0A11);
    address internal treasury = address(0x7EA5);
    address internal requester = address(0x4E0);
    address internal labelerA = address(0x1A);
    address internal labelerB = address(0x1B);
    address internal labelerC = address(0x1C);
    address internal validatorA = address(0x7A);
    address internal validatorB = address(0x7B);
    address internal validatorC = address(0x7C);

    uint40 internal constant T0 = 1_000_000;
    uint96 internal constant REWARD = 1 ether;
    uint96 internal constant STAKE = 2 ether;
    uint96 internal constant VALIDATOR_REWARD = 0.5 ether;
    uint96 internal constant POOL = 3 ether;
    uint256 internal constant START_BALANCE = 1_000 ether;

    uint256 internal taskId;

    function setUp() public virtual {
        vm.warp(T0);
        token = new DatagoraToken(address(this));
        bounties = new LabelingBounties(IERC20(address(token)), owner, treasury);
        address[7] memory people = [requester, labelerA, labelerB, labelerC, validatorA, validatorB, validatorC];
        for (uint256 i; i < people.length; ++i) {
            token.mint(people[i], START_BALANCE);
            vm.prank(people[i]);
            token.approve(address(bounties), type(uint256).max);
        }
        vm.prank(requester);
        taskId = bounties.createTask(_taskParams());
    }

    function _taskParams() internal pure returns (ILabelingBounties.TaskParams memory p) {
        p.manifestDigest = keccak256("manifest");
        p.schemaDigest = keccak256("schema");
        p.goldRoot = Merkle.sortedRoot(_goldLeaves());
        p.manifestCodec = 0x70;
        p.schemaCodec = 0x55;
        p.itemCount = 8;
        p.batchSize = 4;
        p.labelsPerItem = 2;
        p.goldCount = 2;
        p.rewardPerLabel = REWARD;
        p.stakePerClaim = STAKE;
        p.validatorReward = VALIDATOR_REWARD;
        p.validationPool = POOL;
        p.votesPerClaim = 3;
        p.claimDeadline = T0 + 100;
        p.commitDeadline = T0 + 200;
        p.revealDeadline = T0 + 300;
        p.reviewDeadline = T0 + 400;
        p.voteRevealDeadline = T0 + 500;
    }

    function _truth(uint256 item) internal pure returns (bytes32) {
        return keccak256(abi.encode("label", item % 3));
    }

    function _goldLeaves() internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](2);
        leaves[0] = Merkle.leaf(1, _truth(1));
        leaves[1] = Merkle.leaf(5, _truth(5));
    }

    /// @dev Labels of a batch; a careless labeler gets every item wrong.
    function _labels(uint32 batch, bool careless) internal pure returns (bytes32[] memory hashes) {
        hashes = new bytes32[](4);
        for (uint256 i; i < 4; ++i) {
            hashes[i] = careless ? keccak256(abi.encode("wrong", i)) : _truth(batch * 4 + i);
        }
    }

    function _root(uint32 batch, bool careless) internal pure returns (bytes32) {
        return Merkle.positionalRoot(batch * 4, _labels(batch, careless), 4);
    }

    function _salt(address labeler) internal pure returns (bytes32) {
        return keccak256(abi.encode("salt", labeler));
    }

    function _claimAndCommit(address labeler, uint32 batch, bool careless) internal returns (uint256 claimId) {
        vm.startPrank(labeler);
        claimId = bounties.claim(taskId, batch);
        bounties.commit(claimId, keccak256(abi.encode(_root(batch, careless), _salt(labeler), labeler, claimId)));
        vm.stopPrank();
    }

    function _reveal(uint256 claimId, address labeler, uint32 batch, bool careless) internal {
        vm.prank(labeler);
        bounties.reveal(claimId, _root(batch, careless), _salt(labeler), keccak256("labels file"), 0x55);
    }

    function _toReveal() internal {
        vm.warp(T0 + 201);
    }

    function _toReview() internal {
        vm.warp(T0 + 301);
    }

    function _toVoteReveal() internal {
        vm.warp(T0 + 401);
    }

    function _toSettlement() internal {
        vm.warp(T0 + 501);
    }

    function _revealAllGold() internal {
        ILabelingBounties.GoldAnswer[] memory answers = new ILabelingBounties.GoldAnswer[](2);
        answers[0] = ILabelingBounties.GoldAnswer(1, _truth(1), Merkle.sortedProof(_goldLeaves(), 0));
        answers[1] = ILabelingBounties.GoldAnswer(5, _truth(5), Merkle.sortedProof(_goldLeaves(), 1));
        vm.prank(requester);
        bounties.revealGold(taskId, answers);
    }

    function _labelProof(uint32 batch, bool careless, uint256 item) internal pure returns (bytes32[] memory) {
        return Merkle.positionalProof(batch * 4, _labels(batch, careless), 4, item - batch * 4);
    }

    function _voteCommitment(uint256 claimId, bool approve, address validator) internal pure returns (bytes32) {
        return keccak256(abi.encode(claimId, approve, keccak256(abi.encode("vote", validator)), validator));
    }

    function _commitVote(address validator, uint256 claimId, bool approve) internal {
        vm.prank(validator);
        bounties.commitVote(claimId, _voteCommitment(claimId, approve, validator));
    }

    function _revealVote(address validator, uint256 claimId, bool approve) internal {
        vm.prank(validator);
        bounties.revealVote(claimId, approve, keccak256(abi.encode("vote", validator)));
    }

    /// @dev One revealed claim of labelerA on batch 0, the window now at review.
    function _revealedClaim(bool careless) internal returns (uint256 claimId) {
        claimId = _claimAndCommit(labelerA, 0, careless);
        _toReveal();
        _reveal(claimId, labelerA, 0, careless);
        _toReview();
    }
}

contract LabelingBountiesTest is LabelingFixture {
    // ---------------------------------------------------------- creation

    function test_constructor_revertsWhen_zeroTreasury() public {
        vm.expectRevert(ILabelingBounties.ZeroAddress.selector);
        new LabelingBounties(IERC20(address(token)), owner, address(0));
    }

    function test_createTask_escrowsRewardAndPool() public view {
        ILabelingBounties.Task memory t = bounties.getTask(taskId);
        assertEq(token.balanceOf(address(bounties)), 8 * 2 * REWARD + POOL, "escrowed");
        assertEq(token.balanceOf(requester), START_BALANCE - 8 * 2 * REWARD - POOL, "paid");
        assertEq(t.requester, requester, "requester");
        assertEq(t.rewardHeld, 16 ether, "held");
        assertEq(t.poolHeld, POOL, "pool");
        assertEq(bounties.taskCount(), 1, "count");
    }

    function test_createTask_revertsWhen_deadlinesOutOfOrder() public {
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.revealDeadline = p.commitDeadline;
        vm.expectRevert(ILabelingBounties.InvalidTask.selector);
        vm.prank(requester);
        bounties.createTask(p);
    }

    function test_createTask_revertsWhen_noItems() public {
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.itemCount = 0;
        vm.expectRevert(ILabelingBounties.InvalidTask.selector);
        vm.prank(requester);
        bounties.createTask(p);
    }

    function test_createTask_revertsWhen_poolWithoutVotes() public {
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.votesPerClaim = 0;
        vm.expectRevert(ILabelingBounties.InvalidTask.selector);
        vm.prank(requester);
        bounties.createTask(p);
    }

    // ------------------------------------------------------------ claims

    function test_claim_stakesAndRecords() public {
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.BatchClaimed(1, taskId, labelerA, 1);
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 1);
        ILabelingBounties.Claim memory c = bounties.getClaim(claimId);
        assertEq(c.labeler, labelerA, "labeler");
        assertEq(c.batchIndex, 1, "batch");
        assertEq(token.balanceOf(labelerA), START_BALANCE - STAKE, "staked");
        assertEq(bounties.batchClaims(taskId, 1), 1, "batch count");
    }

    function test_claim_revertsWhen_taskMissing() public {
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.TaskNotFound.selector, 9));
        bounties.claim(9, 0);
    }

    function test_claim_revertsWhen_batchOutOfRange() public {
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.BatchOutOfRange.selector, uint32(2)));
        vm.prank(labelerA);
        bounties.claim(taskId, 2);
    }

    function test_claim_revertsWhen_batchFull() public {
        vm.prank(labelerA);
        bounties.claim(taskId, 0);
        vm.prank(labelerB);
        bounties.claim(taskId, 0);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.BatchFull.selector, uint32(0)));
        vm.prank(labelerC);
        bounties.claim(taskId, 0);
    }

    function test_claim_revertsWhen_sameLabelerTwice() public {
        vm.startPrank(labelerA);
        bounties.claim(taskId, 0);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.BatchAlreadyClaimedByCaller.selector, uint32(0)));
        bounties.claim(taskId, 0);
        vm.stopPrank();
    }

    function test_claim_revertsWhen_afterClaimDeadline() public {
        vm.warp(T0 + 101);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.OutsideWindow.selector, 0, T0 + 100));
        vm.prank(labelerA);
        bounties.claim(taskId, 0);
    }

    // ------------------------------------------------------ commit/reveal

    function test_commit_storesCommitment() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.LabelsCommitted(claimId, bytes32(uint256(7)));
        vm.prank(labelerA);
        bounties.commit(claimId, bytes32(uint256(7)));
        assertEq(bounties.getClaim(claimId).commitmentOrRoot, bytes32(uint256(7)), "stored");
    }

    function test_commit_revertsWhen_claimMissing() public {
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimNotFound.selector, 3));
        bounties.commit(3, bytes32(uint256(1)));
    }

    function test_commit_revertsWhen_notLabeler() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.NotLabeler.selector, claimId, labelerB));
        vm.prank(labelerB);
        bounties.commit(claimId, bytes32(uint256(1)));
    }

    function test_commit_revertsWhen_alreadyCommitted() public {
        uint256 claimId = _claimAndCommit(labelerA, 0, false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.AlreadyCommitted.selector, claimId));
        vm.prank(labelerA);
        bounties.commit(claimId, bytes32(uint256(1)));
    }

    function test_commit_revertsWhen_zeroCommitment() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.CommitmentMismatch.selector, claimId));
        vm.prank(labelerA);
        bounties.commit(claimId, bytes32(0));
    }

    function test_commit_revertsWhen_afterCommitDeadline() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        _toReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.OutsideWindow.selector, 0, T0 + 200));
        vm.prank(labelerA);
        bounties.commit(claimId, bytes32(uint256(1)));
    }

    function test_reveal_storesLabelsRoot() public {
        uint256 claimId = _claimAndCommit(labelerA, 0, false);
        _toReveal();
        _reveal(claimId, labelerA, 0, false);
        ILabelingBounties.Claim memory c = bounties.getClaim(claimId);
        assertTrue(c.status == ILabelingBounties.ClaimStatus.Revealed, "revealed");
        assertEq(c.commitmentOrRoot, _root(0, false), "root");
    }

    function test_reveal_revertsWhen_duringCommitWindow() public {
        uint256 claimId = _claimAndCommit(labelerA, 0, false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.OutsideWindow.selector, T0 + 200, T0 + 300));
        _reveal(claimId, labelerA, 0, false);
    }

    function test_reveal_revertsWhen_notCommitted() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        _toReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.NotCommitted.selector, claimId));
        _reveal(claimId, labelerA, 0, false);
    }

    function test_reveal_revertsWhen_rootDiffersFromCommitment() public {
        uint256 claimId = _claimAndCommit(labelerA, 0, false);
        _toReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.CommitmentMismatch.selector, claimId));
        _reveal(claimId, labelerA, 0, true);
    }

    function test_reveal_revertsWhen_revealedTwice() public {
        uint256 claimId = _claimAndCommit(labelerA, 0, false);
        _toReveal();
        _reveal(claimId, labelerA, 0, false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimAlreadySettled.selector, claimId));
        _reveal(claimId, labelerA, 0, false);
    }

    function test_reveal_revertsWhen_copiedByAnotherLabeler() public {
        uint256 original = _claimAndCommit(labelerA, 0, false);
        vm.startPrank(labelerB);
        uint256 copy = bounties.claim(taskId, 0);
        bounties.commit(copy, bounties.getClaim(original).commitmentOrRoot);
        vm.stopPrank();
        _toReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.CommitmentMismatch.selector, copy));
        vm.prank(labelerB);
        bounties.reveal(copy, _root(0, false), _salt(labelerA), bytes32(0), 0);
    }

    // --------------------------------------------------------------- gold

    function test_revealGold_storesAnswers() public {
        _toReview();
        _revealAllGold();
        assertEq(bounties.goldAnswer(taskId, 5), _truth(5), "gold 5");
        assertEq(bounties.getTask(taskId).goldRevealed, 2, "count");
    }

    function test_revealGold_revertsWhen_notRequester() public {
        _toReview();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.NotRequester.selector, taskId, labelerA));
        vm.prank(labelerA);
        bounties.revealGold(taskId, new ILabelingBounties.GoldAnswer[](0));
    }

    function test_revealGold_revertsWhen_beforeReviewWindow() public {
        _toReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.OutsideWindow.selector, T0 + 300, T0 + 400));
        vm.prank(requester);
        bounties.revealGold(taskId, new ILabelingBounties.GoldAnswer[](0));
    }

    function test_revealGold_revertsWhen_proofInvalid() public {
        _toReview();
        ILabelingBounties.GoldAnswer[] memory answers = new ILabelingBounties.GoldAnswer[](1);
        answers[0] = ILabelingBounties.GoldAnswer(1, _truth(2), Merkle.sortedProof(_goldLeaves(), 0));
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.InvalidGoldProof.selector, uint32(1)));
        vm.prank(requester);
        bounties.revealGold(taskId, answers);
    }

    function test_revealGold_revertsWhen_revealedTwice() public {
        _toReview();
        ILabelingBounties.GoldAnswer[] memory answers = new ILabelingBounties.GoldAnswer[](1);
        answers[0] = ILabelingBounties.GoldAnswer(1, _truth(1), Merkle.sortedProof(_goldLeaves(), 0));
        vm.startPrank(requester);
        bounties.revealGold(taskId, answers);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.GoldAlreadyRevealed.selector, uint32(1)));
        bounties.revealGold(taskId, answers);
        vm.stopPrank();
    }

    function test_revealGold_revertsWhen_moreThanGoldCount() public {
        _toReview();
        ILabelingBounties.GoldAnswer[] memory answers = new ILabelingBounties.GoldAnswer[](3);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.GoldLimitReached.selector, uint16(2)));
        vm.prank(requester);
        bounties.revealGold(taskId, answers);
    }

    function test_checkGold_matchProtectsFromRejection() public {
        uint256 claimId = _revealedClaim(false);
        _revealAllGold();
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.GoldCheckPassed(claimId, 1);
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, false, 1));
        assertTrue(bounties.getClaim(claimId).goldPassed, "passed");
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimPassedGold.selector, claimId));
        vm.prank(requester);
        bounties.reject(claimId);
    }

    function test_checkGold_matchOverridesEarlierRejection() public {
        uint256 claimId = _revealedClaim(false);
        vm.prank(requester);
        bounties.reject(claimId);
        _revealAllGold();
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, false, 1));
        _toSettlement();
        bounties.settle(claimId);
        assertTrue(bounties.getClaim(claimId).status == ILabelingBounties.ClaimStatus.Accepted, "accepted");
        assertEq(token.balanceOf(labelerA), START_BALANCE + 4 * REWARD, "paid");
    }

    function test_checkGold_mismatchSlashesStakeToTreasury() public {
        uint256 claimId = _revealedClaim(true);
        _revealAllGold();
        uint256 requesterBefore = token.balanceOf(requester);
        bytes32 given = _labels(0, true)[1];
        vm.prank(requester);
        bounties.checkGold(claimId, 1, given, _labelProof(0, true, 1));
        assertTrue(bounties.getClaim(claimId).status == ILabelingBounties.ClaimStatus.Slashed, "slashed");
        assertEq(token.balanceOf(treasury), STAKE, "stake to treasury");
        assertEq(token.balanceOf(requester), requesterBefore + 4 * REWARD, "reward back to requester");
        assertEq(token.balanceOf(labelerA), START_BALANCE - STAKE, "labeler lost exactly the stake");
    }

    function test_checkGold_revertsWhen_goldNotRevealed() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.GoldNotRevealed.selector, uint32(1)));
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, false, 1));
    }

    function test_checkGold_revertsWhen_itemNotInBatch() public {
        uint256 claimId = _revealedClaim(false);
        _revealAllGold();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ItemNotInBatch.selector, claimId, uint32(5)));
        bounties.checkGold(claimId, 5, _truth(5), _labelProof(0, false, 1));
    }

    function test_checkGold_revertsWhen_labelProofInvalid() public {
        uint256 claimId = _revealedClaim(true);
        _revealAllGold();
        // The careless labeler cannot claim the gold answer: it is not at item 1's position in their root.
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.InvalidLabelProof.selector, claimId, uint32(1)));
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, true, 1));
    }

    function test_checkGold_revertsWhen_claimNotRevealed() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        _toReview();
        _revealAllGold();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimNotRevealed.selector, claimId));
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, false, 1));
    }

    // ------------------------------------------------------------ review

    function test_reject_returnsRewardAndStakeAtSettlement() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.ClaimRejected(claimId);
        vm.prank(requester);
        bounties.reject(claimId);
        uint256 requesterBefore = token.balanceOf(requester);
        _toSettlement();
        bounties.settle(claimId);
        assertTrue(bounties.getClaim(claimId).status == ILabelingBounties.ClaimStatus.Rejected, "rejected");
        assertEq(token.balanceOf(labelerA), START_BALANCE, "stake back, no reward");
        assertEq(token.balanceOf(requester), requesterBefore + 4 * REWARD, "reward back");
    }

    function test_reject_revertsWhen_notRequester() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.NotRequester.selector, taskId, labelerB));
        vm.prank(labelerB);
        bounties.reject(claimId);
    }

    function test_reject_revertsWhen_alreadyRejected() public {
        uint256 claimId = _revealedClaim(false);
        vm.startPrank(requester);
        bounties.reject(claimId);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.AlreadyRejected.selector, claimId));
        bounties.reject(claimId);
        vm.stopPrank();
    }

    function test_reject_revertsWhen_claimNotRevealed() public {
        vm.prank(labelerA);
        uint256 claimId = bounties.claim(taskId, 0);
        _toReview();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimNotRevealed.selector, claimId));
        vm.prank(requester);
        bounties.reject(claimId);
    }

    // ------------------------------------------------------------- votes

    function test_commitVote_stakesAndReservesReward() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        assertEq(token.balanceOf(validatorA), START_BALANCE - STAKE, "staked");
        assertEq(bounties.getTask(taskId).poolUnreserved, POOL - VALIDATOR_REWARD, "reserved");
        assertTrue(bounties.getVote(claimId, validatorA).status == ILabelingBounties.VoteStatus.Committed, "vote");
    }

    function test_commitVote_revertsWhen_labelerVotesOnOwnClaim() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ConflictOfInterest.selector, claimId, labelerA));
        _commitVote(labelerA, claimId, true);
    }

    function test_commitVote_revertsWhen_votesFull() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _commitVote(validatorB, claimId, true);
        _commitVote(validatorC, claimId, true);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.VotesFull.selector, claimId));
        _commitVote(labelerB, claimId, true);
    }

    function test_commitVote_revertsWhen_alreadyVoted() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.AlreadyVoted.selector, claimId));
        _commitVote(validatorA, claimId, false);
    }

    function test_commitVote_revertsWhen_zeroCommitment() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.VoteMismatch.selector, claimId));
        vm.prank(validatorA);
        bounties.commitVote(claimId, bytes32(0));
    }

    function test_commitVote_revertsWhen_poolExhausted() public {
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.validationPool = VALIDATOR_REWARD;
        vm.prank(requester);
        taskId = bounties.createTask(p);
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ValidationPoolExhausted.selector, taskId));
        _commitVote(validatorB, claimId, true);
    }

    function test_revealVote_countsVote() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, false);
        _toVoteReveal();
        _revealVote(validatorA, claimId, false);
        assertEq(bounties.getClaim(claimId).rejections, 1, "counted");
    }

    function test_revealVote_revertsWhen_voteMissing() public {
        uint256 claimId = _revealedClaim(false);
        _toVoteReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.VoteNotPending.selector, claimId, validatorA));
        _revealVote(validatorA, claimId, true);
    }

    function test_revealVote_revertsWhen_voteDiffersFromCommitment() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _toVoteReveal();
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.VoteMismatch.selector, claimId));
        _revealVote(validatorA, claimId, false);
    }

    // -------------------------------------------------------- settlement

    function test_settle_acceptsAutomaticallyAfterWindows() public {
        uint256 claimId = _revealedClaim(false);
        _toSettlement();
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.ClaimSettled(claimId, ILabelingBounties.ClaimStatus.Accepted, 4 * REWARD + STAKE, 0);
        bounties.settle(claimId);
        assertEq(token.balanceOf(labelerA), START_BALANCE + 4 * REWARD, "reward earned, stake back");
    }

    function test_settle_forfeitsStakeWhenNeverRevealed() public {
        _claimAndCommit(labelerA, 0, false);
        _toSettlement();
        bounties.settle(1);
        assertTrue(bounties.getClaim(1).status == ILabelingBounties.ClaimStatus.Forfeited, "forfeited");
        assertEq(token.balanceOf(treasury), STAKE, "stake to treasury");
    }

    function test_settle_validatorMajorityOverridesRejection() public {
        uint256 claimId = _revealedClaim(false);
        vm.prank(requester);
        bounties.reject(claimId);
        _commitVote(validatorA, claimId, true);
        _commitVote(validatorB, claimId, true);
        _commitVote(validatorC, claimId, false);
        _toVoteReveal();
        _revealVote(validatorA, claimId, true);
        _revealVote(validatorB, claimId, true);
        _revealVote(validatorC, claimId, false);
        _toSettlement();
        bounties.settle(claimId);
        assertTrue(bounties.getClaim(claimId).status == ILabelingBounties.ClaimStatus.Accepted, "accepted");
    }

    function test_settle_revertsWhen_settledTwice() public {
        uint256 claimId = _revealedClaim(false);
        _toSettlement();
        bounties.settle(claimId);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.ClaimAlreadySettled.selector, claimId));
        bounties.settle(claimId);
    }

    function test_settle_revertsWhen_beforeVoteRevealEnds() public {
        uint256 claimId = _revealedClaim(false);
        vm.expectRevert(
            abi.encodeWithSelector(ILabelingBounties.OutsideWindow.selector, T0 + 500, type(uint256).max)
        );
        bounties.settle(claimId);
    }

    function test_settleVote_paysMajorityReturnsMinorityForfeitsHidden() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _commitVote(validatorB, claimId, false);
        _commitVote(validatorC, claimId, true);
        _toVoteReveal();
        _revealVote(validatorA, claimId, true);
        _revealVote(validatorB, claimId, false);
        _toSettlement();
        uint256 requesterBefore = token.balanceOf(requester);
        bounties.settleVote(claimId, validatorA);
        bounties.settleVote(claimId, validatorB);
        bounties.settleVote(claimId, validatorC);
        // One approval against one rejection: no majority, so nobody earns the reward.
        assertEq(token.balanceOf(validatorA), START_BALANCE, "tie: stake back only");
        assertEq(token.balanceOf(validatorB), START_BALANCE, "tie: stake back only");
        assertEq(token.balanceOf(validatorC), START_BALANCE - STAKE, "hidden vote forfeited");
        assertEq(token.balanceOf(treasury), STAKE, "to treasury");
        assertEq(token.balanceOf(requester), requesterBefore + 3 * VALIDATOR_REWARD, "reservations back");
    }

    function test_settleVote_paysMajority() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _commitVote(validatorB, claimId, false);
        _commitVote(validatorC, claimId, true);
        _toVoteReveal();
        _revealVote(validatorA, claimId, true);
        _revealVote(validatorB, claimId, false);
        _revealVote(validatorC, claimId, true);
        _toSettlement();
        bounties.settleVote(claimId, validatorA);
        bounties.settleVote(claimId, validatorB);
        assertEq(token.balanceOf(validatorA), START_BALANCE + VALIDATOR_REWARD, "majority paid");
        assertEq(token.balanceOf(validatorB), START_BALANCE, "minority: stake back");
    }

    function test_settleVote_revertsWhen_settledTwice() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _toSettlement();
        bounties.settleVote(claimId, validatorA);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.VoteNotPending.selector, claimId, validatorA));
        bounties.settleVote(claimId, validatorA);
    }

    function test_closeTask_returnsUnclaimedAndUnusedPool() public {
        uint256 claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        _toSettlement();
        uint256 requesterBefore = token.balanceOf(requester);
        vm.expectEmit(true, true, true, true);
        emit ILabelingBounties.TaskClosed(taskId, 12 * REWARD + POOL - VALIDATOR_REWARD);
        bounties.closeTask(taskId);
        assertEq(token.balanceOf(requester), requesterBefore + 12 * REWARD + POOL - VALIDATOR_REWARD, "returned");
        bounties.settle(claimId);
        bounties.settleVote(claimId, validatorA);
        assertEq(token.balanceOf(address(bounties)), 0, "nothing left behind");
    }

    function test_closeTask_revertsWhen_closedTwice() public {
        _toSettlement();
        bounties.closeTask(taskId);
        vm.expectRevert(abi.encodeWithSelector(ILabelingBounties.TaskAlreadyClosed.selector, taskId));
        bounties.closeTask(taskId);
    }

    // ------------------------------------------------------------- owner

    function test_setTreasury_redirectsSlashes() public {
        vm.prank(owner);
        bounties.setTreasury(validatorC);
        assertEq(bounties.treasury(), validatorC, "treasury");
    }

    function test_setTreasury_revertsWhen_zeroAddress() public {
        vm.expectRevert(ILabelingBounties.ZeroAddress.selector);
        vm.prank(owner);
        bounties.setTreasury(address(0));
    }

    function test_setTreasury_revertsWhen_notOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, requester));
        vm.prank(requester);
        bounties.setTreasury(requester);
    }

    // -------------------------------------------------------------- views

    function test_views_reportConfigurationAndCounts() public {
        vm.prank(labelerA);
        bounties.claim(taskId, 0);
        assertEq(bounties.token(), address(token), "token");
        assertEq(bounties.treasury(), treasury, "treasury");
        assertEq(bounties.claimCount(), 1, "claims");
        assertEq(bounties.owner(), owner, "owner");
        assertEq(bounties.getTask(taskId).claimedReward, 4 * REWARD, "claimed reward");
    }

    function test_verifyGold_acceptsOnlyCommittedAnswers() public view {
        assertTrue(bounties.verifyGold(taskId, 5, _truth(5), Merkle.sortedProof(_goldLeaves(), 1)), "gold");
        assertTrue(!bounties.verifyGold(taskId, 5, _truth(4), Merkle.sortedProof(_goldLeaves(), 1)), "not gold");
    }

    // --------------------------------------------------------------- fuzz

    function testFuzz_createTask_escrowsExactTotal(uint32 items, uint32 batch, uint16 perItem, uint96 reward) public {
        items = uint32(bound(items, 1, 100_000));
        batch = uint32(bound(batch, 1, 65_536));
        perItem = uint16(bound(perItem, 1, 50));
        reward = uint96(bound(reward, 0, 1_000 ether));
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.itemCount = items;
        p.batchSize = batch;
        p.labelsPerItem = perItem;
        p.rewardPerLabel = reward;
        p.goldCount = 0;
        uint256 total = uint256(items) * perItem * reward + POOL;
        token.mint(requester, total);
        uint256 before = token.balanceOf(address(bounties));
        vm.prank(requester);
        bounties.createTask(p);
        assertEq(token.balanceOf(address(bounties)) - before, total, "escrow equals items x labels x reward + pool");
    }

    function testFuzz_settle_paysBatchLengthTimesReward(uint32 items, uint32 batch, uint32 batchIndex) public {
        items = uint32(bound(items, 1, 10_000));
        batch = uint32(bound(batch, 1, 1_000));
        uint32 batches = (items + batch - 1) / batch;
        batchIndex = uint32(bound(batchIndex, 0, batches - 1));
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.itemCount = items;
        p.batchSize = batch;
        p.goldCount = 0;
        p.rewardPerLabel = 3;
        token.mint(requester, uint256(items) * 2 * 3);
        vm.prank(requester);
        taskId = bounties.createTask(p);
        vm.startPrank(labelerA);
        uint256 claimId = bounties.claim(taskId, batchIndex);
        bounties.commit(claimId, keccak256(abi.encode(bytes32(uint256(1)), bytes32(0), labelerA, claimId)));
        vm.stopPrank();
        _toReveal();
        vm.prank(labelerA);
        bounties.reveal(claimId, bytes32(uint256(1)), bytes32(0), bytes32(0), 0);
        _toSettlement();
        bounties.settle(claimId);
        uint256 length = batchIndex == batches - 1 ? items - batchIndex * batch : batch;
        assertEq(token.balanceOf(labelerA), START_BALANCE + length * 3, "reward for the batch's items");
    }

    function testFuzz_verifyLabel_positionalProofs(uint256 seed, uint32 position) public {
        ILabelingBounties.TaskParams memory p = _taskParams();
        p.batchSize = uint32(bound(seed, 1, 40));
        p.itemCount = p.batchSize * 3;
        p.goldCount = 0;
        vm.prank(requester);
        taskId = bounties.createTask(p);
        uint32 length = p.batchSize;
        position = uint32(bound(position, 0, length - 1));
        bytes32[] memory hashes = new bytes32[](length);
        for (uint256 i; i < length; ++i) hashes[i] = keccak256(abi.encode(seed, i));
        bytes32 root = Merkle.positionalRoot(uint256(length), hashes, length);
        vm.startPrank(labelerA);
        uint256 claimId = bounties.claim(taskId, 1);
        bounties.commit(claimId, keccak256(abi.encode(root, bytes32(0), labelerA, claimId)));
        _toReveal();
        bounties.reveal(claimId, root, bytes32(0), bytes32(0), 0);
        vm.stopPrank();
        bytes32[] memory proof = Merkle.positionalProof(uint256(length), hashes, length, position);
        assertTrue(bounties.verifyLabel(claimId, length + position, hashes[position], proof), "own label proven");
        if (length > 1) {
            uint32 other = (position + 1) % length;
            assertTrue(!bounties.verifyLabel(claimId, length + other, hashes[position], proof), "not elsewhere");
        }
    }
}
