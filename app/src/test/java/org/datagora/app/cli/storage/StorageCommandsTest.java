package org.datagora.app.cli.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import org.datagora.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code datagora cid}, {@code encrypt} and {@code decrypt} as a user runs them. */
class StorageCommandsTest {

    @TempDir
    Path tmp;

    private record Run(int exit, String out, String err) {
    }

    private Run datagora(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = tmp.resolve("data").toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Run(cli.execute(all), out.toString(), err.toString());
    }

    @Test
    void cidPrintsWhatAnIpfsNodeGivesForTheReferenceInputs() throws IOException {
        Path hello = Files.writeString(tmp.resolve("hello.txt"), "hello world\n");
        byte[] mib = new byte[1 << 20];
        for (int i = 0; i < mib.length; i++) {
            mib[i] = (byte) i;
        }
        Path pattern = Files.write(tmp.resolve("pattern.bin"), mib);

        Run helloRun = datagora("cid", hello.toString());
        Run patternRun = datagora("cid", pattern.toString());

        assertThat(helloRun.exit()).isZero();
        assertThat(helloRun.out().strip()).isEqualTo("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
        assertThat(patternRun.out().strip()).isEqualTo("bafybeiclphklsx6bfzfb5aezogjldbkeicyyvma6wrfnielfg7haplwahy");
    }

    @Test
    void cidOfAMissingFileSaysSo() {
        Run run = datagora("cid", tmp.resolve("nope.bin").toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("No such file").contains("nope.bin");
    }

    @Test
    void aFolderEncryptedThenDecryptedComesBackByteForByte() throws IOException {
        Path folder = sampleFolder();
        Path container = tmp.resolve("set.dgds");
        Path key = tmp.resolve("set.key");

        Run encrypt = datagora("encrypt", folder.toString(), "--out", container.toString(), "--key-out", key.toString());
        Run cid = datagora("cid", container.toString());
        Run decrypt = datagora("decrypt", container.toString(), "--key", key.toString(), "--to", tmp.resolve("out").toString());

        assertThat(encrypt.exit()).as(encrypt.err()).isZero();
        assertThat(encrypt.out()).containsPattern("Key commitment: 0x[0-9a-f]{64}")
                .contains("CID:            " + cid.out().strip());
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(key)).hasSize(2).first().isEqualTo("datagora-dataset-key-v1");
        assertThat(decrypt.exit()).as(decrypt.err()).isZero();
        assertThat(decrypt.out()).contains("3 file(s)");
        for (String name : List.of("a.txt", "sub/b.bin", "sub/deeper/empty")) {
            // A folder is kept under its own name, as docs/dataset-format.md says.
            assertThat(Files.readAllBytes(tmp.resolve("out/dataset").resolve(name)))
                    .as(name).isEqualTo(Files.readAllBytes(folder.resolve(name)));
        }
    }

    @Test
    void aWrongKeyFileFailsClearlyAndWritesNothing() throws IOException {
        Path file = Files.writeString(tmp.resolve("secret.txt"), "the data");
        Path container = tmp.resolve("secret.dgds");
        assertThat(datagora("encrypt", file.toString(), "--out", container.toString(),
                "--key-out", tmp.resolve("right.key").toString()).exit()).isZero();
        assertThat(datagora("encrypt", file.toString(), "--out", tmp.resolve("other.dgds").toString(),
                "--key-out", tmp.resolve("wrong.key").toString()).exit()).isZero();
        Path target = tmp.resolve("out");

        Run run = datagora("decrypt", container.toString(), "--key", tmp.resolve("wrong.key").toString(),
                "--to", target.toString());

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("This key does not open the dataset");
        assertThat(target).satisfiesAnyOf(t -> assertThat(t).doesNotExist(), t -> assertThat(t).isEmptyDirectory());
    }

    @Test
    void aTamperedContainerAnExistingTargetAndABadKeyFileEachGetTheirOwnMessage() throws IOException {
        Path file = Files.writeString(tmp.resolve("secret.txt"), "the data ".repeat(1000));
        Path container = tmp.resolve("secret.dgds");
        Path key = tmp.resolve("secret.key");
        assertThat(datagora("encrypt", file.toString(), "--out", container.toString(), "--key-out", key.toString())
                .exit()).isZero();
        byte[] bytes = Files.readAllBytes(container);
        bytes[bytes.length / 2] ^= 1;
        Path tampered = Files.write(tmp.resolve("tampered.dgds"), bytes);
        Path occupied = Files.createDirectories(tmp.resolve("occupied"));
        Files.writeString(occupied.resolve("mine.txt"), "keep me");
        Path notAKey = Files.writeString(tmp.resolve("notakey.txt"), "hello");

        Run damaged = datagora("decrypt", tampered.toString(), "--key", key.toString(), "--to", tmp.resolve("t").toString());
        Run exists = datagora("decrypt", container.toString(), "--key", key.toString(), "--to", occupied.toString());
        Run badKey = datagora("decrypt", container.toString(), "--key", notAKey.toString(), "--to", tmp.resolve("k").toString());
        Run overwrite = datagora("encrypt", file.toString(), "--out", container.toString(), "--key-out", tmp.resolve("n.key").toString());

        assertThat(damaged.exit()).isNotZero();
        assertThat(damaged.err()).contains("damaged or was tampered with");
        assertThat(exists.exit()).isNotZero();
        assertThat(exists.err()).contains("already exists and is not an empty folder");
        assertThat(Files.readString(occupied.resolve("mine.txt"))).isEqualTo("keep me");
        assertThat(badKey.exit()).isNotZero();
        assertThat(badKey.err()).contains("is not a Datagora key file");
        assertThat(overwrite.exit()).isNotZero();
        assertThat(overwrite.err()).contains("already exists");
        assertThat(tmp.resolve("n.key")).doesNotExist();
    }

    private Path sampleFolder() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("dataset"));
        Files.writeString(folder.resolve("a.txt"), "a small text file\n", StandardCharsets.UTF_8);
        byte[] random = new byte[3 * (1 << 20) + 7];
        new Random(1).nextBytes(random);
        Files.createDirectories(folder.resolve("sub/deeper"));
        Files.write(folder.resolve("sub/b.bin"), random);
        Files.write(folder.resolve("sub/deeper/empty"), new byte[0]);
        return folder;
    }
}
