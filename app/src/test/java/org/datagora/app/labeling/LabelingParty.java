package org.datagora.app.labeling;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.web3j.crypto.Credentials;

/** One participant of a labeling test: a dev account with its own cache, vault and labeling services. */
final class LabelingParty implements AutoCloseable {

    final Credentials credentials;
    final Path cacheDir;
    final CacheDatabase cache;
    final SecretVault vault;
    final LabelingServices services;

    LabelingParty(LocalSandbox sandbox, Credentials credentials, Path cacheDir) {
        this.credentials = credentials;
        this.cacheDir = cacheDir;
        this.cache = CacheDatabase.open(cacheDir, Optional.empty());
        this.vault = new SecretVault(cache);
        vault.unlock(("password of " + credentials.getAddress()).toCharArray());
        this.services = LabelingServices.create(sandbox.chain().web3j(), sandbox.chain().transactionManager(credentials),
                sandbox.chain().gasProvider(), sandbox.addresses(), sandbox.contentStore(), cache, vault,
                BuyerKeyPair.fromWalletPrivateKey(credentials.getEcKeyPair().getPrivateKey()), Clock.systemUTC());
    }

    String address() {
        return credentials.getAddress().toLowerCase();
    }

    /** The same party after its app restarted: a fresh process opening the same cache. */
    LabelingParty restarted(LocalSandbox sandbox) {
        close();
        return new LabelingParty(sandbox, credentials, cacheDir);
    }

    @Override
    public void close() {
        vault.lock();
        cache.close();
    }
}
