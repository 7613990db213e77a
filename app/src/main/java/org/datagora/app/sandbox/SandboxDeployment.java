package org.datagora.app.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.datagora.contracts.ContractsDeployer;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.NetworksFile;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DatagoraToken;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;

/**
 * The contracts of the local sandbox: deployed once on the first start through the same
 * {@link ContractsDeployer} path as any network, remembered in the sandbox's networks file, and deployed
 * again only when the chain no longer has them (for example after its state was deleted).
 */
final class SandboxDeployment {

    /** Test tokens the first development account receives when the sandbox is created. */
    static final BigInteger STARTING_TOKENS = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000));
    /** The development account that owns the contracts and holds the token's faucet role. */
    static final int ADMIN_ACCOUNT = 0;
    /** The development account that receives protocol fees and slashed stakes. */
    static final int TREASURY_ACCOUNT = 9;

    private SandboxDeployment() {
    }

    /** Reads the addresses remembered in {@code networksFile}, or deploys and remembers new ones. */
    static NetworkAddresses ensure(AnvilNode anvil, Path networksFile) {
        NetworksFile file = new NetworksFile(networksFile);
        Optional<NetworkAddresses> known = file.read(anvil.chainId());
        if (known.isPresent() && hasCode(anvil, known.get().marketplace()) && hasCode(anvil, known.get().labeling())) {
            return known.get();
        }
        NetworkAddresses fresh = deploy(anvil);
        file.write(fresh);
        return fresh;
    }

    private static NetworkAddresses deploy(AnvilNode anvil) {
        Credentials admin = anvil.devAccount(ADMIN_ACCOUNT);
        try {
            NetworkAddresses addresses = ContractsDeployer.deploy(anvil.web3j(), anvil.transactionManager(admin),
                    anvil.gasProvider(), admin.getAddress(), anvil.devAccount(TREASURY_ACCOUNT).getAddress());
            DatagoraToken.load(addresses.token(), anvil.web3j(), anvil.transactionManager(admin), anvil.gasProvider())
                    .mint(admin.getAddress(), STARTING_TOKENS).send();
            return addresses;
        } catch (Exception e) {
            throw new IllegalStateException("Could not deploy the contracts to the local chain: " + e.getMessage(), e);
        }
    }

    /** The token balance of {@code address}. */
    static BigInteger tokenBalance(AnvilNode anvil, NetworkAddresses addresses, String address) {
        DatagoraToken bound = DatagoraToken.load(addresses.token(), anvil.web3j(),
                new ReadonlyTransactionManager(anvil.web3j(), address), anvil.gasProvider());
        try {
            return bound.balanceOf(address).send();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the token balance of " + address, e);
        }
    }

    private static boolean hasCode(AnvilNode anvil, String address) {
        try {
            String code = anvil.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            return code != null && code.length() > 2;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the code at " + address, e);
        }
    }
}
