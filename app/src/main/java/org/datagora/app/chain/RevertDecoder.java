package org.datagora.app.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Turns a revert's raw data into the custom error's name and arguments, using every contract ABI the
 * contracts module puts on the classpath (org/datagora/contracts/abi/*.abi), plus Solidity's built-in
 * {@code Error(string)} and {@code Panic(uint256)}.
 */
public final class RevertDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(RevertDecoder.class);
    private static final String ABI_FOLDER = "org/datagora/contracts/abi/";

    private final Map<String, ErrorSignature> bySelector;

    /** Reads every ABI found on the classpath. */
    public static RevertDecoder fromClasspath() {
        Map<String, ErrorSignature> signatures = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String resource : abiResources()) {
            try (InputStream in = RevertDecoder.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    for (JsonNode entry : json.readTree(in)) {
                        if ("error".equals(entry.path("type").asText())) {
                            ErrorSignature signature = ErrorSignature.of(entry);
                            signatures.putIfAbsent(signature.selector(), signature);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the ABI {}; its errors will show as raw data", resource, e);
            }
        }
        signatures.put("0x08c379a0", new ErrorSignature("0x08c379a0", "Error", List.of("string")));
        signatures.put("0x4e487b71", new ErrorSignature("0x4e487b71", "Panic", List.of("uint256")));
        return new RevertDecoder(signatures);
    }

    private RevertDecoder(Map<String, ErrorSignature> bySelector) {
        this.bySelector = Map.copyOf(bySelector);
    }

    /** The error encoded in {@code revertData} (0x-hex), when an ABI declares it. */
    public Optional<DecodedError> decode(String revertData) {
        if (revertData == null || !revertData.startsWith("0x") || revertData.length() < 10) {
            return Optional.empty();
        }
        String selector = revertData.substring(0, 10).toLowerCase(Locale.ROOT);
        ErrorSignature signature = bySelector.get(selector);
        if (signature == null) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>();
        try {
            List<TypeReference<Type>> types = new ArrayList<>();
            for (String type : signature.types()) {
                @SuppressWarnings("unchecked")
                TypeReference<Type> reference = TypeReference.makeTypeReference(type);
                types.add(reference);
            }
            for (Type value : FunctionReturnDecoder.decode("0x" + revertData.substring(10), types)) {
                Object raw = value.getValue();
                arguments.add(raw instanceof byte[] bytes ? Numeric.toHexString(bytes) : String.valueOf(raw));
            }
        } catch (ClassNotFoundException | RuntimeException e) {
            // The name alone already tells the user what went wrong.
            arguments.clear();
        }
        return Optional.of(new DecodedError(signature.name(), List.copyOf(arguments)));
    }

    /** How many error signatures are known (for diagnostics and tests). */
    public int size() {
        return bySelector.size();
    }

    /**
     * A decoded custom error.
     *
     * @param name its Solidity name
     * @param arguments its arguments in declaration order, as text
     */
    public record DecodedError(String name, List<String> arguments) {

        /** {@code Name(arg1, arg2)}. */
        public String display() {
            return name + "(" + String.join(", ", arguments) + ")";
        }
    }

    private record ErrorSignature(String selector, String name, List<String> types) {

        static ErrorSignature of(JsonNode entry) {
            List<String> types = new ArrayList<>();
            entry.path("inputs").forEach(input -> types.add(input.path("type").asText()));
            String name = entry.path("name").asText();
            String canonical = name + "(" + String.join(",", types) + ")";
            String selector = Hash.sha3String(canonical).substring(0, 10);
            return new ErrorSignature(selector, name, types);
        }
    }

    /** The ABI files in the classpath folder, whether it is a directory (IDE, tests) or inside a jar. */
    private static List<String> abiResources() {
        List<String> resources = new ArrayList<>();
        try {
            var urls = RevertDecoder.class.getClassLoader().getResources(ABI_FOLDER);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        resources.addAll(files.map(f -> ABI_FOLDER + f.getFileName())
                                .filter(name -> name.endsWith(".abi")).collect(Collectors.toList()));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) url.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(e -> e.getName())
                                .filter(name -> name.startsWith(ABI_FOLDER) && name.endsWith(".abi"))
                                .forEach(resources::add);
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            LOG.warn("Cannot list the contract ABIs; reverts will show as raw data", e);
        }
        return resources;
    }
}
