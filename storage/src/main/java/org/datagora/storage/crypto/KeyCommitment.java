package org.datagora.storage.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A public 32-byte commitment to a dataset key: SHA-256("datagora/v1/key-commitment" || 0x00 || key).
 * The seller publishes it in the listing (a bytes32 in the contract) and in the dataset container, so a
 * buyer can check that a delivered key is the one the listing was made with before paying for disputes
 * or downloading. The key is 256 uniformly random bits, so the commitment reveals nothing about it; the
 * label keeps it from ever equalling any other hash of the key.
 */
public final class KeyCommitment {

    /** Domain-separation label, fixed forever: changing it breaks every published listing. */
    public static final String LABEL = "datagora/v1/key-commitment";

    private final byte[] value;

    private KeyCommitment(byte[] value) {
        this.value = value;
    }

    /** The commitment to a key. */
    public static KeyCommitment of(DatasetKey key) {
        byte[] raw = key.bytes();
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(LABEL.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) 0);
            sha256.update(raw);
            return new KeyCommitment(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    /** A commitment read back, e.g. the bytes32 stored in a listing. */
    public static KeyCommitment fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("A key commitment has 32 bytes");
        }
        return new KeyCommitment(bytes.clone());
    }

    /** Parses 64 hex digits, with or without a 0x prefix. */
    public static KeyCommitment fromHex(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return fromBytes(HexFormat.of().parseHex(digits));
    }

    /** True when the key is the one this commitment was made to (constant time). */
    public boolean matches(DatasetKey key) {
        return MessageDigest.isEqual(value, of(key).value);
    }

    public byte[] bytes() {
        return value.clone();
    }

    /** 0x-prefixed lower-case hex, as bytes32 values are written for the chain. */
    public String toHex() {
        return "0x" + HexFormat.of().formatHex(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyCommitment that && MessageDigest.isEqual(value, that.value);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return toHex();
    }
}
