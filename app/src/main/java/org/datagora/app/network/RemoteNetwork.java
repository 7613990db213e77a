package org.datagora.app.network;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datagora.app.config.Settings;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.NetworksFile;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.store.ContentStore;
import org.datagora.storage.store.EmbeddedContentStore;
import org.datagora.storage.store.IpfsContentStore;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A network in the field, as Settings describe it: any JSON-RPC endpoint with the contracts' addresses
 * from a networks file, and a Kubo node or the embedded store for content.
 *
 * @param web3j the client of the endpoint
 * @param rpcUrl the endpoint
 * @param addresses the contracts on that chain
 * @param store where content goes
 * @param storeName how the status bar names the store
 * @param kubo the Kubo node's client, when the store is one
 */
public record RemoteNetwork(Web3j web3j, URI rpcUrl, NetworkAddresses addresses, ContentStore store, String storeName,
                            IpfsClient kubo) {

    /** Connects as {@code settings} say; the embedded store, if chosen, lives in {@code contentDirectory}. */
    public static RemoteNetwork connect(Settings settings, Path contentDirectory) {
        Settings.Network network = settings.network();
        if (network.rpcUrl() == null || network.chainId() == null || network.networksFile() == null) {
            throw new IllegalArgumentException("Settings name a JSON-RPC network without its URL, chain id or networks "
                    + "file. Complete them under Settings.");
        }
        Path networksFile = Path.of(network.networksFile());
        if (!Files.isRegularFile(networksFile)) {
            throw new IllegalArgumentException("The networks file " + networksFile + " does not exist. Deploy the "
                    + "contracts (docs/contracts.md) or choose the file the deployer wrote.");
        }
        NetworkAddresses addresses = new NetworksFile(networksFile).read(network.chainId()).orElseThrow(() ->
                new IllegalArgumentException("The networks file " + networksFile + " has no contracts for chain "
                        + network.chainId() + "."));
        URI rpc = URI.create(network.rpcUrl());
        Web3j web3j = Web3j.build(new HttpService(rpc.toString()));
        Settings.ContentStore content = settings.contentStore();
        if (content.kind() == Settings.ContentStoreKind.KUBO) {
            IpfsClient kubo = new IpfsClient(URI.create(content.kuboUrl()));
            return new RemoteNetwork(web3j, rpc, addresses, new IpfsContentStore(kubo), "IPFS", kubo);
        }
        try {
            return new RemoteNetwork(web3j, rpc, addresses, new EmbeddedContentStore(contentDirectory),
                    "Embedded store", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the embedded content store in " + contentDirectory, e);
        }
    }
}
