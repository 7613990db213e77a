package org.datagora.contracts;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Builds the Merkle trees, proofs and commitments of LabelingBounties exactly as the contract checks them
 * (see docs/contracts.md): {@code leaf = keccak256(keccak256(abi.encode(uint256 itemIndex, bytes32 labelHash)))};
 * a labeler's batch tree is positional (leaf k is item firstItem + k, zero-padded to 2^depth leaves, node =
 * keccak256(left ++ right)); the gold tree hashes each pair in sorted order (OpenZeppelin MerkleProof) and
 * carries an odd last node up unchanged.
 */
public final class LabelMerkle {

    private static final byte[] ZERO = new byte[32];

    private LabelMerkle() {
    }

    /** The hash a label is committed as: keccak256 of its canonical bytes (UTF-8 of the label value). */
    public static byte[] labelHash(byte[] canonicalLabel) {
        return Hash.sha3(canonicalLabel);
    }

    /** The leaf of (itemIndex, labelHash). */
    public static byte[] leaf(long itemIndex, byte[] labelHash) {
        requireWord(labelHash, "labelHash");
        byte[] encoded = concat(uint256(BigInteger.valueOf(itemIndex)), labelHash);
        return Hash.sha3(Hash.sha3(encoded));
    }

    /** The labeler's commitment: keccak256(abi.encode(bytes32 root, bytes32 salt, address labeler, uint256 claimId)). */
    public static byte[] labelsCommitment(byte[] labelsRoot, byte[] salt, String labeler, BigInteger claimId) {
        requireWord(labelsRoot, "labelsRoot");
        requireWord(salt, "salt");
        return Hash.sha3(concat(labelsRoot, salt, address(labeler), uint256(claimId)));
    }

    /** A validator's commitment: keccak256(abi.encode(uint256 claimId, bool approve, bytes32 salt, address validator)). */
    public static byte[] voteCommitment(BigInteger claimId, boolean approve, byte[] salt, String validator) {
        requireWord(salt, "salt");
        return Hash.sha3(concat(uint256(claimId), uint256(approve ? BigInteger.ONE : BigInteger.ZERO), salt,
                address(validator)));
    }

    /** The depth of a batch tree: the smallest d with 2^d >= batchSize. */
    public static int depth(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        return 32 - Integer.numberOfLeadingZeros(batchSize - 1);
    }

    /** The positional tree of one claimed batch: labels of items firstItem, firstItem + 1, ... */
    public static BatchTree batch(long firstItem, List<byte[]> labelHashes, int batchSize) {
        if (labelHashes.isEmpty() || labelHashes.size() > batchSize) {
            throw new IllegalArgumentException("a batch holds 1 to " + batchSize + " labels, not " + labelHashes.size());
        }
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = new byte[1 << depth(batchSize)][];
        Arrays.fill(level, ZERO);
        for (int i = 0; i < labelHashes.size(); i++) {
            level[i] = leaf(firstItem + i, labelHashes.get(i));
        }
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = Hash.sha3(concat(level[2 * i], level[2 * i + 1]));
            }
            levels.add(up);
            level = up;
        }
        return new BatchTree(firstItem, labelHashes.size(), levels);
    }

    /** The sorted-pair tree of gold answers, in the order given. */
    public static GoldTree gold(List<GoldEntry> answers) {
        if (answers.isEmpty()) {
            throw new IllegalArgumentException("a gold tree needs at least one answer");
        }
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = answers.stream().map(a -> leaf(a.itemIndex(), a.labelHash())).toArray(byte[][]::new);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? sortedPair(level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
        return new GoldTree(List.copyOf(answers), levels);
    }

    /** One gold answer: the item and the hash of its correct label. */
    public record GoldEntry(long itemIndex, byte[] labelHash) {
        public GoldEntry {
            requireWord(labelHash, "labelHash");
        }
    }

    /** A labeler's batch tree. */
    public static final class BatchTree {
        private final long firstItem;
        private final int size;
        private final List<byte[][]> levels;

        private BatchTree(long firstItem, int size, List<byte[][]> levels) {
            this.firstItem = firstItem;
            this.size = size;
            this.levels = levels;
        }

        /** The labels root to commit to and reveal. */
        public byte[] root() {
            return levels.get(levels.size() - 1)[0].clone();
        }

        /** The proof of the label of {@code itemIndex}, bottom-up, as checkGold and verifyLabel take it. */
        public List<byte[]> proof(long itemIndex) {
            long offset = itemIndex - firstItem;
            if (offset < 0 || offset >= size) {
                throw new IllegalArgumentException("item " + itemIndex + " is not in this batch");
            }
            int position = (int) offset;
            List<byte[]> proof = new ArrayList<>();
            for (int d = 0; d < levels.size() - 1; d++) {
                proof.add(levels.get(d)[position ^ 1].clone());
                position >>= 1;
            }
            return proof;
        }
    }

    /** The requester's gold tree. */
    public static final class GoldTree {
        private final List<GoldEntry> answers;
        private final List<byte[][]> levels;

        private GoldTree(List<GoldEntry> answers, List<byte[][]> levels) {
            this.answers = answers;
            this.levels = levels;
        }

        /** The gold root to put in the task. */
        public byte[] root() {
            return levels.get(levels.size() - 1)[0].clone();
        }

        /** The proof of the gold answer of {@code itemIndex}. */
        public List<byte[]> proof(long itemIndex) {
            int index = -1;
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).itemIndex() == itemIndex) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("item " + itemIndex + " has no gold answer");
            }
            List<byte[]> proof = new ArrayList<>();
            for (int d = 0; d < levels.size() - 1; d++) {
                byte[][] level = levels.get(d);
                int sibling = index ^ 1;
                if (sibling < level.length) {
                    proof.add(level[sibling].clone());
                }
                index >>= 1;
            }
            return proof;
        }
    }

    private static byte[] sortedPair(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? Hash.sha3(concat(a, b)) : Hash.sha3(concat(b, a));
    }

    private static byte[] uint256(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        return Numeric.toBytesPadded(value, 32);
    }

    private static byte[] address(String address) {
        Objects.requireNonNull(address, "address");
        return Numeric.toBytesPadded(Numeric.toBigInt(address), 32);
    }

    private static void requireWord(byte[] value, String name) {
        if (value == null || value.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes");
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
