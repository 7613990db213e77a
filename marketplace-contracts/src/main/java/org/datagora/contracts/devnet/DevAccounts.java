package org.datagora.contracts.devnet;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The accounts anvil funds on start: derived from its public test mnemonic along m/44'/60'/0'/0/i.
 * They are known to everyone and exist only for development chains.
 */
public final class DevAccounts {

    /** Anvil's default mnemonic; public, for development chains only. */
    public static final String MNEMONIC = "test test test test test test test test test test test junk";
    /** How many accounts anvil funds by default. */
    public static final int COUNT = 10;

    private static final Bip32ECKeyPair MASTER =
            Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));

    private DevAccounts() {
    }

    /** The credentials of development account {@code index}. */
    public static Credentials credentials(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("anvil funds accounts 0 to " + (COUNT - 1) + ", not " + index);
        }
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        int[] path = {44 | hardened, 60 | hardened, hardened, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(MASTER, path));
    }
}
