package org.datagora.contracts.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;

class AnvilNodeTest {

    @Test
    void devAccountsAreAnvilsFundedAccounts() throws Exception {
        try (AnvilNode anvil = AnvilNode.startEphemeral()) {
            assertThat(anvil.web3j().ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
            var accounts = anvil.web3j().ethAccounts().send().getAccounts();
            assertThat(anvil.devAccount(0).getAddress()).isEqualToIgnoringCase(accounts.get(0));
            assertThat(anvil.devAccount(9).getAddress()).isEqualToIgnoringCase(accounts.get(9));
        }
    }

    @Test
    void mineAdvancesTheBlockHeight() throws Exception {
        try (AnvilNode anvil = AnvilNode.startEphemeral()) {
            BigInteger before = anvil.web3j().ethBlockNumber().send().getBlockNumber();
            anvil.mine();
            assertThat(anvil.web3j().ethBlockNumber().send().getBlockNumber()).isEqualTo(before.add(BigInteger.ONE));
        }
    }

    @Test
    void persistentChainKeepsBalancesAcrossRestarts(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("state.json");
        String receiver = "0x000000000000000000000000000000000000dEaD";
        try (AnvilNode anvil = AnvilNode.start(AnvilOptions.persistent(state, dir.resolve("anvil.log")))) {
            Transfer.sendFunds(anvil.web3j(), anvil.devAccount(0), receiver, java.math.BigDecimal.ONE,
                    Convert.Unit.ETHER).send();
        }
        assertThat(state).exists();
        assertThat(Files.size(state)).isPositive();
        try (AnvilNode anvil = AnvilNode.start(AnvilOptions.persistent(state, dir.resolve("anvil.log")))) {
            BigInteger balance = anvil.web3j().ethGetBalance(receiver, DefaultBlockParameterName.LATEST).send().getBalance();
            assertThat(balance).isEqualTo(Convert.toWei("1", Convert.Unit.ETHER).toBigInteger());
        }
    }

    @Test
    void snapshotAndRevertRewindTheChain() throws Exception {
        try (AnvilNode anvil = AnvilNode.startEphemeral()) {
            String snapshot = anvil.snapshot();
            anvil.mine();
            anvil.mine();
            anvil.revert(snapshot);
            assertThat(anvil.web3j().ethBlockNumber().send().getBlockNumber()).isEqualTo(BigInteger.ZERO);
        }
    }
}
