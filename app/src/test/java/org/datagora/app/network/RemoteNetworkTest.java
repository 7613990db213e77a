package org.datagora.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.config.Settings;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The app pointed at a JSON-RPC endpoint and a Kubo node through Settings, as a user in the field would. */
@ExtendWith(LocalSandboxExtension.class)
class RemoteNetworkTest {

    @Test
    void settingsWithAnRpcUrlANetworksFileAndAKuboUrlConnectTheApp(LocalSandbox sandbox, @TempDir Path dataDir)
            throws Exception {
        try (AppServices services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT)) {
            services.settings().save(Settings.defaults()
                    .withNetwork(new Settings.Network(Settings.NetworkKind.JSON_RPC, sandbox.rpcUrl().toString(),
                            31337L, sandbox.networksFile().toString()))
                    .withContentStore(new Settings.ContentStore(Settings.ContentStoreKind.KUBO,
                            sandbox.ipfs().apiUrl().toString())));
            services.startConfiguredNetwork(step -> { }).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> services.networkStatus().current().chainOnline()
                    && services.networkStatus().current().ipfs() == NetworkStatus.ContentStoreState.ONLINE);
            assertThat(services.networkStatus().current().chainId()).contains(31337L);
            assertThat(services.sandbox()).isEmpty();
            assertThat(services.chain().get().token().address()).isEqualToIgnoringCase(sandbox.addresses().token());
        }
    }

    @Test
    void aMissingNetworksFileSaysWhatToDo(@TempDir Path dataDir) {
        Settings settings = Settings.defaults().withNetwork(new Settings.Network(Settings.NetworkKind.JSON_RPC,
                "http://127.0.0.1:1", 11155111L, dataDir.resolve("none.json").toString()));
        assertThatThrownBy(() -> RemoteNetwork.connect(settings, dataDir.resolve("content")))
                .hasMessageContaining("does not exist").hasMessageContaining("Deploy the contracts");
    }
}
