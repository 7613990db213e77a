package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.LabelingBounties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.utils.Numeric;

/** Runs the deployment command against a real anvil and reads back what it wrote. */
class ContractsDeployerTest {

    private static AnvilNode anvil;
    private static Map<String, String> env;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() {
        anvil = AnvilNode.startEphemeral();
        env = Map.of("DEPLOYER_KEY", Numeric.toHexStringWithPrefixZeroPadded(
                anvil.devAccount(0).getEcKeyPair().getPrivateKey(), 64));
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    private NetworkAddresses run(String... args) throws Exception {
        return ContractsDeployer.run(args, env::get, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void deploysTheSetAndWritesTheNetworksFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("networks.json");
        String treasury = anvil.devAccount(8).getAddress();
        NetworkAddresses written = run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "DEPLOYER_KEY",
                "--out", out.toString(), "--chain-id", "31337", "--treasury", treasury, "--fee-bps", "100");

        assertThat(new NetworksFile(out).read(31337)).contains(written);
        assertThat(written.deployer()).isEqualToIgnoringCase(anvil.devAccount(0).getAddress());
        assertThat(written.deployedAtBlock()).isPositive();
        for (String address : new String[] {written.token(), written.marketplace(), written.labeling()}) {
            String code = anvil.web3j().ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode();
            assertThat(code).as("code at %s", address).hasSizeGreaterThan(2);
        }
        var readOnly = new ReadonlyTransactionManager(anvil.web3j(), treasury);
        DataMarketplace market = DataMarketplace.load(written.marketplace(), anvil.web3j(), readOnly,
                anvil.gasProvider());
        assertThat(market.treasury().send()).isEqualToIgnoringCase(treasury);
        assertThat(market.feeBps().send()).isEqualTo(BigInteger.valueOf(100));
        assertThat(market.token().send()).isEqualToIgnoringCase(written.token());
        LabelingBounties labeling = LabelingBounties.load(written.labeling(), anvil.web3j(), readOnly,
                anvil.gasProvider());
        assertThat(labeling.treasury().send()).isEqualToIgnoringCase(treasury);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("Wrote chain 31337");
    }

    @Test
    void reusesAnExistingToken(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("networks.json");
        NetworkAddresses first = run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "DEPLOYER_KEY",
                "--out", out.toString());
        NetworkAddresses second = run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "DEPLOYER_KEY",
                "--out", out.toString(), "--token", first.token());
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(second.marketplace()).isNotEqualTo(first.marketplace());
        assertThat(new NetworksFile(out).read(31337)).contains(second);
    }

    @Test
    void refusesATokenAddressWithoutCode(@TempDir Path dir) {
        String empty = "0x000000000000000000000000000000000000dEaD";
        assertThatThrownBy(() -> run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "DEPLOYER_KEY",
                "--out", dir.resolve("n.json").toString(), "--token", empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no contract at the token address " + empty + " on chain 31337");
    }

    @Test
    void refusesAWrongChainBeforeDeployingAnything(@TempDir Path dir) {
        Path out = dir.resolve("networks.json");
        assertThatThrownBy(() -> run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "DEPLOYER_KEY",
                "--out", out.toString(), "--chain-id", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is chain 31337, not chain 1");
        assertThat(out).doesNotExist();
    }

    @Test
    void explainsAMissingKeyVariable(@TempDir Path dir) {
        assertThatThrownBy(() -> run("--rpc-url", anvil.rpcUrl().toString(), "--private-key-env", "NOT_SET",
                "--out", dir.resolve("n.json").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The environment variable NOT_SET is not set; it must hold the deployer's private key (hex)");
    }

    @Test
    void refusesAKeyOnTheCommandLine(@TempDir Path dir) {
        assertThatThrownBy(() -> run("--rpc-url", anvil.rpcUrl().toString(), "--private-key", "0x01",
                "--out", dir.resolve("n.json").toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment variable");
    }
}
