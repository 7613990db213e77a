package org.datagora.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks settings before they are saved, with one sentence per problem. */
public final class SettingsValidator {

    private SettingsValidator() {
    }

    /** The problems of {@code settings}, empty when they can be saved. */
    public static List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        Settings.Network network = settings.network();
        if (network.kind() == Settings.NetworkKind.JSON_RPC) {
            urlProblem("The JSON-RPC URL", network.rpcUrl()).ifPresent(problems::add);
            if (network.chainId() == null || network.chainId() <= 0) {
                problems.add("Enter the chain id as a positive whole number (for example 1 for Ethereum, 11155111 for Sepolia).");
            }
            networksFileProblem(network.networksFile()).ifPresent(problems::add);
        }
        Settings.ContentStore store = settings.contentStore();
        if (store.kind() == Settings.ContentStoreKind.KUBO) {
            urlProblem("The Kubo RPC URL", store.kuboUrl()).ifPresent(problems::add);
        }
        return List.copyOf(problems);
    }

    /** Fails with the first problem of {@code settings}. */
    public static void check(Settings settings) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new SettingsException(problems.get(0));
        }
    }

    private static java.util.Optional<String> urlProblem(String what, String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.of(what + " is missing. Enter it like http://127.0.0.1:8545.");
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return java.util.Optional.of(what + " must start with http:// or https://.");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return java.util.Optional.of(what + " has no host name. Enter it like http://127.0.0.1:8545.");
            }
            return java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.of(what + " is not a valid URL. Enter it like http://127.0.0.1:8545.");
        }
    }

    private static java.util.Optional<String> networksFileProblem(String text) {
        if (text == null || text.isBlank()) {
            return java.util.Optional.of("Choose the networks file that lists the contracts' addresses on this chain.");
        }
        try {
            Path file = Path.of(text.trim());
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                return java.util.Optional.of("The networks file " + file + " does not exist or cannot be read.");
            }
            return java.util.Optional.empty();
        } catch (InvalidPathException e) {
            return java.util.Optional.of("The networks file path is not valid on this computer.");
        }
    }
}
