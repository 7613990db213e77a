package org.datagora.app.testing;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.wallet.KeystoreKdf;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/** The app's services on the test sandbox with a wallet imported and unlocked, as after a user's sign-in. */
public final class SignedInApp {

    /** The password every test wallet gets. */
    public static final String PASSWORD = "wallet password";

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private SignedInApp() {
    }

    /** Opens services on {@code dataDir}, imports {@code wallet}'s key and waits for its session. */
    public static AppServices open(LocalSandbox sandbox, Path dataDir, Credentials wallet) {
        AppServices services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        services.attach(sandbox);
        String privateKey = Numeric.toHexStringNoPrefixZeroPadded(wallet.getEcKeyPair().getPrivateKey(), 64);
        String address = services.wallets().importPrivateKey(privateKey, PASSWORD.toCharArray()).address();
        services.wallets().unlock(address, PASSWORD.toCharArray());
        await().atMost(PATIENCE).until(() -> services.sessions().current().isPresent());
        return services;
    }
}
