// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {Merkle} from "../utils/Merkle.sol";
import {DatagoraToken} from "../../src/DatagoraToken.sol";
import {LabelingBounties} from "../../src/LabelingBounties.sol";
import {ILabelingBounties} from "../../src/interfaces/ILabelingBounties.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// @notice Drives labeling tasks through random, mostly well-formed sequences: tasks of 8 items in batches of 4
///         with gold answers for items 1 and 5, honest or careless labelers, validators voting either way.
contract LabelingHandler is TestBase {
    DatagoraToken internal immutable token;
    LabelingBounties internal immutable bounties;
    address internal constant REQUESTER = address(0x4E0);
    address[3] internal labelers = [address(0x1A), address(0x1B), address(0x1C)];
    address[3] internal validators = [address(0x7A), address(0x7B), address(0x7C)];
    uint256 public constant START = 1e30;
    uint96 public constant STAKE = 2 ether;

    uint256[] public claimIds;
    uint256[] public voteClaimIds;
    address[] public voteValidators;
    mapping(address => uint256) public claimsMade;
    mapping(address => uint256) public votesMade;
    mapping(uint256 claimId => bool) internal careless;

    constructor(DatagoraToken token_, LabelingBounties bounties_) {
        token = token_;
        bounties = bounties_;
    }

    /// @dev Called once the handler may mint.
    function init() external {
        _fund(REQUESTER);
        for (uint256 i; i < 3; ++i) {
            _fund(labelers[i]);
            _fund(validators[i]);
        }
    }

    function _fund(address who) internal {
        token.mint(who, START);
        vm.prank(who);
        token.approve(address(bounties), type(uint256).max);
    }

    function labelerAt(uint256 i) external view returns (address) {
        return labelers[i];
    }

    function validatorAt(uint256 i) external view returns (address) {
        return validators[i];
    }

    function claimCountTracked() external view returns (uint256) {
        return claimIds.length;
    }

    function voteCountTracked() external view returns (uint256) {
        return voteClaimIds.length;
    }

    /// @dev Every action lets ten minutes pass, so random sequences walk through all of a task's windows.
    function _tick() internal {
        vm.warp(block.timestamp + 10 minutes);
    }

    function _truth(uint256 item) internal pure returns (bytes32) {
        return keccak256(abi.encode("label", item % 3));
    }

    function _goldLeaves() internal pure returns (bytes32[] memory leaves) {
        leaves = new bytes32[](2);
        leaves[0] = Merkle.leaf(1, _truth(1));
        leaves[1] = Merkle.leaf(5, _truth(5));
    }

    function _labels(uint256 batch, bool sloppy) internal pure returns (bytes32[] memory hashes) {
        hashes = new bytes32[](4);
        for (uint256 i; i < 4; ++i) hashes[i] = sloppy ? keccak256(abi.encode("wrong", i)) : _truth(batch * 4 + i);
    }

    function _pickClaim(uint256 seed) internal view returns (uint256 claimId, ILabelingBounties.Claim memory c) {
        if (claimIds.length == 0) return (0, c);
        claimId = claimIds[seed % claimIds.length];
        c = bounties.getClaim(claimId);
    }

    /// @dev A claim in `status` if there is one (searching from a random start), else any claim.
    function _pickClaim(uint256 seed, ILabelingBounties.ClaimStatus status)
        internal
        view
        returns (uint256 claimId, ILabelingBounties.Claim memory c)
    {
        uint256 n = claimIds.length;
        for (uint256 i; i < n; ++i) {
            uint256 id = claimIds[(seed + i) % n];
            ILabelingBounties.Claim memory candidate = bounties.getClaim(id);
            if (candidate.status == status) return (id, candidate);
        }
        return _pickClaim(seed);
    }

    function createTask(uint96 reward, uint96 stakeSalt, uint8 votes) external {
        _tick();
        ILabelingBounties.TaskParams memory p;
        p.goldRoot = Merkle.sortedRoot(_goldLeaves());
        p.itemCount = 8;
        p.batchSize = 4;
        p.labelsPerItem = 2;
        p.goldCount = 2;
        p.rewardPerLabel = uint96(bound(reward, 0, 100 ether));
        p.stakePerClaim = STAKE;
        stakeSalt;
        p.votesPerClaim = uint8(bound(votes, 0, 3));
        if (p.votesPerClaim != 0) {
            p.validatorReward = 1 ether;
            p.validationPool = 4 ether;
        }
        uint40 now_ = uint40(block.timestamp);
        p.claimDeadline = now_ + 1 hours;
        p.commitDeadline = now_ + 2 hours;
        p.revealDeadline = now_ + 3 hours;
        p.reviewDeadline = now_ + 4 hours;
        p.voteRevealDeadline = now_ + (p.votesPerClaim == 0 ? 4 hours : 5 hours);
        vm.prank(REQUESTER);
        bounties.createTask(p);
    }

    function claimAndCommit(uint256 labelerSeed, uint256 taskSeed, uint32 batch, bool sloppy) external {
        _tick();
        uint256 tasks = bounties.taskCount();
        if (tasks == 0) return;
        address labeler = labelers[labelerSeed % 3];
        uint256 taskId = 1 + taskSeed % tasks;
        batch = batch % 2;
        // Single pranks only: a reverted call would leave a startPrank active for the next call.
        vm.prank(labeler);
        uint256 claimId = bounties.claim(taskId, batch);
        bytes32 root = Merkle.positionalRoot(batch * 4, _labels(batch, sloppy), 4);
        vm.prank(labeler);
        bounties.commit(claimId, keccak256(abi.encode(root, bytes32(claimId), labeler, claimId)));
        claimIds.push(claimId);
        careless[claimId] = sloppy;
        ++claimsMade[labeler];
    }

    function reveal(uint256 seed) external {
        _tick();
        (uint256 claimId, ILabelingBounties.Claim memory c) = _pickClaim(seed, ILabelingBounties.ClaimStatus.Claimed);
        if (claimId == 0) return;
        bytes32 root = Merkle.positionalRoot(c.batchIndex * 4, _labels(c.batchIndex, careless[claimId]), 4);
        vm.prank(c.labeler);
        bounties.reveal(claimId, root, bytes32(claimId), bytes32(0), 0);
    }

    function revealGold(uint256 taskSeed, bool second) external {
        _tick();
        uint256 tasks = bounties.taskCount();
        if (tasks == 0) return;
        ILabelingBounties.GoldAnswer[] memory answers = new ILabelingBounties.GoldAnswer[](1);
        uint32 item = second ? 5 : 1;
        answers[0] = ILabelingBounties.GoldAnswer(item, _truth(item), Merkle.sortedProof(_goldLeaves(), second ? 1 : 0));
        vm.prank(REQUESTER);
        bounties.revealGold(1 + taskSeed % tasks, answers);
    }

    function checkGold(uint256 seed) external {
        _tick();
        (uint256 claimId, ILabelingBounties.Claim memory c) = _pickClaim(seed, ILabelingBounties.ClaimStatus.Revealed);
        if (claimId == 0) return;
        uint32 item = c.batchIndex == 0 ? 1 : 5;
        bytes32[] memory labels = _labels(c.batchIndex, careless[claimId]);
        uint256 position = item - c.batchIndex * 4;
        bounties.checkGold(
            claimId, item, labels[position], Merkle.positionalProof(c.batchIndex * 4, labels, 4, position)
        );
    }

    function reject(uint256 seed) external {
        _tick();
        (uint256 claimId,) = _pickClaim(seed, ILabelingBounties.ClaimStatus.Revealed);
        if (claimId == 0) return;
        vm.prank(REQUESTER);
        bounties.reject(claimId);
    }

    function commitVote(uint256 seed, uint256 validatorSeed, bool approve) external {
        _tick();
        (uint256 claimId,) = _pickClaim(seed, ILabelingBounties.ClaimStatus.Revealed);
        if (claimId == 0) return;
        address validator = validators[validatorSeed % 3];
        vm.prank(validator);
        bounties.commitVote(claimId, keccak256(abi.encode(claimId, approve, bytes32(0), validator)));
        voteClaimIds.push(claimId);
        voteValidators.push(validator);
        ++votesMade[validator];
    }

    function revealVote(uint256 seed, bool approve) external {
        _tick();
        if (voteClaimIds.length == 0) return;
        uint256 i = seed % voteClaimIds.length;
        vm.prank(voteValidators[i]);
        bounties.revealVote(voteClaimIds[i], approve, bytes32(0));
    }

    function settle(uint256 seed) external {
        _tick();
        (uint256 claimId,) = _pickClaim(seed);
        if (claimId == 0) return;
        bounties.settle(claimId);
    }

    function settleVote(uint256 seed) external {
        _tick();
        if (voteClaimIds.length == 0) return;
        uint256 i = seed % voteClaimIds.length;
        bounties.settleVote(voteClaimIds[i], voteValidators[i]);
    }

    function closeTask(uint256 taskSeed) external {
        _tick();
        uint256 tasks = bounties.taskCount();
        if (tasks == 0) return;
        bounties.closeTask(1 + taskSeed % tasks);
    }

    /// @dev Jumps just past the next deadline of a task, so sequences reach every window of it.
    function advancePhase(uint256 taskSeed) external {
        uint256 tasks = bounties.taskCount();
        if (tasks == 0) return;
        ILabelingBounties.Task memory t = bounties.getTask(1 + taskSeed % tasks);
        uint40[5] memory deadlines =
            [t.claimDeadline, t.commitDeadline, t.revealDeadline, t.reviewDeadline, t.voteRevealDeadline];
        for (uint256 i; i < 5; ++i) {
            if (deadlines[i] >= block.timestamp) {
                vm.warp(uint256(deadlines[i]) + 1);
                return;
            }
        }
    }

    function warp(uint32 seconds_) external {
        vm.warp(block.timestamp + bound(seconds_, 10 minutes, 2 hours));
    }

    function voteAt(uint256 i) external view returns (uint256, address) {
        return (voteClaimIds[i], voteValidators[i]);
    }
}

contract LabelingInvariantsTest is TestBase {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    DatagoraToken internal token;
    LabelingBounties internal bounties;
    LabelingHandler internal handler;

    function setUp() public {
        vm.warp(1_000_000);
        token = new DatagoraToken(address(this));
        bounties = new LabelingBounties(IERC20(address(token)), address(this), address(0x7EA5));
        handler = new LabelingHandler(token, bounties);
        token.grantRole(token.FAUCET_ROLE(), address(handler));
        handler.init();
        handler.createTask(1 ether, 0, 2);
    }

    function targetContracts() public view returns (address[] memory targets) {
        targets = new address[](1);
        targets[0] = address(handler);
    }

    function excludeSelectors() public view returns (FuzzSelector[] memory excluded) {
        excluded = new FuzzSelector[](1);
        excluded[0].addr = address(handler);
        excluded[0].selectors = new bytes4[](1);
        excluded[0].selectors[0] = LabelingHandler.init.selector;
    }

    /// @dev The contract holds exactly what it owes, and no labeler or validator loses more than they staked.
    function invariant_solventAndStakeBounded() public view {
        uint256 owed;
        uint256 tasks = bounties.taskCount();
        for (uint256 id = 1; id <= tasks; ++id) {
            ILabelingBounties.Task memory t = bounties.getTask(id);
            owed += uint256(t.rewardHeld) + t.poolHeld;
        }
        uint256 claims = bounties.claimCount();
        for (uint256 id = 1; id <= claims; ++id) {
            ILabelingBounties.ClaimStatus s = bounties.getClaim(id).status;
            if (s == ILabelingBounties.ClaimStatus.Claimed || s == ILabelingBounties.ClaimStatus.Revealed) {
                owed += handler.STAKE();
            }
        }
        uint256 votes = handler.voteCountTracked();
        for (uint256 i; i < votes; ++i) {
            (uint256 claimId, address validator) = handler.voteAt(i);
            ILabelingBounties.VoteStatus s = bounties.getVote(claimId, validator).status;
            if (s == ILabelingBounties.VoteStatus.Committed || s == ILabelingBounties.VoteStatus.Revealed) {
                owed += handler.STAKE();
            }
        }
        assertEq(token.balanceOf(address(bounties)), owed, "balance == rewards + pools + stakes owed");

        uint256 start = handler.START();
        for (uint256 i; i < 3; ++i) {
            address labeler = handler.labelerAt(i);
            uint256 balance = token.balanceOf(labeler);
            if (balance < start) assertLe(start - balance, handler.STAKE() * handler.claimsMade(labeler), "labeler");
            address validator = handler.validatorAt(i);
            balance = token.balanceOf(validator);
            if (balance < start) {
                assertLe(start - balance, handler.STAKE() * handler.votesMade(validator), "validator");
            }
        }
    }
}
