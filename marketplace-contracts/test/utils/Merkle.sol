// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

import {Hashes} from "@openzeppelin/contracts/utils/cryptography/Hashes.sol";

/// @notice Builds the two Merkle trees of LabelingBounties in tests, the same way LabelMerkle does in Java.
library Merkle {
    function leaf(uint256 itemIndex, bytes32 labelHash) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(itemIndex, labelHash))));
    }

    function depthOf(uint256 batchSize) internal pure returns (uint256 depth) {
        while ((uint256(1) << depth) < batchSize) ++depth;
    }

    /// @dev Level 0 of a batch's positional tree: leaves for items start.., zero-padded to 2^depth.
    function _positionalLeaves(uint256 start, bytes32[] memory labelHashes, uint256 batchSize)
        private
        pure
        returns (bytes32[] memory level)
    {
        level = new bytes32[](uint256(1) << depthOf(batchSize));
        for (uint256 i; i < labelHashes.length; ++i) {
            level[i] = leaf(start + i, labelHashes[i]);
        }
    }

    function positionalRoot(uint256 start, bytes32[] memory labelHashes, uint256 batchSize)
        internal
        pure
        returns (bytes32)
    {
        bytes32[] memory level = _positionalLeaves(start, labelHashes, batchSize);
        while (level.length > 1) {
            bytes32[] memory up = new bytes32[](level.length / 2);
            for (uint256 i; i < up.length; ++i) {
                up[i] = Hashes.efficientKeccak256(level[2 * i], level[2 * i + 1]);
            }
            level = up;
        }
        return level[0];
    }

    function positionalProof(uint256 start, bytes32[] memory labelHashes, uint256 batchSize, uint256 position)
        internal
        pure
        returns (bytes32[] memory proof)
    {
        bytes32[] memory level = _positionalLeaves(start, labelHashes, batchSize);
        proof = new bytes32[](depthOf(batchSize));
        for (uint256 d; d < proof.length; ++d) {
            proof[d] = level[position ^ 1];
            bytes32[] memory up = new bytes32[](level.length / 2);
            for (uint256 i; i < up.length; ++i) {
                up[i] = Hashes.efficientKeccak256(level[2 * i], level[2 * i + 1]);
            }
            level = up;
            position >>= 1;
        }
    }

    /// @dev Sorted-pair tree (OpenZeppelin MerkleProof): pairs left to right, an odd last node moves up as is.
    function sortedRoot(bytes32[] memory leaves) internal pure returns (bytes32) {
        bytes32[] memory level = leaves;
        while (level.length > 1) level = _up(level);
        return level[0];
    }

    function sortedProof(bytes32[] memory leaves, uint256 index) internal pure returns (bytes32[] memory) {
        bytes32[] memory scratch = new bytes32[](32);
        uint256 n;
        bytes32[] memory level = leaves;
        while (level.length > 1) {
            uint256 sibling = index ^ 1;
            if (sibling < level.length) scratch[n++] = level[sibling];
            level = _up(level);
            index >>= 1;
        }
        bytes32[] memory proof = new bytes32[](n);
        for (uint256 i; i < n; ++i) proof[i] = scratch[i];
        return proof;
    }

    function _up(bytes32[] memory level) private pure returns (bytes32[] memory up) {
        up = new bytes32[]((level.length + 1) / 2);
        for (uint256 i; i < up.length; ++i) {
            up[i] = 2 * i + 1 < level.length
                ? Hashes.commutativeKeccak256(level[2 * i], level[2 * i + 1])
                : level[2 * i];
        }
    }
}
