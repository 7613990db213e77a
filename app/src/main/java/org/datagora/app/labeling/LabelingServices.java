package org.datagora.app.labeling;

import java.security.SecureRandom;
import java.time.Clock;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.LabelDraftDao;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.datagora.storage.store.ContentStore;
import org.web3j.protocol.Web3j;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * The labeling services of one unlocked wallet, wired together: what the app's wiring (or a test) builds
 * once per wallet and hands to the UI and the command line.
 */
public record LabelingServices(LabelingChain chain, TaskCatalog catalog, TaskContent content, LabelingSecrets secrets,
                               TaskKeyDesk keyDesk, RequesterService requester, LabelerService labeler,
                               ValidatorService validator, TaskResultsService results, EarningsService earnings) {

    /**
     * Wires the services for the wallet that {@code transactions} signs for.
     *
     * @param deliveryKeys the wallet's X25519 key pair, BuyerKeyPair.fromWalletPrivateKey(wallet key)
     * @param vault        unlocked with the wallet password
     */
    public static LabelingServices create(Web3j web3j, TransactionManager transactions, ContractGasProvider gas,
                                          NetworkAddresses addresses, ContentStore store, CacheDatabase cache,
                                          SecretVault vault, BuyerKeyPair deliveryKeys, Clock clock) {
        SecureRandom random = new SecureRandom();
        LabelingChain chain = new LabelingChain(web3j, transactions, gas, addresses.labeling(), addresses.token(),
                addresses.deployedAtBlock());
        TaskContent content = new TaskContent(store);
        TaskCatalog catalog = new TaskCatalog(chain, content);
        LabelingSecrets secrets = new LabelingSecrets(vault, addresses.labeling());
        TaskKeyDesk keyDesk = new TaskKeyDesk(chain, catalog, secrets);
        return new LabelingServices(chain, catalog, content, secrets, keyDesk,
                new RequesterService(chain, content, catalog, secrets, random),
                new LabelerService(chain, catalog, content, keyDesk, secrets, cache.dao(LabelDraftDao.class),
                        deliveryKeys, random, clock),
                new ValidatorService(chain, catalog, content, secrets, random),
                new TaskResultsService(chain, catalog, content, secrets),
                new EarningsService(chain, catalog));
    }
}
