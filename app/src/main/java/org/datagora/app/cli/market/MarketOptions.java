package org.datagora.app.cli.market;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every marketplace command shares: which wallet signs (a key or a keystore password read
 * from an environment variable, never from the command line) and which network (the local sandbox
 * unless endpoints and a networks file are given).
 */
public final class MarketOptions {

    @Option(names = "--private-key-env", paramLabel = "VAR",
            description = "The environment variable holding the wallet's private key (hex).")
    String privateKeyEnv;

    @Option(names = "--keystore", paramLabel = "FILE", description = "A keystore V3 JSON file of the wallet.")
    Path keystore;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "The environment variable holding the keystore's password.")
    String passwordEnv;

    @Option(names = "--rpc-url", paramLabel = "URL", description = "A JSON-RPC endpoint instead of the local sandbox.")
    URI rpcUrl;

    @Option(names = "--ipfs-url", paramLabel = "URL", description = "A Kubo RPC API URL instead of the local sandbox's node.")
    URI ipfsUrl;

    @Option(names = "--networks-file", paramLabel = "FILE",
            description = "The networks file with the contract addresses of the --rpc-url chain.")
    Path networksFile;
}
