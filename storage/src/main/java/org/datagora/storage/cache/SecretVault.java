package org.datagora.storage.cache;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jdbi.v3.core.Jdbi;

/**
 * Keeps secrets (dataset keys, task keys) in the cache encrypted with AES-256-GCM under a key that scrypt
 * derives from the wallet password. Nothing can be read or written until {@link #unlock} succeeds;
 * {@link #lock} wipes the key from memory.
 */
public final class SecretVault {
    private static final byte[] CHECK_PLAINTEXT = "datagora-vault-check-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    private final Jdbi jdbi;
    private final SecureRandom random = new SecureRandom();
    private final PasswordKdf.Params newVaultParams;
    private byte[] key;

    public SecretVault(CacheDatabase database) {
        this(database, PasswordKdf.Params.DEFAULT);
    }

    /** With the scrypt cost a vault set up by this instance gets; an existing vault keeps its own. */
    public SecretVault(CacheDatabase database, PasswordKdf.Params newVaultParams) {
        this.jdbi = database.jdbi();
        this.newVaultParams = newVaultParams;
    }

    /**
     * Derives the key from the password; the first unlock of a cache sets the password. The array given
     * is wiped.
     *
     * @throws WrongPasswordException if the password is not the one the vault was set up with
     */
    public synchronized void unlock(char[] password) {
        try {
            Optional<VaultRow> row = jdbi.withHandle(h -> h.createQuery(
                    "SELECT kdf, salt, cost, block_size, parallelism, check_nonce, check_value FROM vault WHERE id = 1")
                    .map((rs, ctx) -> new VaultRow(rs.getString(1), rs.getBytes(2),
                            new PasswordKdf.Params(rs.getInt(3), rs.getInt(4), rs.getInt(5)), rs.getBytes(6), rs.getBytes(7)))
                    .findOne());
            if (row.isEmpty()) {
                setUp(password);
                return;
            }
            VaultRow vault = row.get();
            byte[] candidate = PasswordKdf.derive(password, vault.salt(), vault.params());
            try {
                byte[] check = decrypt(candidate, vault.checkNonce(), vault.checkValue(), aad("vault", "check"));
                if (!Arrays.equals(check, CHECK_PLAINTEXT)) {
                    throw new WrongPasswordException("The wallet password is wrong: the keys kept in the cache stay locked.");
                }
            } catch (AEADBadTagException e) {
                Arrays.fill(candidate, (byte) 0);
                throw new WrongPasswordException("The wallet password is wrong: the keys kept in the cache stay locked.", e);
            }
            lock();
            key = candidate;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Forgets the key; secrets stay in the cache, encrypted. */
    public synchronized void lock() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
            key = null;
        }
    }

    public synchronized boolean isUnlocked() {
        return key != null;
    }

    /** Stores (or replaces) a secret, e.g. kind DATASET_KEY and ref the purchase it opens. */
    public synchronized void put(String kind, String ref, byte[] secret) {
        byte[] current = requireKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] ciphertext = encrypt(current, nonce, secret, aad(kind, ref));
        jdbi.useHandle(h -> {
            h.createUpdate(
                    "MERGE INTO secret (kind, ref, nonce, ciphertext) KEY (kind, ref) VALUES (:kind, :ref, :nonce, :ciphertext)")
                    .bind("kind", kind).bind("ref", ref).bind("nonce", nonce).bind("ciphertext", ciphertext).execute();
            // H2 writes commits to the file up to a second later; a secret is often the only copy of a key (a
            // publish goes on to upload what it encrypts), so it must be on disk before the caller moves on.
            // Without this, an app killed right after saving a dataset key lost it.
            h.execute("CHECKPOINT SYNC");
        });
    }

    /** The secret stored under kind and ref, decrypted; the caller wipes it when done. */
    public synchronized Optional<byte[]> get(String kind, String ref) {
        byte[] current = requireKey();
        Optional<byte[][]> row = jdbi.withHandle(h -> h.createQuery(
                "SELECT nonce, ciphertext FROM secret WHERE kind = :kind AND ref = :ref")
                .bind("kind", kind).bind("ref", ref)
                .map((rs, ctx) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}).findOne());
        if (row.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(decrypt(current, row.get()[0], row.get()[1], aad(kind, ref)));
        } catch (AEADBadTagException e) {
            throw new CacheException("The stored " + kind + " for " + ref
                    + " is damaged and cannot be decrypted; it has to be recovered from the chain or its owner.", e);
        }
    }

    public synchronized void delete(String kind, String ref) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM secret WHERE kind = :kind AND ref = :ref")
                .bind("kind", kind).bind("ref", ref).execute());
    }

    private void setUp(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        PasswordKdf.Params params = newVaultParams;
        byte[] fresh = PasswordKdf.derive(password, salt, params);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] check = encrypt(fresh, nonce, CHECK_PLAINTEXT, aad("vault", "check"));
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO vault (id, kdf, salt, cost, block_size, parallelism,"
                + " check_nonce, check_value) VALUES (1, 'scrypt', :salt, :cost, :r, :p, :nonce, :check)")
                .bind("salt", salt).bind("cost", params.cost()).bind("r", params.blockSize())
                .bind("p", params.parallelism()).bind("nonce", nonce).bind("check", check).execute());
        lock();
        key = fresh;
    }

    private byte[] requireKey() {
        if (key == null) {
            throw new IllegalStateException("The key vault is locked: unlock it with the wallet password first.");
        }
        return key;
    }

    // Binding kind and ref as associated data stops a stored ciphertext from being moved to another row.
    private static byte[] aad(String kind, String ref) {
        return (kind + "\u0000" + ref).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encrypt(byte[] key, byte[] nonce, byte[] plaintext, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private static byte[] decrypt(byte[] key, byte[] nonce, byte[] ciphertext, byte[] aad) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    private record VaultRow(String kdf, byte[] salt, PasswordKdf.Params params, byte[] checkNonce, byte[] checkValue) {
    }
}
