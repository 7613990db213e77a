package org.datagora.app.cli.storage;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidCalculator;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.KeyCommitment;
import org.datagora.storage.dataset.DatasetEncryptor;
import org.datagora.storage.dataset.DatasetManifest;
import org.datagora.storage.dataset.DatasetSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datagora encrypt}: a file or folder into an encrypted dataset container under a fresh key. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Encrypts a file or a folder into one dataset container (AES-256-GCM streaming, "
                + "see docs/dataset-format.md) under a fresh random key, and prints the key commitment and the "
                + "container's CID.",
                "The key is written UNENCRYPTED to the key file you name with --key-out (owner-only permissions, "
                + "rw-------): anyone who reads that file can decrypt the dataset. Keep it safe; it is written only "
                + "because you asked for it."})
public final class EncryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The file or folder to encrypt.")
    Path source;

    @Option(names = "--out", paramLabel = "FILE.dgds", required = true,
            description = "The container to write (must not exist).")
    Path out;

    @Option(names = "--key-out", paramLabel = "KEYFILE", required = true,
            description = "Where to write the new key in plain text (must not exist; created rw-------).")
    Path keyOut;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(source)) {
            err.println("No such file or folder: " + source);
            return 1;
        }
        for (Path target : new Path[] {out, keyOut}) {
            if (Files.exists(target)) {
                err.println(target + " already exists; it is never overwritten. Choose another name.");
                return 1;
            }
        }
        if (out.toAbsolutePath().normalize().equals(keyOut.toAbsolutePath().normalize())) {
            err.println("--out and --key-out must be different files.");
            return 1;
        }
        DatasetKey key = DatasetKey.generate(new SecureRandom());
        boolean done = false;
        try {
            KeyFile.write(keyOut, key);
            CidCalculator cid = new CidCalculator();
            DatasetManifest manifest;
            try (OutputStream file = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW);
                 OutputStream hashed = new BufferedOutputStream(new CidOutputStream(file, cid), 1 << 20)) {
                manifest = new DatasetEncryptor().encrypt(DatasetSource.of(source), key, hashed);
            }
            Cid containerCid = cid.finish();
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Encrypted %d file(s), %d bytes, into %s (%d bytes)%n", manifest.files().size(),
                    manifest.files().stream().mapToLong(DatasetManifest.File::size).sum(), out, cid.byteCount());
            o.printf("Key file:       %s (keep it secret)%n", keyOut);
            o.printf("Key commitment: %s%n", KeyCommitment.of(key).toHex());
            o.printf("CID:            %s%n", containerCid);
            o.flush();
            done = true;
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Could not encrypt " + source + ": " + e.getMessage());
            err.println("Nothing was kept: the container and the key file were removed.");
            return 1;
        } finally {
            key.destroy();
            if (!done) {
                deleteQuietly(out);
                deleteQuietly(keyOut);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // Best effort: the failure that brought us here is the one worth reporting.
        }
    }

    /** Passes bytes through while computing their CID, so the container is read only once. */
    private static final class CidOutputStream extends FilterOutputStream {
        private final CidCalculator cid;

        CidOutputStream(OutputStream out, CidCalculator cid) {
            super(out);
            this.cid = cid;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            cid.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
