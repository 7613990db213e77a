// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {LabelingFixture} from "./LabelingBounties.t.sol";
import {Merkle} from "./utils/Merkle.sol";
import {ILabelingBounties} from "../src/interfaces/ILabelingBounties.sol";

/// @notice One typical call per test on a contract already in use (a first task and its claims exist), so
///         `tools/gas-table.sh` (forge test --isolate) records what a user pays per transaction.
contract GasLabelingTest is LabelingFixture {
    uint256 internal claimId;

    function setUp() public override {
        super.setUp();
        // A second task so that ids and counters are warm, as on a network in use.
        vm.prank(requester);
        taskId = bounties.createTask(_taskParams());
        vm.prank(labelerB);
        bounties.claim(taskId, 1);
    }

    function test_gas_createTask() public {
        vm.prank(requester);
        bounties.createTask(_taskParams());
        vm.snapshotGasLastCall("LabelingBounties", "createTask");
    }

    function test_gas_claim() public {
        vm.prank(labelerA);
        bounties.claim(taskId, 0);
        vm.snapshotGasLastCall("LabelingBounties", "claim");
    }

    function test_gas_commit() public {
        vm.prank(labelerA);
        claimId = bounties.claim(taskId, 0);
        vm.prank(labelerA);
        bounties.commit(claimId, keccak256(abi.encode(_root(0, false), _salt(labelerA), labelerA, claimId)));
        vm.snapshotGasLastCall("LabelingBounties", "commit");
    }

    function test_gas_reveal() public {
        claimId = _claimAndCommit(labelerA, 0, false);
        _toReveal();
        _reveal(claimId, labelerA, 0, false);
        vm.snapshotGasLastCall("LabelingBounties", "reveal");
    }

    function test_gas_revealGold() public {
        _toReview();
        _revealAllGold();
        vm.snapshotGasLastCall("LabelingBounties", "revealGold (2 answers)");
    }

    function test_gas_checkGold() public {
        claimId = _revealedClaim(false);
        _revealAllGold();
        bounties.checkGold(claimId, 1, _truth(1), _labelProof(0, false, 1));
        vm.snapshotGasLastCall("LabelingBounties", "checkGold (match)");
    }

    function test_gas_settle() public {
        claimId = _revealedClaim(false);
        _toSettlement();
        bounties.settle(claimId);
        vm.snapshotGasLastCall("LabelingBounties", "settle (accepted)");
    }

    function test_gas_commitVote() public {
        claimId = _revealedClaim(false);
        _commitVote(validatorA, claimId, true);
        vm.snapshotGasLastCall("LabelingBounties", "commitVote");
    }
}
