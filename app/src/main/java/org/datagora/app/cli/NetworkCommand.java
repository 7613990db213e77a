package org.datagora.app.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.datagora.app.Main;
import org.datagora.app.network.NetworkStatus;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.sandbox.SandboxEndpoints;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNode;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datagora network ...}: the state of the chain and the content store, and the sandbox itself. */
@Command(name = "network", mixinStandardHelpOptions = true, description = "The chain and the content store.",
        subcommands = {NetworkCommand.Status.class, NetworkCommand.Start.class})
public final class NetworkCommand {

    @ParentCommand
    Main main;

    /** {@code datagora network status}. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints the chain id, the block height and the IPFS node's state. Without URLs it checks "
                    + "the local sandbox, starting it for the check when no app runs it.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;
        @Spec
        CommandSpec spec;
        @Option(names = "--rpc-url", description = "A JSON-RPC endpoint to check instead of the sandbox's.")
        URI rpcUrl;
        @Option(names = "--ipfs-url", description = "A Kubo RPC API URL to check instead of the sandbox's.")
        URI ipfsUrl;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (rpcUrl != null || ipfsUrl != null) {
                if (rpcUrl == null || ipfsUrl == null) {
                    spec.commandLine().getErr().println("Give both --rpc-url and --ipfs-url, or neither for the local sandbox.");
                    return 2;
                }
                return print(out, NetworkProbe.probe(rpcUrl, ipfsUrl), "given endpoints");
            }
            var sandboxDir = network.main.dataDirectory().sandbox();
            Optional<SandboxEndpoints> running = LocalSandbox.runningElsewhere(sandboxDir);
            if (running.isPresent()) {
                return print(out, NetworkProbe.probe(running.get().rpcUrl(), running.get().ipfsApiUrl()),
                        "local sandbox (running)");
            }
            try (LocalSandbox sandbox = LocalSandbox.start(sandboxDir, step -> { })) {
                return print(out, NetworkProbe.probe(sandbox.rpcUrl(), sandbox.ipfsNode().map(IpfsNode::apiUrl).orElse(null)),
                        "local sandbox (started for this check)");
            }
        }

        private static int print(PrintWriter out, NetworkStatus status, String source) {
            out.printf("Network:      %s%n", source);
            out.printf("Chain id:     %s%n", status.chainId().map(String::valueOf).orElse("offline"));
            out.printf("Block height: %s%n", status.blockHeight().map(String::valueOf).orElse("unknown"));
            out.printf("%-13s %s%n", status.contentStore() + ":", status.ipfs().label());
            out.printf("Detail:       %s%n", status.detail());
            out.flush();
            return status.chainOnline() && status.ipfs() == NetworkStatus.ContentStoreState.ONLINE ? 0 : 1;
        }
    }

    /** {@code datagora network start}: runs the sandbox in the foreground, for scripts and other tools. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Runs the local sandbox until interrupted, printing its endpoints.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        NetworkCommand network;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            LocalSandbox sandbox = LocalSandbox.start(network.main.dataDirectory().sandbox(), step -> {
                out.println(step + "…");
                out.flush();
            });
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "sandbox-shutdown"));
            out.printf("Local sandbox running: chain %d at %s, %s%n", sandbox.chain().chainId(), sandbox.rpcUrl(),
                    sandbox.ipfsNode().map(node -> "IPFS API at " + node.apiUrl()).orElse("embedded content store"));
            out.println("Press Ctrl+C to stop.");
            out.flush();
            stopped.await();
            return 0;
        }
    }

    /** Reads a {@link NetworkStatus} from endpoints once. */
    static final class NetworkProbe {
        private NetworkProbe() {
        }

        /** Reads the status of a chain and an IPFS node, or of the embedded store when {@code ipfsUrl} is null. */
        static NetworkStatus probe(URI rpcUrl, URI ipfsUrl) {
            Web3j web3j = Web3j.build(new HttpService(rpcUrl.toString()));
            try (var executors = new org.datagora.app.concurrent.Executors();
                 var service = new org.datagora.app.network.NetworkStatusService(executors.scheduler(),
                         java.time.Duration.ofHours(1))) {
                if (ipfsUrl == null) {
                    service.watch(web3j, "Embedded store", () -> "embedded in the data directory", Optional::empty);
                } else {
                    IpfsClient ipfs = new IpfsClient(ipfsUrl);
                    service.watch(web3j, "IPFS", () -> "IPFS " + ipfs.version().version(), Optional::empty);
                }
                return service.refresh();
            } finally {
                web3j.shutdown();
            }
        }
    }
}
