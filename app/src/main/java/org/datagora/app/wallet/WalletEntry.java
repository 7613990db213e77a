package org.datagora.app.wallet;

import java.nio.file.Path;

/**
 * A wallet stored in the data directory: its address and its encrypted keystore file.
 *
 * @param address the checksummed 0x address
 * @param file the keystore V3 JSON file
 */
public record WalletEntry(String address, Path file) {
}
