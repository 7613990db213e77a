package org.datagora.app.wallet;

/**
 * How hard the keystore's scrypt key derivation is. Production always uses {@link #STANDARD}, the
 * parameters geth and MetaMask use (n = 2^18, p = 1); {@link #LIGHT} (n = 2^12, p = 6) exists so that
 * tests which create many wallets stay fast, and is never chosen by the app itself.
 */
public enum KeystoreKdf {
    STANDARD(1 << 18, 1),
    LIGHT(1 << 12, 6);

    private final int n;
    private final int p;

    KeystoreKdf(int n, int p) {
        this.n = n;
        this.p = p;
    }

    /** The scrypt cost parameter. */
    public int n() {
        return n;
    }

    /** The scrypt parallelisation parameter. */
    public int p() {
        return p;
    }
}
