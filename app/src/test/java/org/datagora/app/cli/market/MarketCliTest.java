package org.datagora.app.cli.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.datagora.app.Main;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;
import picocli.CommandLine;

/**
 * The marketplace story through the command line, each command run as {@code datagora} runs it, with
 * the wallet's key in the command's environment: A publishes a folder, B searches and buys with a permit, A
 * delivers, B downloads the same files; the DGT moves by exactly the price and the fee.
 */
@ExtendWith(LocalSandboxExtension.class)
class MarketCliTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);

    @TempDir
    static Path work;

    private static LocalSandbox sandbox;
    private static NetworkAddresses addresses;
    private static Path networks;

    @BeforeAll
    static void setUp(LocalSandbox running) throws Exception {
        sandbox = running;
        addresses = sandbox.addresses();
        networks = sandbox.networksFile();
        token().mint(sandbox.devAccount(2).getAddress(), DGT.multiply(BigInteger.valueOf(50))).send();
    }

    private static DatagoraToken token() {
        return DatagoraToken.load(addresses.token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.devAccount(0)), sandbox.chain().gasProvider());
    }

    private static BigInteger balance(String account) throws Exception {
        return token().balanceOf(account).send();
    }

    @Test
    void publishSearchBuyDeliverDownload() throws Exception {
        Path folder = Files.createDirectories(work.resolve("survey"));
        Files.writeString(folder.resolve("answers.csv"), "id,answer\n1,yes\n2,no\n");
        byte[] photos = new byte[300_000];
        new java.util.Random(7).nextBytes(photos);
        Files.createDirectories(folder.resolve("media"));
        Files.write(folder.resolve("media/photos.bin"), photos);
        String alice = sandbox.devAccount(1).getAddress();
        String bob = sandbox.devAccount(2).getAddress();
        BigInteger aliceBefore = balance(alice);
        BigInteger bobBefore = balance(bob);
        BigInteger treasuryBefore = balance(addresses.treasury());

        Result published = datagora("alice", 1, "publish", folder.toString(), "--title", "City survey",
                "--description", "Answers of a city survey", "--tags", "survey,city", "--license", "CC-BY-4.0",
                "--price", "2.5");
        assertThat(published.exit).as(published.err).isZero();
        assertThat(published.out).contains("Encrypting…").contains("Adding to IPFS…").contains("MB/s");
        long listingId = Long.parseLong(find(published.out, "Listed as listing (\\d+)"));

        Result search = datagora("bob", 2, "search", "survey", "--tag", "city", "--max-price", "3");
        assertThat(search.exit).as(search.err).isZero();
        assertThat(search.out).containsPattern(listingId + "\\s+City survey\\s+2.5 DGT");

        Result buy = datagora("bob", 2, "buy", Long.toString(listingId), "--permit");
        assertThat(buy.exit).as(buy.err).isZero();
        assertThat(buy.out).contains("Pay 2.5 DGT").contains("0.0625 DGT");
        long purchaseId = Long.parseLong(find(buy.out, "Purchase (\\d+): paid 2.5 DGT into escrow"));

        Result deliver = datagora("alice", 1, "deliver");
        assertThat(deliver.exit).as(deliver.err).isZero();
        assertThat(deliver.out).contains("Delivered the key of purchase " + purchaseId);

        Path target = work.resolve("bob-got");
        Result download = datagora("bob", 2, "download", Long.toString(purchaseId), "--to", target.toString());
        assertThat(download.exit).as(download.err).isZero();
        assertThat(download.out).contains("Downloaded and verified 2 files");
        assertThat(Files.mismatch(folder.resolve("answers.csv"), target.resolve("survey/answers.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(folder.resolve("media/photos.bin"), target.resolve("survey/media/photos.bin")))
                .isEqualTo(-1L);

        BigInteger price = new BigInteger("2500000000000000000");
        BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        assertThat(balance(bob)).isEqualTo(bobBefore.subtract(price));
        assertThat(balance(alice)).isEqualTo(aliceBefore.add(price).subtract(fee));
        assertThat(balance(addresses.treasury())).isEqualTo(treasuryBefore.add(fee));

        Result poor = datagora("carol", 5, "buy", Long.toString(listingId));
        assertThat(poor.exit).isEqualTo(1);
        assertThat(poor.err).contains("costs 2.5 DGT but the wallet holds only 0 DGT");
    }

    @Test
    void aMissingKeyVariableIsNamedInOneSentence() throws Exception {
        Result missing = datagora("dave", -1, "deliver");
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err).contains("The environment variable DATAGORA_KEY is not set");
    }

    private record Result(int exit, String out, String err) {
    }

    /**
     * Runs {@code datagora} as {@link Main#main} would, with the data directory of {@code user} and dev
     * account {@code account}'s key in the command's environment (none when negative).
     */
    private static Result datagora(String user, int account, String... args) {
        List<String> line = new ArrayList<>(List.of("--data-dir", work.resolve(user).toString()));
        line.addAll(List.of(args));
        line.addAll(List.of("--private-key-env", "DATAGORA_KEY", "--rpc-url", sandbox.rpcUrl().toString(),
                "--ipfs-url", sandbox.ipfs().apiUrl().toString(), "--networks-file", networks.toString()));
        Map<String, String> env = account < 0 ? Map.of() : Map.of("DATAGORA_KEY",
                Numeric.toHexStringNoPrefixZeroPadded(sandbox.devAccount(account).getEcKeyPair().getPrivateKey(), 64));
        CommandLine cli = Main.commandLine();
        ((MarketCommand) cli.getSubcommands().get(args[0]).getCommand()).environment = env::get;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(line.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("output has " + regex + ":\n" + text).isTrue();
        return m.group(1);
    }
}
