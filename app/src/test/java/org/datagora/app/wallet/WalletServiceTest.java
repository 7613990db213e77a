package org.datagora.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

class WalletServiceTest {

    /** Anvil's well-known development phrase and its first account. */
    private static final String ANVIL_PHRASE = "test test test test test test test test test test test junk";
    private static final String DEV_ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static final String DEV_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    @TempDir
    Path directory;

    private WalletService service() {
        return new WalletService(directory, KeystoreKdf.LIGHT);
    }

    @Test
    void createdWalletIsOpenStoredEncryptedAndUnlocksAgainWithItsPassword() throws Exception {
        WalletService wallets = service();
        NewWallet created = wallets.create("correct horse".toCharArray());

        assertThat(created.mnemonic()).hasSize(12);
        assertThat(WalletService.isValidMnemonic(String.join(" ", created.mnemonic()))).isTrue();
        assertThat(wallets.activeAddress()).contains(created.address());
        String privateKey = wallets.requireActive().getEcKeyPair().getPrivateKey().toString(16);
        String stored = Files.readString(wallets.wallets().get(0).file());
        assertThat(stored).contains("\"version\":3").contains("scrypt").doesNotContain(privateKey)
                .doesNotContain(created.mnemonic().get(0) + " " + created.mnemonic().get(1));
        assertThat(created.toString()).doesNotContain(created.mnemonic().get(0) + " ");

        WalletService restarted = service();
        assertThat(restarted.active()).isEmpty();
        restarted.unlock(created.address(), "correct horse".toCharArray());
        assertThat(restarted.activeAddress()).contains(created.address());
    }

    @Test
    void theSamePhraseGivesTheSameAccountAsMetaMaskAndAnvil() {
        WalletEntry entry = service().importMnemonic("  Test test test test test test test test test test test JUNK ",
                "password1".toCharArray());
        assertThat(entry.address()).isEqualTo(DEV_ADDRESS);
    }

    @Test
    void privateKeyImportOpensThatAccount() {
        WalletService wallets = service();
        assertThat(wallets.importPrivateKey(DEV_KEY, "password1".toCharArray()).address()).isEqualTo(DEV_ADDRESS);
        assertThat(wallets.requireActive().getEcKeyPair().getPrivateKey()).isEqualTo(new BigInteger(DEV_KEY.substring(2), 16));
        assertThat(wallets.wallets()).extracting(WalletEntry::address).containsExactly(DEV_ADDRESS);
    }

    @Test
    void keystoreExportedByGethOrMetaMaskImportsWithItsOwnPasswordAndIsStoredUnderTheNewOne() throws Exception {
        ECKeyPair keys = ECKeyPair.create(new BigInteger(DEV_KEY.substring(2), 16));
        WalletFile exported = Wallet.createLight("exported-pw", keys);
        ObjectNode metaMaskStyle = new ObjectMapper().valueToTree(exported);
        // MetaMask writes the cipher section as "Crypto" with a capital C.
        metaMaskStyle.set("Crypto", metaMaskStyle.remove("crypto"));
        Path file = directory.resolveSibling(directory.getFileName() + "-export.json");
        Files.writeString(file, metaMaskStyle.toString());
        WalletService wallets = service();

        assertThatThrownBy(() -> wallets.importKeystore(file, "not-it-123".toCharArray(), "new-password".toCharArray()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("The password is wrong for this keystore file. Use the password it was exported with.");
        assertThat(wallets.hasWallets()).isFalse();

        assertThat(wallets.importKeystore(file, "exported-pw".toCharArray(), "new-password".toCharArray()).address())
                .isEqualTo(DEV_ADDRESS);
        wallets.lock();
        assertThatThrownBy(() -> wallets.unlock(DEV_ADDRESS, "exported-pw".toCharArray()))
                .isInstanceOf(WrongPasswordException.class);
        wallets.unlock(DEV_ADDRESS, "new-password".toCharArray());
        assertThat(wallets.activeAddress()).contains(DEV_ADDRESS);
    }

    @Test
    void wrongPasswordOnUnlockSaysSoAndLeavesTheWalletClosed() {
        WalletService wallets = service();
        wallets.importPrivateKey(DEV_KEY, "password1".toCharArray());
        wallets.lock();
        assertThatThrownBy(() -> wallets.unlock(DEV_ADDRESS, "password2".toCharArray()))
                .isInstanceOf(WrongPasswordException.class)
                .hasMessage("The password is wrong. Check Caps Lock and try again.");
        assertThat(wallets.active()).isEmpty();
    }

    @Test
    void badInputGetsOneClearSentenceAndStoresNothing() {
        WalletService wallets = service();
        assertThatThrownBy(() -> wallets.importPrivateKey(DEV_KEY, "short".toCharArray()))
                .hasMessage("Choose a password of at least 8 characters.");
        assertThatThrownBy(() -> wallets.importPrivateKey("0x1234", "password1".toCharArray()))
                .hasMessageStartingWith("That is not a private key");
        assertThatThrownBy(() -> wallets.importMnemonic("test test test test test test test test test test test test",
                "password1".toCharArray())).hasMessageStartingWith("That recovery phrase is not valid.");
        assertThatThrownBy(() -> wallets.importKeystore("{\"no\":1}", "a".toCharArray(), "password1".toCharArray()))
                .isInstanceOf(WalletException.class);
        assertThat(wallets.hasWallets()).isFalse();
    }

    @Test
    void passwordsAreWipedAfterUse() {
        WalletService wallets = service();
        char[] password = "password1".toCharArray();
        wallets.importPrivateKey(DEV_KEY, password);
        assertThat(new String(password)).isEqualTo("\0".repeat(9));
        char[] again = "password1".toCharArray();
        wallets.unlock(DEV_ADDRESS, again);
        assertThat(new String(again)).isEqualTo("\0".repeat(9));
    }

    @Test
    void lockForgetsTheKeysAndTellsListeners() {
        WalletService wallets = service();
        List<Optional<String>> seen = new ArrayList<>();
        wallets.addListener(seen::add);
        wallets.importPrivateKey(DEV_KEY, "password1".toCharArray());
        wallets.lock();
        assertThat(wallets.active()).isEmpty();
        assertThat(seen).containsExactly(Optional.of(DEV_ADDRESS), Optional.empty());
        assertThatThrownBy(wallets::requireActive).hasMessage("No wallet is open. Unlock your wallet first.");
    }

    @Test
    void productionStrengthUsesTheScryptParametersOfGeth() throws Exception {
        WalletService wallets = new WalletService(directory, KeystoreKdf.STANDARD);
        wallets.importPrivateKey(DEV_KEY, "password1".toCharArray());
        var kdf = new ObjectMapper().readTree(wallets.wallets().get(0).file().toFile()).path("crypto").path("kdfparams");
        assertThat(kdf.path("n").asInt()).isEqualTo(262_144);
        assertThat(kdf.path("p").asInt()).isEqualTo(1);
    }
}
