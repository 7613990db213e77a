package org.datagora.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.contracts.generated.LabelingBounties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.http.HttpService;

/**
 * Builds gold and label trees with {@link LabelMerkle} and has the deployed LabelingBounties check them:
 * the Java side and the contract must agree on every leaf, root and proof, including a short last batch
 * and an odd number of gold answers.
 */
class LabelMerkleContractTest {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);
    private static final int ITEMS = 10;
    private static final int BATCH = 4;
    private static final List<Long> GOLD_ITEMS = List.of(1L, 6L, 9L);

    private static AnvilNode anvil;
    private static NetworkAddresses addresses;
    private static Credentials requester;
    private static Credentials labeler;

    @BeforeAll
    static void deploy() throws Exception {
        anvil = AnvilNode.startEphemeral();
        requester = anvil.devAccount(0);
        labeler = anvil.devAccount(1);
        addresses = ContractsDeployer.deploy(anvil.web3j(), anvil.transactionManager(requester), anvil.gasProvider(),
                requester.getAddress(), anvil.devAccount(7).getAddress());
        token(requester).mint(requester.getAddress(), ETHER.multiply(BigInteger.valueOf(1_000))).send();
        token(requester).mint(labeler.getAddress(), ETHER.multiply(BigInteger.valueOf(1_000))).send();
        token(requester).approve(addresses.labeling(), ETHER.multiply(BigInteger.valueOf(1_000))).send();
        token(labeler).approve(addresses.labeling(), ETHER.multiply(BigInteger.valueOf(1_000))).send();
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    private static byte[] truth(long item) {
        return LabelMerkle.labelHash(("class-" + item % 3).getBytes(StandardCharsets.UTF_8));
    }

    private static LabelMerkle.GoldTree goldTree() {
        return LabelMerkle.gold(GOLD_ITEMS.stream().map(i -> new LabelMerkle.GoldEntry(i, truth(i))).toList());
    }

    @Test
    void contractAcceptsJavaTreesAndSlashesOnAContradictedGoldAnswer() throws Exception {
        LabelingBounties asRequester = bounties(requester);
        LabelingBounties asLabeler = bounties(labeler);
        long now = chainTime();
        LabelMerkle.GoldTree gold = goldTree();
        BigInteger taskId = LabelingBounties.getTaskCreatedEvents(asRequester.createTask(new LabelingBounties.TaskParams(
                Hash.sha3("manifest".getBytes()), Hash.sha3("schema".getBytes()), gold.root(),
                BigInteger.valueOf(0x70), BigInteger.valueOf(0x55), BigInteger.valueOf(ITEMS), BigInteger.valueOf(BATCH),
                BigInteger.ONE, BigInteger.valueOf(GOLD_ITEMS.size()), ETHER, ETHER.multiply(BigInteger.TWO),
                BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.valueOf(now + 100),
                BigInteger.valueOf(now + 200), BigInteger.valueOf(now + 300), BigInteger.valueOf(now + 400),
                BigInteger.valueOf(now + 400))).send()).get(0).taskId;

        for (long item : GOLD_ITEMS) {
            assertThat(asRequester.verifyGold(taskId, BigInteger.valueOf(item), truth(item), gold.proof(item)).send())
                    .as("gold answer of item %d", item).isTrue();
        }
        assertThat(asRequester.verifyGold(taskId, BigInteger.ONE, truth(2), gold.proof(1)).send()).isFalse();

        // Batch 0 (items 0-3) labeled right; batch 2 (items 8-9, a short batch) gets item 9 wrong.
        List<byte[]> batch0 = labels(0, 4, -1);
        List<byte[]> batch2 = labels(8, 2, 9);
        LabelMerkle.BatchTree tree0 = LabelMerkle.batch(0, batch0, BATCH);
        LabelMerkle.BatchTree tree2 = LabelMerkle.batch(8, batch2, BATCH);
        BigInteger claim0 = claimAndCommit(asLabeler, taskId, 0, tree0);
        BigInteger claim2 = claimAndCommit(asLabeler, taskId, 2, tree2);
        increaseTime(201);
        byte[] salt = salt();
        asLabeler.reveal(claim0, tree0.root(), salt, new byte[32], BigInteger.valueOf(0x55)).send();
        asLabeler.reveal(claim2, tree2.root(), salt, new byte[32], BigInteger.valueOf(0x55)).send();

        for (int i = 0; i < 4; i++) {
            assertThat(asLabeler.verifyLabel(claim0, BigInteger.valueOf(i), batch0.get(i), tree0.proof(i)).send())
                    .as("label of item %d", i).isTrue();
        }
        assertThat(asLabeler.verifyLabel(claim2, BigInteger.valueOf(9), batch2.get(1), tree2.proof(9)).send()).isTrue();
        // The same label and proof do not prove anything for another position.
        assertThat(asLabeler.verifyLabel(claim0, BigInteger.TWO, batch0.get(1), tree0.proof(1)).send()).isFalse();

        increaseTime(100);
        List<LabelingBounties.GoldAnswer> answers = new ArrayList<>();
        for (long item : GOLD_ITEMS) {
            answers.add(new LabelingBounties.GoldAnswer(BigInteger.valueOf(item), truth(item), gold.proof(item)));
        }
        asRequester.revealGold(taskId, answers).send();
        asRequester.checkGold(claim0, BigInteger.ONE, batch0.get(1), tree0.proof(1)).send();
        asRequester.checkGold(claim2, BigInteger.valueOf(9), batch2.get(1), tree2.proof(9)).send();

        assertThat(asRequester.getClaim(claim0).send().goldPassed).isTrue();
        assertThat(asRequester.getClaim(claim2).send().status).isEqualTo(BigInteger.valueOf(5)); // Slashed
    }

    @Test
    void commitmentsMatchTheContractsEncoding() throws Exception {
        LabelingBounties asLabeler = bounties(labeler);
        long now = chainTime();
        LabelMerkle.GoldTree gold = goldTree();
        BigInteger taskId = LabelingBounties.getTaskCreatedEvents(bounties(requester).createTask(
                new LabelingBounties.TaskParams(new byte[32], new byte[32], gold.root(), BigInteger.ZERO,
                        BigInteger.ZERO, BigInteger.valueOf(ITEMS), BigInteger.ONE, BigInteger.ONE, BigInteger.ONE,
                        BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO,
                        BigInteger.valueOf(now + 100), BigInteger.valueOf(now + 200),
                        BigInteger.valueOf(now + 300), BigInteger.valueOf(now + 400),
                        BigInteger.valueOf(now + 400))).send()).get(0).taskId;
        // Batch size 1: the tree is the leaf itself and proofs are empty.
        LabelMerkle.BatchTree single = LabelMerkle.batch(3, List.of(truth(3)), 1);
        assertThat(single.root()).isEqualTo(LabelMerkle.leaf(3, truth(3)));
        BigInteger claimId = claimAndCommit(asLabeler, taskId, 3, single);
        increaseTime(201);
        asLabeler.reveal(claimId, single.root(), salt(), new byte[32], BigInteger.ZERO).send();
        assertThat(asLabeler.verifyLabel(claimId, BigInteger.valueOf(3), truth(3), List.of()).send()).isTrue();
    }

    private static List<byte[]> labels(long first, int count, long wrongItem) {
        List<byte[]> hashes = new ArrayList<>();
        for (long item = first; item < first + count; item++) {
            hashes.add(item == wrongItem ? LabelMerkle.labelHash("nonsense".getBytes(StandardCharsets.UTF_8))
                    : truth(item));
        }
        return hashes;
    }

    private static BigInteger claimAndCommit(LabelingBounties asLabeler, BigInteger taskId, int batch,
                                             LabelMerkle.BatchTree tree) throws Exception {
        BigInteger claimId = LabelingBounties.getBatchClaimedEvents(
                asLabeler.claim(taskId, BigInteger.valueOf(batch)).send()).get(0).claimId;
        asLabeler.commit(claimId, LabelMerkle.labelsCommitment(tree.root(), salt(), labeler.getAddress(), claimId))
                .send();
        return claimId;
    }

    private static byte[] salt() {
        return Hash.sha3("a labeler's secret salt".getBytes(StandardCharsets.UTF_8));
    }

    private static long chainTime() throws Exception {
        return anvil.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                .getTimestamp().longValueExact();
    }

    private static void increaseTime(long seconds) throws Exception {
        new Request<>("evm_increaseTime", List.of(seconds), new HttpService(anvil.rpcUrl().toString()),
                AnvilNode.RawResponse.class).send();
        anvil.mine();
    }

    private static LabelingBounties bounties(Credentials who) {
        return LabelingBounties.load(addresses.labeling(), anvil.web3j(), anvil.transactionManager(who),
                anvil.gasProvider());
    }

    private static DatagoraToken token(Credentials who) {
        return DatagoraToken.load(addresses.token(), anvil.web3j(), anvil.transactionManager(who),
                anvil.gasProvider());
    }
}
