package org.datagora.storage.crypto;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A dataset key wrapped for one buyer with HPKE: the 32-byte encapsulated X25519 key followed by the
 * 48-byte AES-256-GCM ciphertext of the dataset key (32 bytes plus a 16-byte tag), 80 bytes in all, small
 * enough to post on-chain. Public: only the buyer's wallet can open it.
 */
public final class WrappedKey {

    /** Length of the HPKE encapsulated key (an X25519 public key). */
    public static final int ENCAPSULATED_KEY_LENGTH = 32;
    /** Total length in bytes. */
    public static final int LENGTH = ENCAPSULATED_KEY_LENGTH + DatasetKey.LENGTH + 16;

    private final byte[] bytes;

    private WrappedKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Reads a wrapped key, e.g. the bytes of a KeyDelivered event. */
    public static WrappedKey fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("A wrapped key has " + LENGTH + " bytes, not "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new WrappedKey(bytes.clone());
    }

    static WrappedKey of(byte[] encapsulatedKey, byte[] ciphertext) {
        byte[] bytes = new byte[encapsulatedKey.length + ciphertext.length];
        System.arraycopy(encapsulatedKey, 0, bytes, 0, encapsulatedKey.length);
        System.arraycopy(ciphertext, 0, bytes, encapsulatedKey.length, ciphertext.length);
        return fromBytes(bytes);
    }

    /** enc || ciphertext, as posted on-chain. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    byte[] encapsulatedKey() {
        return Arrays.copyOfRange(bytes, 0, ENCAPSULATED_KEY_LENGTH);
    }

    byte[] ciphertext() {
        return Arrays.copyOfRange(bytes, ENCAPSULATED_KEY_LENGTH, LENGTH);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
