package org.datagora.app.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DatagoraToken;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;

/**
 * The contracts of the local sandbox: deployed once on the first start, remembered in a networks file,
 * and deployed again only when the chain no longer has them (for example after its state was deleted).
 *
 * @param chainId the chain the addresses belong to
 * @param token the payment token
 */
public record SandboxDeployment(long chainId, String token) {

    /** Test tokens the first development account receives when the sandbox is created. */
    public static final BigInteger STARTING_TOKENS = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(10_000));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the deployment remembered in {@code networksFile}, or deploys and remembers a new one. */
    static SandboxDeployment ensure(AnvilNode anvil, Path networksFile) {
        try {
            if (Files.exists(networksFile)) {
                SandboxDeployment known = JSON.readValue(networksFile.toFile(), SandboxDeployment.class);
                if (hasCode(anvil, known.token())) {
                    return known;
                }
            }
            SandboxDeployment fresh = deploy(anvil);
            Path temporary = networksFile.resolveSibling(networksFile.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), fresh);
            Files.move(temporary, networksFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write " + networksFile, e);
        }
    }

    private static SandboxDeployment deploy(AnvilNode anvil) {
        Credentials admin = anvil.devAccount(0);
        try {
            DatagoraToken token = DatagoraToken.deploy(anvil.web3j(), anvil.transactionManager(admin),
                    anvil.gasProvider(), admin.getAddress()).send();
            token.mint(admin.getAddress(), STARTING_TOKENS).send();
            return new SandboxDeployment(anvil.chainId(), token.getContractAddress());
        } catch (Exception e) {
            throw new IllegalStateException("Could not deploy the contracts to the local chain: " + e.getMessage(), e);
        }
    }

    /** The token balance of {@code address}. */
    BigInteger tokenBalance(AnvilNode anvil, String address) {
        DatagoraToken bound = DatagoraToken.load(token, anvil.web3j(),
                new ReadonlyTransactionManager(anvil.web3j(), address), anvil.gasProvider());
        try {
            return bound.balanceOf(address).send();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the token balance of " + address, e);
        }
    }

    private static boolean hasCode(AnvilNode anvil, String address) throws IOException {
        String code = anvil.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
        return code != null && code.length() > 2;
    }
}
