package org.datagora.app.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.awaitility.Awaitility;
import org.datagora.app.labeling.export.ExportFormat;
import org.datagora.app.labeling.export.LabelExporter;
import org.datagora.app.labeling.export.LabeledDatasetFolder;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * A whole task on the local sandbox: one requester (dev account 1) and three labelers (2, 3, 4), the last of
 * whom answers gold items wrongly; claim, key delivery, labeling through the session, commit, reveal (one
 * labeler after an app restart), gold reveal and checks, review, settlement, results and exports.
 */
@ExtendWith(LocalSandboxExtension.class)
class LabelingTaskFlowTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static final BigInteger REWARD = DGT.multiply(BigInteger.TEN);
    private static final BigInteger STAKE = DGT.multiply(BigInteger.valueOf(5));
    private static final List<String> CLASSES = List.of("positive", "negative");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The honest answer of sentence i. */
    private static int truth(int i) {
        return i % 3 == 0 ? 1 : 0;
    }

    @Test
    void honestLabelersArePaidTheCheaterIsSlashedAndTheRestReturns(LocalSandbox sandbox) throws Exception {
        fund(sandbox, 1, 2, 3, 4);
        LabelingParty requester = new LabelingParty(sandbox, sandbox.devAccount(1), dir.resolve("requester"));
        LabelingParty honestA = new LabelingParty(sandbox, sandbox.devAccount(2), dir.resolve("a"));
        LabelingParty honestB = new LabelingParty(sandbox, sandbox.devAccount(3), dir.resolve("b"));
        LabelingParty cheater = new LabelingParty(sandbox, sandbox.devAccount(4), dir.resolve("c"));
        String treasury = sandbox.addresses().treasury();
        Map<String, BigInteger> before = balances(sandbox, requester, honestA, honestB, cheater);
        BigInteger treasuryBefore = sandbox.tokenBalance(treasury);

        // 7 sentences in batches of 3: batches 0 and 1 are claimed by all three labelers, batch 2 by nobody.
        List<TaskItem> items = LabelingSessionTest.sentences(0, 7);
        Map<Integer, Label> gold = Map.of(1, Label.single(truth(1)), 3, Label.single(truth(3)));
        TaskSpec spec = new TaskSpec("Sentiment of short sentences",
                new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE, CLASSES, "Positive or negative?"), items, gold,
                3, 3, REWARD, STAKE, BigInteger.ZERO, 0, BigInteger.ZERO,
                new TaskSpec.Timeline(Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(10),
                        Duration.ofMinutes(10), Duration.ZERO));
        TaskCost cost = requester.services.requester().quote(spec);
        assertThat(cost.total()).isEqualTo(REWARD.multiply(BigInteger.valueOf(21)));
        BigInteger taskId = requester.services.requester().create(spec).taskId();
        assertThat(requester.services.catalog().openTasks()).extracting(TaskInfo::taskId).contains(taskId);

        Map<LabelingParty, List<BigInteger>> claims = new HashMap<>();
        for (LabelingParty labeler : List.of(honestA, honestB, cheater)) {
            List<BigInteger> mine = new ArrayList<>();
            mine.add(labeler.services.labeler().claim(taskId, labeler.services.labeler().nextOpenBatch(taskId)));
            mine.add(labeler.services.labeler().claim(taskId, labeler.services.labeler().nextOpenBatch(taskId)));
            claims.put(labeler, mine);
        }
        assertThat(honestA.services.labeler().hasTaskKey(taskId)).as("no key before the requester sends it").isFalse();
        assertThat(requester.services.keyDesk().deliverDue()).isEqualTo(6);
        assertThat(requester.services.keyDesk().deliverDue()).as("each key is sent once").isZero();

        for (LabelingParty labeler : List.of(honestA, honestB, cheater)) {
            for (BigInteger claimId : claims.get(labeler)) {
                LabelingSession session = labeler.services.labeler().openSession(claimId);
                assertThatThrownBy(() -> labeler.services.labeler().submit(session)).hasMessageContaining("no label yet");
                do {
                    int item = session.current().index();
                    boolean lie = labeler == cheater && gold.containsKey(item);
                    session.choose(lie ? 1 - truth(item) : truth(item));
                } while (session.next());
                assertThat(session.progress().fraction()).isEqualTo(1.0);
                labeler.services.labeler().submit(session);
            }
        }

        // Nothing is revealed while the commit window is open.
        assertThat(honestA.services.labeler().revealDue().waiting()).hasSize(2);
        TaskInfo task = requester.services.catalog().task(taskId);
        warpPast(sandbox, task.commitDeadline());
        honestA.services.labeler().revealDue();
        cheater.services.labeler().revealDue();
        // Labeler B's app was closed while the commit window passed; on start it reveals what is due.
        LabelingParty restartedB = honestB.restarted(sandbox);
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        List<String> notices = new CopyOnWriteArrayList<>();
        try (PendingRevealScheduler scheduler = new PendingRevealScheduler(restartedB.services.keyDesk(),
                restartedB.services.labeler(), restartedB.services.validator(), executor, notices::add)) {
            scheduler.start(Duration.ofSeconds(1));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> notices.size() >= 2);
        } finally {
            executor.shutdownNow();
        }
        assertThat(notices).containsExactlyInAnyOrderElementsOf(claims.get(honestB).stream()
                .map(id -> "Revealed the labels of claim " + id).toList());
        assertThat(requester.services.catalog().claims(taskId)).extracting(ClaimInfo::status)
                .containsOnly(ClaimInfo.Status.REVEALED);

        warpPast(sandbox, task.revealDeadline());
        RequesterService requesterService = requester.services.requester();
        requesterService.revealGold(taskId);
        RequesterService.GoldCheckReport report = requesterService.checkGold(taskId);
        assertThat(report.slashed()).containsExactlyInAnyOrderElementsOf(claims.get(cheater));
        assertThat(report.passed()).hasSize(4);
        assertThat(report.unverifiable()).isEmpty();
        assertThatThrownBy(() -> requesterService.review(taskId, claims.get(honestA).get(0), false, " "))
                .hasMessageContaining("reason");
        requesterService.acceptAll(taskId);
        assertThat(requesterService.reviews(taskId)).hasSize(4).allMatch(RequesterService.Review::accept);
        requesterService.submitReview(taskId);

        warpPast(sandbox, task.voteRevealDeadline());
        requesterService.settle(taskId);
        requesterService.settle(taskId); // a second run finds nothing left to do

        BigInteger perHonest = REWARD.multiply(BigInteger.valueOf(6));
        Map<String, BigInteger> after = balances(sandbox, requester, restartedB, honestA, cheater);
        assertThat(after.get(honestA.address())).isEqualTo(before.get(honestA.address()).add(perHonest));
        assertThat(after.get(restartedB.address())).isEqualTo(before.get(restartedB.address()).add(perHonest));
        assertThat(after.get(cheater.address())).isEqualTo(before.get(cheater.address()).subtract(STAKE.multiply(BigInteger.TWO)));
        assertThat(sandbox.tokenBalance(treasury)).isEqualTo(treasuryBefore.add(STAKE.multiply(BigInteger.TWO)));
        // Spent: only the two honest labelers' rewards; the cheater's and batch 2's rewards came back.
        assertThat(after.get(requester.address())).isEqualTo(before.get(requester.address()).subtract(perHonest.multiply(BigInteger.TWO)));

        assertThat(honestA.services.catalog().requesterRecord(requester.address()))
                .isEqualTo(new TaskCatalog.RequesterRecord(requester.address(), 1, 4, 0, 2));
        TaskResults results = requester.services.results().results(taskId);
        assertThat(results.returnedToRequester()).isEqualTo(REWARD.multiply(BigInteger.valueOf(9)));
        for (int i = 0; i < 6; i++) {
            assertThat(results.consensusOf(i).label()).isEqualTo(Label.single(truth(i)));
            assertThat(results.consensusOf(i).agreement()).isEqualTo(1.0);
        }
        assertThat(results.consensusOf(6).labelIfAny()).isEmpty();
        Map<String, TaskResults.LabelerSummary> byLabeler = new HashMap<>();
        results.labelers().forEach(l -> byLabeler.put(l.labeler(), l));
        assertThat(byLabeler.get(honestA.address()).goldAccuracy()).isEqualTo(1.0);
        assertThat(byLabeler.get(cheater.address()).goldAccuracy()).isEqualTo(0.0);
        assertThat(byLabeler.get(cheater.address()).stakeSlashed()).isEqualTo(STAKE.multiply(BigInteger.TWO));
        assertThat(byLabeler.get(honestA.address()).rewardPaid()).isEqualTo(perHonest);
        assertThat(ContributorShares.of(results, 3000)).containsOnly(
                Map.entry(honestA.address(), 1500), Map.entry(restartedB.address(), 1500));

        assertExportsMatch(results);
        Path dataset = dir.resolve("dataset");
        assertThat(new LabeledDatasetFolder(new LabelExporter()).write(results, dataset, 3000))
                .isEqualTo(ContributorShares.of(results, 3000));
        assertThat(Files.readAllLines(dataset.resolve("items.jsonl"))).hasSize(7);
        assertThat(dataset.resolve("labels-label-studio.jsonl")).exists();
        List<EarningsService.Earning> earned = honestA.services.earnings().earnings(honestA.address());
        assertThat(EarningsService.cumulative(earned).get(earned.size() - 1).total()).isEqualTo(perHonest);
        assertThat(cheater.services.earnings().earnings(cheater.address())).extracting(EarningsService.Earning::amount)
                .containsOnly(STAKE.negate());

        for (LabelingParty party : List.of(requester, honestA, restartedB, cheater)) {
            party.close();
        }
    }

    @Test
    void validatorsVoteAndTheirVotesAreRevealedOnTheirOwnAndPaid(LocalSandbox sandbox) throws Exception {
        fund(sandbox, 5, 6, 7);
        LabelingParty requester = new LabelingParty(sandbox, sandbox.devAccount(7), dir.resolve("r2"));
        LabelingParty a = new LabelingParty(sandbox, sandbox.devAccount(5), dir.resolve("v5"));
        LabelingParty b = new LabelingParty(sandbox, sandbox.devAccount(6), dir.resolve("v6"));
        BigInteger validatorReward = DGT.multiply(BigInteger.TWO);
        TaskSpec spec = new TaskSpec("Topics", new LabelSchema(LabelSchema.Kind.MULTIPLE_CHOICE,
                List.of("sport", "politics", "science"), "Every topic the sentence touches"),
                LabelingSessionTest.sentences(0, 2), Map.of(), 2, 2, REWARD, STAKE, validatorReward, 1,
                validatorReward.multiply(BigInteger.TWO), new TaskSpec.Timeline(Duration.ofMinutes(10),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10)));
        BigInteger taskId = requester.services.requester().create(spec).taskId();
        Map<String, BigInteger> before = balances(sandbox, requester, a, b);
        for (LabelingParty labeler : List.of(a, b)) {
            labeler.services.labeler().claim(taskId, 0);
        }
        requester.services.keyDesk().deliverDue();
        for (LabelingParty labeler : List.of(a, b)) {
            BigInteger claimId = labeler.services.labeler().myClaims().get(0).claimId();
            LabelingSession session = labeler.services.labeler().openSession(claimId);
            session.toggle(0);
            session.toggle(2);
            session.next();
            session.toggle(1);
            labeler.services.labeler().submit(session);
        }
        TaskInfo task = requester.services.catalog().task(taskId);
        warpPast(sandbox, task.commitDeadline());
        a.services.labeler().revealDue();
        b.services.labeler().revealDue();
        warpPast(sandbox, task.revealDeadline());
        for (LabelingParty validator : List.of(a, b)) {
            List<ClaimInfo> toReview = validator.services.validator().claimsToReview(taskId);
            assertThat(toReview).hasSize(1).noneMatch(c -> c.labeler().equals(validator.address()));
            LabelsFile labels = validator.services.validator().labelsOf(toReview.get(0).claimId());
            assertThat(labels.parsed()).containsExactly(Label.multiple(List.of(0, 2)), Label.multiple(List.of(1)));
            validator.services.validator().vote(toReview.get(0).claimId(), true);
        }
        // The requester rejects A's claim, but the validators' majority decides over the requester's review.
        BigInteger claimOfA = a.services.labeler().myClaims().get(0).claimId();
        requester.services.requester().review(taskId, claimOfA, false, "Topics are incomplete");
        requester.services.requester().acceptAll(taskId);
        LabelingParty restartedRequester = requester.restarted(sandbox);
        assertThat(restartedRequester.services.requester().rejectionReason(taskId, claimOfA))
                .as("review notes survive a restart").contains("Topics are incomplete");
        restartedRequester.services.requester().submitReview(taskId);
        assertThat(restartedRequester.services.catalog().claim(claimOfA).rejectedByRequester()).isTrue();
        requester = restartedRequester;
        warpPast(sandbox, task.reviewDeadline());
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        for (LabelingParty validator : List.of(a, b)) {
            List<String> notices = new ArrayList<>();
            new PendingRevealScheduler(validator.services.keyDesk(), validator.services.labeler(),
                    validator.services.validator(), executor, notices::add).runOnce();
            assertThat(notices).singleElement().asString().startsWith("Revealed the vote on claim");
        }
        executor.shutdownNow();
        warpPast(sandbox, task.voteRevealDeadline());
        requester.services.requester().settle(taskId);

        BigInteger labelerGain = REWARD.multiply(BigInteger.TWO).add(validatorReward);
        Map<String, BigInteger> after = balances(sandbox, requester, a, b);
        assertThat(after.get(a.address())).isEqualTo(before.get(a.address()).add(labelerGain));
        assertThat(after.get(b.address())).isEqualTo(before.get(b.address()).add(labelerGain));
        assertThat(after.get(requester.address())).isEqualTo(before.get(requester.address()));
        assertThat(a.services.earnings().earnings(a.address())).extracting(EarningsService.Earning::role,
                EarningsService.Earning::amount).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(EarningsService.Role.LABELER, REWARD.multiply(BigInteger.TWO)),
                org.assertj.core.groups.Tuple.tuple(EarningsService.Role.VALIDATOR, validatorReward));
        for (LabelingParty party : List.of(requester, a, b)) {
            party.close();
        }
    }

    private void assertExportsMatch(TaskResults results) throws IOException {
        LabelExporter exporter = new LabelExporter();
        Path jsonl = dir.resolve("labels.jsonl");
        exporter.export(results, ExportFormat.JSONL, jsonl);
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(6);
        for (String line : lines) {
            JsonNode task = JSON.readTree(line);
            int item = task.at("/meta/datagora_item").asInt();
            assertThat(task.at("/data/text").asText()).isEqualTo(results.items().get(item).text());
            assertThat(task.at("/annotations/0/result/0/value/choices/0").asText())
                    .isEqualTo(CLASSES.get(results.consensusOf(item).label().choice()));
        }
        Path csv = dir.resolve("labels.csv");
        exporter.export(results, ExportFormat.CSV, csv);
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).isEqualTo("item,name,label,votes,total,agreement");
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            int item = Integer.parseInt(cells[0]);
            assertThat(cells[2]).isEqualTo(CLASSES.get(results.consensusOf(item).label().choice()));
            assertThat(Double.parseDouble(cells[5])).isEqualTo(results.consensusOf(item).agreement());
        }
        assertThat(rows).hasSize(7);
    }

    /** Gives each dev account 1,000 DGT from the faucet. */
    static void fund(LocalSandbox sandbox, int... accounts) throws Exception {
        DatagoraToken token = DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider());
        for (int account : accounts) {
            token.mint(sandbox.devAccount(account).getAddress(), DGT.multiply(BigInteger.valueOf(1_000))).send();
        }
    }

    /** Moves the chain's clock just past {@code deadline} and mines a block there. */
    static void warpPast(LocalSandbox sandbox, long deadline) throws IOException {
        long now = sandbox.chain().web3j().ethGetBlockByNumber(
                org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false).send().getBlock().getTimestamp().longValueExact();
        HttpService http = new HttpService(sandbox.rpcUrl().toString());
        Response<?> response = new Request<>("evm_increaseTime", List.of(Math.max(1, deadline - now + 1)), http,
                AnyResponse.class).send();
        if (response.hasError()) {
            throw new IOException(response.getError().getMessage());
        }
        sandbox.chain().mine();
    }

    /** A JSON-RPC response of any shape. */
    public static final class AnyResponse extends Response<Object> {
    }

    private static Map<String, BigInteger> balances(LocalSandbox sandbox, LabelingParty... parties) {
        Map<String, BigInteger> balances = new HashMap<>();
        for (LabelingParty party : parties) {
            balances.put(party.address(), sandbox.tokenBalance(party.address()));
        }
        return balances;
    }
}
