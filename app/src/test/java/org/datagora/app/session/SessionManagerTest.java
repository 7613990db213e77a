package org.datagora.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.market.PublishListener;
import org.datagora.app.market.PublishRequest;
import org.datagora.app.market.PublishResult;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.storage.cache.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

@ExtendWith(LocalSandboxExtension.class)
class SessionManagerTest {

    @Test
    void unlockingAWalletOnTheSandboxOpensItsSessionAndLockingClosesIt(LocalSandbox sandbox, @TempDir Path dataDir)
            throws Exception {
        try (AppServices services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT)) {
            services.attach(sandbox);
            var seller = sandbox.devAccount(1);
            var entry = services.wallets().importPrivateKey(
                    Numeric.toHexStringWithPrefixZeroPadded(seller.getEcKeyPair().getPrivateKey(), 64),
                    "correct horse".toCharArray());
            // The cursor file the app's former marketplace sync left; the session's indexer keeps its own.
            Path oldCursor = dataDir.resolve("cache").resolve(sandbox.addresses().chainId() + "-"
                    + seller.getAddress().toLowerCase(Locale.ROOT)).resolve("market-sync.json");
            Files.createDirectories(oldCursor.getParent());
            Files.writeString(oldCursor, "{\"block\":0}");
            services.wallets().unlock(entry.address(), "correct horse".toCharArray());

            await().atMost(Duration.ofSeconds(30)).until(() -> services.sessions().current().isPresent());
            WalletSession session = services.sessions().current().orElseThrow();
            assertThat(session.address()).isEqualToIgnoringCase(seller.getAddress());
            assertThat(session.directory()).startsWith(dataDir.resolve("cache"));
            assertThat(oldCursor).doesNotExist();
            AtomicInteger synced = new AtomicInteger();
            session.onSynced(synced::incrementAndGet);

            int before = synced.get();
            Path file = Files.writeString(dataDir.resolve("notes.csv"), "id,label\n1,spam\n");
            PublishResult result = session.newPublishWorkflow().publish(PublishRequest.of(file, "Session notes",
                    "A tiny table", List.of("test"), "CC-BY-4.0", BigInteger.TEN), PublishListener.NONE);
            session.syncNow();
            assertThat(session.search().search(SearchQuery.all().withText("notes")).listings())
                    .anySatisfy(listing -> {
                        assertThat(listing.listingId()).isEqualTo(result.listingId());
                        assertThat(listing.license()).isEqualTo("CC-BY-4.0");
                    });
            // Whichever sync saw the listing first (the background one or syncNow) told the listeners.
            await().atMost(Duration.ofSeconds(30)).until(() -> synced.get() > before);
            assertThat(session.syncNow()).as("nothing new on chain").isZero();

            services.wallets().lock();
            await().atMost(Duration.ofSeconds(30)).until(() -> services.sessions().current().isEmpty());
        }
    }
}
