package org.datagora.app.cli.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.datagora.storage.cid.CidCalculator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datagora cid FILE}: the content identifier an IPFS node gives the file, computed locally. */
@Command(name = "cid", mixinStandardHelpOptions = true,
        description = "Prints the UnixFS CID of a file (CIDv1, raw leaves, 256 KiB chunks, balanced layout, base32), "
                + "the same as `ipfs add --cid-version=1 --raw-leaves` gives, without uploading anything.")
public final class CidCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to identify.")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println(Files.isDirectory(file)
                    ? file + " is a folder; `datagora cid` identifies one file."
                    : "No such file: " + file);
            return 1;
        }
        try {
            spec.commandLine().getOut().println(CidCalculator.of(file));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Could not read " + file + ": " + e.getMessage());
            return 1;
        }
    }
}
