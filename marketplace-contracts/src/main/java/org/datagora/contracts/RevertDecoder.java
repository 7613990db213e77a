package org.datagora.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.utils.Numeric;

/**
 * Names the custom error behind a reverted call: maps the 4-byte selector of the revert data to the error
 * declared in the contracts' ABIs (org/datagora/contracts/abi/*.abi on the classpath) and decodes its
 * arguments, so the app can tell users what went wrong instead of showing raw hex.
 */
public final class RevertDecoder {

    /** The contracts whose ABIs are read by {@link #forDatagoraContracts()}. */
    public static final List<String> DATAGORA_CONTRACTS =
            List.of("DatagoraToken", "DataMarketplace", "LabelingBounties");

    private static final String ABI_FOLDER = "org/datagora/contracts/abi/";
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]{8,}");
    /** How anvil and geth word a custom error in a revert reason: selector, then the arguments without 0x. */
    private static final Pattern CUSTOM_ERROR = Pattern.compile("custom error (0x[0-9a-fA-F]{8}):?\\s*([0-9a-fA-F]*)");
    private static final ErrorSpec ERROR_STRING = new ErrorSpec("Error", List.of("reason"), List.of("string"));
    private static final ErrorSpec PANIC = new ErrorSpec("Panic", List.of("code"), List.of("uint256"));

    private final Map<String, ErrorSpec> bySelector = new HashMap<>();

    /** A decoder for the errors of the given contracts' ABIs. */
    public RevertDecoder(List<String> contractNames) {
        ObjectMapper json = new ObjectMapper();
        register("0x08c379a0", ERROR_STRING);
        register("0x4e487b71", PANIC);
        for (String name : contractNames) {
            try (InputStream in = RevertDecoder.class.getClassLoader().getResourceAsStream(ABI_FOLDER + name + ".abi")) {
                if (in == null) {
                    throw new IllegalArgumentException("No ABI for " + name + " on the classpath at " + ABI_FOLDER);
                }
                for (JsonNode entry : json.readTree(in)) {
                    if ("error".equals(entry.path("type").asText())) {
                        ErrorSpec spec = ErrorSpec.of(entry);
                        register(spec.selector(), spec);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the ABI of " + name, e);
            }
        }
    }

    /** A decoder for the token, the marketplace and the labeling contract. */
    public static RevertDecoder forDatagoraContracts() {
        return new RevertDecoder(DATAGORA_CONTRACTS);
    }

    private void register(String selector, ErrorSpec spec) {
        bySelector.putIfAbsent(selector.toLowerCase(Locale.ROOT), spec);
    }

    /** Decodes revert data ({@code 0x} + selector + ABI-encoded arguments); empty if the selector is unknown. */
    public Optional<DecodedError> decode(String revertData) {
        if (revertData == null) {
            return Optional.empty();
        }
        String hex = Numeric.cleanHexPrefix(revertData.strip());
        if (hex.length() < 8) {
            return Optional.empty();
        }
        ErrorSpec spec = bySelector.get("0x" + hex.substring(0, 8).toLowerCase(Locale.ROOT));
        if (spec == null) {
            return Optional.empty();
        }
        try {
            List<Type> values = FunctionReturnDecoder.decode("0x" + hex.substring(8), spec.typeReferences());
            List<Object> args = new ArrayList<>();
            for (Type value : values) {
                Object v = value.getValue();
                args.add(v instanceof byte[] bytes ? Numeric.toHexString(bytes) : v);
            }
            return Optional.of(new DecodedError(spec.name(), spec.parameterNames(), args));
        } catch (RuntimeException malformed) {
            return Optional.of(new DecodedError(spec.name(), List.of(), List.of()));
        }
    }

    /**
     * Finds and decodes the revert data inside a failure from web3j: a {@link TransactionException}
     * (its receipt's revert reason or message), or any exception whose message carries the data as hex.
     */
    public Optional<DecodedError> decode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            List<String> candidates = new ArrayList<>();
            if (t instanceof TransactionException te) {
                te.getTransactionReceipt().map(r -> r.getRevertReason()).ifPresent(candidates::add);
            }
            if (t.getMessage() != null) {
                candidates.add(t.getMessage());
            }
            for (String text : candidates) {
                if (text == null) {
                    continue;
                }
                Matcher custom = CUSTOM_ERROR.matcher(text);
                if (custom.find()) {
                    Optional<DecodedError> decoded = decode(custom.group(1) + custom.group(2));
                    if (decoded.isPresent()) {
                        return decoded;
                    }
                }
                Matcher m = HEX.matcher(text);
                while (m.find()) {
                    Optional<DecodedError> decoded = decode(m.group());
                    if (decoded.isPresent()) {
                        return decoded;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A decoded error: its name and arguments. */
    public record DecodedError(String name, List<String> parameterNames, List<Object> arguments) {

        /** The error as {@code Name(param=value, ...)}, for logs and detail views. */
        public String describe() {
            StringBuilder text = new StringBuilder(name).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                String param = i < parameterNames.size() ? parameterNames.get(i) : "";
                text.append(param.isEmpty() ? "" : param + "=").append(arguments.get(i));
            }
            return text.append(')').toString();
        }
    }

    /** One error of an ABI. */
    record ErrorSpec(String name, List<String> parameterNames, List<String> types) {

        static ErrorSpec of(JsonNode entry) {
            List<String> names = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (JsonNode input : entry.path("inputs")) {
                names.add(input.path("name").asText());
                types.add(input.path("type").asText());
            }
            return new ErrorSpec(entry.path("name").asText(), names, types);
        }

        String selector() {
            String signature = name + "(" + String.join(",", types) + ")";
            return Hash.sha3String(signature).substring(0, 10);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        List<TypeReference<Type>> typeReferences() {
            List<TypeReference<Type>> refs = new ArrayList<>();
            for (String type : types) {
                try {
                    refs.add((TypeReference) TypeReference.makeTypeReference(type));
                } catch (ClassNotFoundException e) {
                    throw new IllegalArgumentException("Unsupported ABI type " + type, e);
                }
            }
            return refs;
        }
    }
}
