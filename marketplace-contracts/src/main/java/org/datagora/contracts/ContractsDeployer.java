package org.datagora.contracts;

import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.contracts.generated.LabelingBounties;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Deploys the Datagora contracts (token unless one is given, DataMarketplace, LabelingBounties) through
 * their web3j bindings to any JSON-RPC endpoint, and records the addresses in a networks file.
 * The local development network and the command line use the same {@link #deploy} path.
 */
public final class ContractsDeployer {

    /** The protocol fee a fresh deployment starts with: 2.5%. */
    public static final int DEFAULT_FEE_BPS = 250;

    private static final BigInteger DEPLOY_GAS_LIMIT = BigInteger.valueOf(8_000_000);
    private static final long RECEIPT_POLL_MILLIS = 250;
    private static final int RECEIPT_POLL_ATTEMPTS = 1_200;
    private static final BigInteger DEFAULT_TIP = BigInteger.valueOf(1_000_000_000L);

    private ContractsDeployer() {
    }

    /**
     * Deploys a new token and both contracts, with {@code admin} as owner of all three (and faucet of the
     * token) and {@code treasury} receiving fees and slashed stakes; the fee is {@link #DEFAULT_FEE_BPS}.
     */
    public static NetworkAddresses deploy(Web3j web3j, TransactionManager tm, ContractGasProvider gas,
                                          String admin, String treasury) throws Exception {
        return deploy(web3j, tm, gas, admin, treasury, null, DEFAULT_FEE_BPS);
    }

    /**
     * Deploys the contracts; when {@code existingToken} is not null they use that ERC-20 instead of a new
     * DatagoraToken. Waits for every receipt and fails with a clear message if any deployment failed.
     */
    public static NetworkAddresses deploy(Web3j web3j, TransactionManager tm, ContractGasProvider gas,
                                          String admin, String treasury, String existingToken, int feeBps)
            throws Exception {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(treasury, "treasury");
        long chainId = web3j.ethChainId().send().getChainId().longValueExact();
        Long firstBlock = null;
        String token = existingToken;
        if (token == null) {
            DatagoraToken deployed = DatagoraToken.deploy(web3j, tm, gas, admin).send();
            firstBlock = blockOf(deployed.getTransactionReceipt().orElseThrow(), "DatagoraToken");
            token = deployed.getContractAddress();
        } else if (!WalletUtils.isValidAddress(token)) {
            throw new IllegalArgumentException("The token address " + token + " is not a valid address");
        } else if (web3j.ethGetCode(token, DefaultBlockParameterName.LATEST).send().getCode().length() <= 2) {
            throw new IllegalArgumentException("There is no contract at the token address " + token
                    + " on chain " + chainId);
        }
        DataMarketplace marketplace = DataMarketplace.deploy(web3j, tm, gas, token, admin, treasury,
                BigInteger.valueOf(feeBps)).send();
        long marketplaceBlock = blockOf(marketplace.getTransactionReceipt().orElseThrow(), "DataMarketplace");
        LabelingBounties labeling = LabelingBounties.deploy(web3j, tm, gas, token, admin, treasury).send();
        blockOf(labeling.getTransactionReceipt().orElseThrow(), "LabelingBounties");
        return new NetworkAddresses(chainId, token, marketplace.getContractAddress(),
                labeling.getContractAddress(), treasury, tm.getFromAddress(),
                firstBlock != null ? firstBlock : marketplaceBlock);
    }

    private static long blockOf(TransactionReceipt receipt, String contract) {
        if (!receipt.isStatusOK()) {
            throw new IllegalStateException("Deploying " + contract + " failed in transaction "
                    + receipt.getTransactionHash() + " (status " + receipt.getStatus() + ")");
        }
        return receipt.getBlockNumber().longValueExact();
    }

    /**
     * The deployment command. Arguments: {@code --rpc-url URL --private-key-env VAR --out FILE
     * [--chain-id N] [--token ADDRESS] [--treasury ADDRESS] [--admin ADDRESS] [--fee-bps N]}.
     * The private key is read from the environment variable named by --private-key-env, never from argv.
     */
    public static void main(String[] args) {
        try {
            NetworkAddresses addresses = run(args, System::getenv, System.err);
            System.out.println(NetworksFile.toJson(addresses));
        } catch (IllegalArgumentException e) {
            System.err.println("datagora deploy: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println("datagora deploy failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static final String USAGE = "usage: ContractsDeployer --rpc-url URL --private-key-env VAR --out FILE"
            + " [--chain-id N] [--token ADDRESS] [--treasury ADDRESS] [--admin ADDRESS] [--fee-bps N]";

    /** Runs the command with {@code env} as the environment; returns what it wrote to the networks file. */
    static NetworkAddresses run(String[] args, Function<String, String> env, PrintStream log) throws Exception {
        Map<String, String> options = parse(args);
        String rpcUrl = required(options, "--rpc-url");
        String keyVariable = required(options, "--private-key-env");
        Path out = Path.of(required(options, "--out"));
        String key = env.apply(keyVariable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The environment variable " + keyVariable
                    + " is not set; it must hold the deployer's private key (hex)");
        }
        Credentials credentials = Credentials.create(key.strip());
        Web3j web3j = Web3j.build(new HttpService(rpcUrl));
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            if (options.containsKey("--chain-id") && Long.parseLong(options.get("--chain-id")) != chainId) {
                throw new IllegalArgumentException("The node at " + rpcUrl + " is chain " + chainId
                        + ", not chain " + options.get("--chain-id") + " as --chain-id says; nothing was deployed");
            }
            String admin = options.getOrDefault("--admin", credentials.getAddress());
            String treasury = options.getOrDefault("--treasury", credentials.getAddress());
            int feeBps = Integer.parseInt(options.getOrDefault("--fee-bps", Integer.toString(DEFAULT_FEE_BPS)));
            log.println("Deploying Datagora contracts to chain " + chainId + " from " + credentials.getAddress());
            // Poll receipts often but patiently: a local chain answers at once, a public one within minutes.
            TransactionManager tm = new RawTransactionManager(web3j, credentials, chainId,
                    new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS));
            NetworkAddresses addresses = deploy(web3j, tm, gasProvider(web3j, chainId), admin, treasury,
                    options.get("--token"), feeBps);
            new NetworksFile(out).write(addresses);
            log.println("Wrote chain " + chainId + " to " + out);
            return addresses;
        } finally {
            web3j.shutdown();
        }
    }

    /** EIP-1559 fees from the node: twice the latest base fee plus its suggested tip, so inclusion is quick. */
    static ContractGasProvider gasProvider(Web3j web3j, long chainId) throws Exception {
        BigInteger baseFee = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                .getBlock().getBaseFeePerGas();
        BigInteger tip;
        try {
            tip = web3j.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
        } catch (RuntimeException unsupported) {
            tip = DEFAULT_TIP;
        }
        if (tip == null) {
            tip = DEFAULT_TIP;
        }
        BigInteger maxFee = (baseFee == null ? BigInteger.ZERO : baseFee.shiftLeft(1)).add(tip);
        return new StaticEIP1559GasProvider(chainId, maxFee, tip, DEPLOY_GAS_LIMIT);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unexpected argument " + name);
            }
            if (name.equals("--private-key")) {
                throw new IllegalArgumentException("Pass the key in an environment variable (--private-key-env),"
                        + " never on the command line where other users can read it");
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing " + name);
        }
        return value;
    }
}
