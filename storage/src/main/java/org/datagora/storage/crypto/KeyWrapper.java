package org.datagora.storage.crypto;

import java.util.Arrays;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * Wraps dataset keys for buyers with HPKE (RFC 9180) in base mode: DHKEM(X25519, HKDF-SHA256),
 * HKDF-SHA256, AES-256-GCM, from BouncyCastle. The {@link KeyDeliveryContext} is the HPKE info, and the
 * associated data is empty, which makes the output readable by any RFC 9180 implementation (Tink's
 * HPKE "NO_PREFIX" variant produces and accepts exactly these bytes).
 */
public final class KeyWrapper {

    private static final byte[] NO_AAD = new byte[0];

    private final HPKE hpke = new HPKE(HPKE.mode_base, HPKE.kem_X25519_SHA256, HPKE.kdf_HKDF_SHA256,
            HPKE.aead_AES_GCM256);

    /** Wraps {@code key} to the buyer's 32-byte X25519 public key ({@link BuyerKeyPair#publicKey()}). */
    public WrappedKey wrap(DatasetKey key, byte[] buyerPublicKey, KeyDeliveryContext context) {
        if (buyerPublicKey == null || buyerPublicKey.length != 32) {
            throw new IllegalArgumentException("A buyer's delivery key is a 32-byte X25519 public key");
        }
        byte[] raw = key.bytes();
        try {
            AsymmetricKeyParameter recipient = hpke.deserializePublicKey(buyerPublicKey);
            byte[][] sealed = hpke.seal(recipient, context.hpkeInfo(), NO_AAD, raw, null, null, null);
            return WrappedKey.of(sealed[1], sealed[0]);
        } catch (InvalidCipherTextException | RuntimeException e) {
            // BouncyCastle signals a degenerate public key (all-zero shared secret) with a runtime exception.
            throw new IllegalArgumentException("The buyer's delivery key is not a usable X25519 public key", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** Opens a wrapped key with the buyer's key pair; fails when it was made for another buyer or listing. */
    public DatasetKey unwrap(WrappedKey wrapped, BuyerKeyPair buyer, KeyDeliveryContext context)
            throws KeyUnwrapException {
        byte[] secret = buyer.privateKey();
        byte[] raw = null;
        try {
            AsymmetricCipherKeyPair recipient = hpke.deserializePrivateKey(secret, buyer.publicKey());
            raw = hpke.open(wrapped.encapsulatedKey(), recipient, context.hpkeInfo(), NO_AAD,
                    wrapped.ciphertext(), null, null, null);
            return DatasetKey.fromBytes(raw);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new KeyUnwrapException("This dataset key delivery cannot be opened with this wallet: it was "
                    + "made for another buyer or another listing, or it was altered.", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
            if (raw != null) {
                Arrays.fill(raw, (byte) 0);
            }
        }
    }

    /**
     * Opens a wrapped key and checks it against the listing's key commitment, so a seller who delivers
     * a key other than the one the dataset was encrypted with is caught before anything is downloaded.
     */
    public DatasetKey unwrap(WrappedKey wrapped, BuyerKeyPair buyer, KeyDeliveryContext context,
            KeyCommitment listingCommitment) throws KeyUnwrapException {
        DatasetKey key = unwrap(wrapped, buyer, context);
        if (!listingCommitment.matches(key)) {
            key.destroy();
            throw new KeyUnwrapException("The seller delivered a key that does not match the key commitment "
                    + "of listing " + context.listingId() + ": it cannot decrypt the dataset you bought.");
        }
        return key;
    }
}
