package org.datagora.storage.crypto;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * The 256-bit secret that encrypts one dataset. A fresh one is drawn for every dataset; it travels to
 * buyers only wrapped (see {@link KeyWrapper}). Never printed: {@link #toString()} hides it.
 */
public final class DatasetKey implements Destroyable {

    /** Key length in bytes. */
    public static final int LENGTH = 32;

    private final byte[] key;
    private boolean destroyed;

    private DatasetKey(byte[] key) {
        this.key = key;
    }

    /** A fresh random key from the given source of randomness (use a {@link SecureRandom}). */
    public static DatasetKey generate(SecureRandom random) {
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        return new DatasetKey(key);
    }

    /** Wraps raw key bytes (copied), e.g. a key read from a key file or unwrapped from a delivery. */
    public static DatasetKey fromBytes(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new IllegalArgumentException("A dataset key has exactly " + LENGTH + " bytes, not "
                    + (raw == null ? "none" : raw.length));
        }
        return new DatasetKey(raw.clone());
    }

    /** A copy of the raw key bytes; wipe it (Arrays.fill) when done. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("This dataset key was destroyed");
        }
        return key.clone();
    }

    /** Overwrites the key in memory; the object is unusable afterwards. */
    @Override
    public void destroy() {
        Arrays.fill(key, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    /** Constant-time comparison, so timing reveals nothing about either key. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DatasetKey that && MessageDigest.isEqual(key, that.key);
    }

    @Override
    public int hashCode() {
        // Deliberately constant: keys are not meant as map keys, and no key bits should leak into hashes.
        return 1;
    }

    @Override
    public String toString() {
        return "DatasetKey[hidden]";
    }
}
