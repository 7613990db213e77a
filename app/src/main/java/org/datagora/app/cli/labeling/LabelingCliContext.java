package org.datagora.app.cli.labeling;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.web3j.crypto.Credentials;

/**
 * What a {@code datagora task} command runs on: the local sandbox (started for the command), the app's
 * cache with its vault unlocked by the password from an environment variable, and the labeling services of
 * one development account.
 */
final class LabelingCliContext implements AutoCloseable {

    private final LocalSandbox sandbox;
    private final CacheDatabase cache;
    private final SecretVault vault;
    private final LabelingServices services;

    private LabelingCliContext(LocalSandbox sandbox, CacheDatabase cache, SecretVault vault, LabelingServices services) {
        this.sandbox = sandbox;
        this.cache = cache;
        this.vault = vault;
        this.services = services;
    }

    /**
     * Opens the context; fails with a sentence the user can act on when the app is running the sandbox
     * (the app and the command line share the cache, which one program opens at a time).
     */
    static LabelingCliContext open(DataDirectory data, int devAccount, String password) {
        Path sandboxDir = data.sandbox();
        if (LocalSandbox.runningElsewhere(sandboxDir).isPresent()) {
            throw new IllegalStateException("The Datagora app is running the local sandbox; close the app and run"
                    + " the command again");
        }
        LocalSandbox sandbox = LocalSandbox.start(sandboxDir, step -> { });
        CacheDatabase cache = null;
        try {
            cache = CacheDatabase.open(data.cache(), Optional.empty());
            SecretVault vault = new SecretVault(cache);
            vault.unlock(password.toCharArray());
            Credentials account = sandbox.devAccount(devAccount);
            LabelingServices services = LabelingServices.create(sandbox.chain().web3j(),
                    sandbox.chain().transactionManager(account), sandbox.chain().gasProvider(), sandbox.addresses(),
                    sandbox.contentStore(), cache, vault,
                    BuyerKeyPair.fromWalletPrivateKey(account.getEcKeyPair().getPrivateKey()), Clock.systemUTC());
            return new LabelingCliContext(sandbox, cache, vault, services);
        } catch (RuntimeException e) {
            if (cache != null) {
                cache.close();
            }
            sandbox.close();
            throw e;
        }
    }

    LabelingServices services() {
        return services;
    }

    @Override
    public void close() {
        vault.lock();
        cache.close();
        sandbox.close();
    }
}
