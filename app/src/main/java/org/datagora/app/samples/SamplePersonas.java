package org.datagora.app.samples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

/**
 * The two people the sample data comes from, played by the sandbox's public dev accounts inside the
 * user's app: the sample seller (dev account 7) with its own marketplace session, and the requester of
 * the sample task (dev account 8) with its own labeling services. They exist on the local sandbox only,
 * since {@link LocalSandbox} is the only way to get them.
 */
public final class SamplePersonas implements AutoCloseable {

    /** The dev account that publishes the sample listings. */
    public static final int SELLER_ACCOUNT = 7;
    /** The dev account that requests the sample labeling task. */
    public static final int REQUESTER_ACCOUNT = 8;
    private static final byte[] INFO = "datagora/v1/sample-requester-cache".getBytes(StandardCharsets.UTF_8);

    private final WalletSession seller;
    private final CacheDatabase requesterCache;
    private final SecretVault requesterVault;
    private final LabelingServices requester;

    private SamplePersonas(WalletSession seller, CacheDatabase requesterCache, SecretVault requesterVault,
                           LabelingServices requester) {
        this.seller = seller;
        this.requesterCache = requesterCache;
        this.requesterVault = requesterVault;
        this.requester = requester;
    }

    /** Opens both personas' caches under {@code folder} (inside the sandbox directory). */
    static SamplePersonas open(LocalSandbox sandbox, Path folder) {
        Credentials sellerKey = sandbox.devAccount(SELLER_ACCOUNT);
        Credentials requesterKey = sandbox.devAccount(REQUESTER_ACCOUNT);
        WalletSession seller = WalletSession.open(sellerKey, sandbox.chain().web3j(), sandbox.addresses(),
                sandbox.contentStore(), folder.resolve("seller"));
        CacheDatabase cache = null;
        try {
            char[] password = password(requesterKey);
            try {
                cache = CacheDatabase.open(folder.resolve("requester"), Optional.of(password.clone()));
                SecretVault vault = new SecretVault(cache);
                vault.unlock(password.clone());
                LabelingServices services = LabelingServices.create(sandbox.chain().web3j(),
                        sandbox.chain().transactionManager(requesterKey), sandbox.chain().gasProvider(),
                        sandbox.addresses(), sandbox.contentStore(), cache, vault,
                        BuyerKeyPair.fromWalletPrivateKey(requesterKey.getEcKeyPair().getPrivateKey()), Clock.systemUTC());
                return new SamplePersonas(seller, cache, vault, services);
            } finally {
                Arrays.fill(password, '\0');
            }
        } catch (RuntimeException e) {
            if (cache != null) {
                cache.close();
            }
            seller.close();
            throw e;
        }
    }

    /** The requester's cache password, derived from its (public, test-only) key as the app does for wallets. */
    private static char[] password(Credentials key) {
        byte[] secretKey = Numeric.toBytesPadded(key.getEcKeyPair().getPrivateKey(), 32);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secretKey, null, INFO));
        byte[] secret = new byte[32];
        hkdf.generateBytes(secret, 0, secret.length);
        char[] hex = HexFormat.of().formatHex(secret).toCharArray();
        Arrays.fill(secret, (byte) 0);
        Arrays.fill(secretKey, (byte) 0);
        return hex;
    }

    /** The sample seller's marketplace session. */
    public WalletSession seller() {
        return seller;
    }

    /** The sample requester's labeling services. */
    public LabelingServices requester() {
        return requester;
    }

    @Override
    public void close() {
        seller.close();
        requesterVault.lock();
        requesterCache.close();
    }
}
