package org.datagora.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretVaultTest {
    // Light scrypt keeps the suite quick; the cost is stored with the vault, so reopening uses it too.
    static final PasswordKdf.Params FAST = new PasswordKdf.Params(1 << 10, 8, 1);

    @TempDir
    Path dir;

    @Test
    void storesSecretsEncryptedAndReturnsThemAfterReopen() {
        byte[] datasetKey = new byte[32];
        datasetKey[0] = 42;
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            SecretVault vault = new SecretVault(db, FAST);
            vault.unlock("wallet pw".toCharArray());
            vault.put("DATASET_KEY", "purchase-9", datasetKey);
            byte[] stored = db.jdbi().withHandle(h -> h.createQuery("SELECT ciphertext FROM secret")
                    .mapTo(byte[].class).one());
            assertThat(stored).isNotEqualTo(datasetKey).hasSize(32 + 16);
        }
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            SecretVault vault = new SecretVault(db, FAST);
            vault.unlock("wallet pw".toCharArray());
            assertThat(vault.get("DATASET_KEY", "purchase-9")).contains(datasetKey);
            assertThat(vault.get("DATASET_KEY", "purchase-10")).isEmpty();
        }
    }

    @Test
    void wrongPasswordIsRefusedAndTheVaultStaysLocked() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            SecretVault vault = new SecretVault(db, FAST);
            vault.unlock("right".toCharArray());
            vault.put("TASK_KEY", "task-1", new byte[] {1, 2, 3});
            vault.lock();
            assertThatThrownBy(() -> vault.unlock("wrong".toCharArray()))
                    .isInstanceOf(WrongPasswordException.class)
                    .hasMessage("The wallet password is wrong: the keys kept in the cache stay locked.");
            assertThat(vault.isUnlocked()).isFalse();
            assertThatThrownBy(() -> vault.get("TASK_KEY", "task-1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("locked");
            vault.unlock("right".toCharArray());
            assertThat(vault.get("TASK_KEY", "task-1")).contains(new byte[] {1, 2, 3});
        }
    }

    @Test
    void aCiphertextMovedToAnotherRowDoesNotDecrypt() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            SecretVault vault = new SecretVault(db, FAST);
            vault.unlock("pw".toCharArray());
            vault.put("DATASET_KEY", "a", new byte[] {1});
            vault.put("DATASET_KEY", "b", new byte[] {2});
            db.jdbi().useHandle(h -> h.execute("UPDATE secret SET (nonce, ciphertext) ="
                    + " (SELECT nonce, ciphertext FROM secret WHERE ref = 'a') WHERE ref = 'b'"));
            assertThatThrownBy(() -> vault.get("DATASET_KEY", "b"))
                    .isInstanceOf(CacheException.class)
                    .hasMessageContaining("damaged");
        }
    }

    @Test
    void unlockWipesThePasswordArray() {
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            char[] password = "secret".toCharArray();
            new SecretVault(db, FAST).unlock(password);
            assertThat(new String(password)).isEqualTo("\0".repeat(6));
        }
    }
}
