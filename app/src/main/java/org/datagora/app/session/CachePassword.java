package org.datagora.app.session;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.util.encoders.Hex;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The password of a wallet's local cache and secret vault, derived from the wallet's private key with
 * HKDF-SHA256. The key itself is only reachable through the wallet's password, so the cache is as well
 * protected as the wallet, and the user types one password, not two.
 */
final class CachePassword {

    private static final byte[] INFO = "datagora/v1/cache-password".getBytes(StandardCharsets.UTF_8);

    private CachePassword() {
    }

    /** A 256-bit secret as 64 hex characters; the caller wipes the array after use. */
    static char[] of(Credentials wallet) {
        byte[] key = Numeric.toBytesPadded(wallet.getEcKeyPair().getPrivateKey(), 32);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(key, null, INFO));
        byte[] secret = new byte[32];
        hkdf.generateBytes(secret, 0, secret.length);
        char[] password = new String(Hex.encode(secret), StandardCharsets.US_ASCII).toCharArray();
        java.util.Arrays.fill(key, (byte) 0);
        java.util.Arrays.fill(secret, (byte) 0);
        return password;
    }
}
