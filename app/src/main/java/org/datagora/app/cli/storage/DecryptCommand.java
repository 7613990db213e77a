package org.datagora.app.cli.storage;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.dataset.DatasetDecryptor;
import org.datagora.storage.dataset.DatasetException;
import org.datagora.storage.dataset.DatasetManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datagora decrypt}: a dataset container back into its files, verified, all or nothing. */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypts a dataset container with its key file into a new folder. Every file is checked "
                + "against its SHA-256 before it appears; a wrong key or a damaged container leaves nothing behind.")
public final class DecryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.dgds", description = "The container to decrypt.")
    Path container;

    @Option(names = "--key", paramLabel = "KEYFILE", required = true,
            description = "The key file written by `datagora encrypt --key-out`.")
    Path keyFile;

    @Option(names = "--to", paramLabel = "DIR", required = true,
            description = "The folder to decrypt into: new, or empty (never overwritten).")
    Path target;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(container)) {
            err.println("No such container file: " + container);
            return 1;
        }
        try {
            if (Files.exists(target) && !isEmptyFolder(target)) {
                err.println(target + " already exists and is not an empty folder; nothing is ever overwritten. "
                        + "Choose a new folder.");
                return 1;
            }
            DatasetKey key = KeyFile.read(keyFile);
            DatasetManifest manifest;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(container), 1 << 20)) {
                manifest = new DatasetDecryptor().decrypt(in, key, target);
            } finally {
                key.destroy();
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Decrypted and verified %d file(s), %d bytes, into %s%n", manifest.files().size(),
                    manifest.totalSize(), target);
            manifest.files().forEach(f -> out.printf("  %s  %d bytes  sha256 %s%n", f.path(), f.size(), f.sha256Hex()));
            out.flush();
            return 0;
        } catch (DatasetException e) {
            err.println("Could not decrypt " + container + ": " + e.getMessage());
            return 1;
        } catch (FileAlreadyExistsException e) {
            err.println("Could not decrypt " + container + ": " + e.getFile() + " already exists; nothing was overwritten.");
            return 1;
        } catch (IOException e) {
            err.println("Could not decrypt " + container + ": " + e.getMessage());
            return 1;
        }
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
