package org.datagora.app.wallet;

import java.util.List;

/**
 * A freshly created wallet: its address and the recovery phrase the user must write down. The phrase
 * is shown once and never stored.
 *
 * @param address the checksummed 0x address
 * @param mnemonic the twelve BIP-39 words, in order
 */
public record NewWallet(String address, List<String> mnemonic) {

    public NewWallet {
        mnemonic = List.copyOf(mnemonic);
    }

    @Override
    public String toString() {
        // Records print their fields; the recovery phrase must never reach a log line.
        return "NewWallet[address=" + address + "]";
    }
}
