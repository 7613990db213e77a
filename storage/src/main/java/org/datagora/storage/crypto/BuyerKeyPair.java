package org.datagora.storage.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;

/**
 * A buyer's X25519 key pair for receiving dataset keys, derived deterministically from the wallet's
 * secp256k1 private key: X25519 secret = HKDF-SHA256(ikm = wallet key, salt = {@link #SALT},
 * info = {@link #INFO}, 32 bytes). The same wallet therefore always yields the same key pair, so a
 * reinstalled app recovers every purchase from the wallet alone, and nothing new needs a backup. HKDF
 * with its own labels makes the X25519 key independent of the wallet's signing key: knowing one
 * derived public key tells nothing about the wallet key, and the wallet key is never used for two
 * algorithms directly.
 */
public final class BuyerKeyPair implements Destroyable {

    /** HKDF salt, fixed forever: changing it would lose every purchase made before. */
    public static final String SALT = "datagora/v1/buyer-key-derivation";
    /** HKDF info, fixed forever. */
    public static final String INFO = "X25519 key pair for HPKE key delivery";

    private final byte[] privateKey;
    private final byte[] publicKey;
    private boolean destroyed;

    private BuyerKeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Derives the key pair from the 32-byte big-endian wallet private key (which is not kept). */
    public static BuyerKeyPair fromWalletPrivateKey(byte[] walletPrivateKey) {
        if (walletPrivateKey == null || walletPrivateKey.length != 32
                || new BigInteger(1, walletPrivateKey).signum() == 0) {
            throw new IllegalArgumentException("A wallet private key has 32 bytes and is not zero");
        }
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(walletPrivateKey,
                SALT.getBytes(StandardCharsets.US_ASCII), INFO.getBytes(StandardCharsets.US_ASCII)));
        byte[] secret = new byte[X25519PrivateKeyParameters.KEY_SIZE];
        hkdf.generateBytes(secret, 0, secret.length);
        byte[] pub = new X25519PrivateKeyParameters(secret, 0).generatePublicKey().getEncoded();
        return new BuyerKeyPair(secret, pub);
    }

    /** Derives the key pair from the wallet private key as web3j holds it (ECKeyPair.getPrivateKey()). */
    public static BuyerKeyPair fromWalletPrivateKey(BigInteger walletPrivateKey) {
        byte[] magnitude = walletPrivateKey.toByteArray();
        if (walletPrivateKey.signum() <= 0 || magnitude.length > 33
                || (magnitude.length == 33 && magnitude[0] != 0)) {
            throw new IllegalArgumentException("A wallet private key is a positive 256-bit number");
        }
        byte[] padded = new byte[32];
        int length = Math.min(magnitude.length, 32);
        System.arraycopy(magnitude, magnitude.length - length, padded, 32 - length, length);
        try {
            return fromWalletPrivateKey(padded);
        } finally {
            Arrays.fill(padded, (byte) 0);
            Arrays.fill(magnitude, (byte) 0);
        }
    }

    /** The 32-byte X25519 public key sellers wrap dataset keys to; safe to publish (e.g. on-chain). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The raw X25519 private key, for the HPKE open step only. */
    byte[] privateKey() {
        if (destroyed) {
            throw new IllegalStateException("This key pair was destroyed");
        }
        return privateKey.clone();
    }

    @Override
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "BuyerKeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
    }
}
