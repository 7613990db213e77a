package org.datagora.storage.ipfs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the Node.js runtime that runs js-ipfs: system property, environment variable, then the PATH. */
final class NodeJs {

    private NodeJs() {
    }

    static Path locate() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getProperty("datagora.node")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("DATAGORA_NODE")).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("PATH")).ifPresent(path -> {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "node"));
                }
            }
        });
        return candidates.stream().filter(Files::isExecutable).map(Path::toAbsolutePath).findFirst()
                .orElseThrow(() -> new IpfsNodeException("Node.js (the program node, version 20 or later) was"
                        + " not found on the PATH; the local IPFS node needs it. Install Node.js 20+, or set"
                        + " DATAGORA_NODE to its path."));
    }
}
