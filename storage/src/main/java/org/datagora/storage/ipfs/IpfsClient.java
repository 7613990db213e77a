package org.datagora.storage.ipfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the Kubo RPC API (POST /api/v0/...) over java.net.http, written for kubo and tolerant of
 * js-ipfs: CIDs are always returned as base32 CIDv1, calls that are safe to repeat are retried with
 * exponential backoff when the connection fails, and every failure is an {@link IpfsException} with a
 * sentence a user can act on.
 */
public final class IpfsClient {

    private static final Logger LOG = LoggerFactory.getLogger(IpfsClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SNIPPET = 200;

    private final URI apiUrl;
    private final IpfsClientOptions options;
    private final HttpClient http;

    /** A client of the node whose RPC API is at {@code apiUrl} (e.g. http://127.0.0.1:5001), with defaults. */
    public IpfsClient(URI apiUrl) {
        this(apiUrl, IpfsClientOptions.defaults());
    }

    public IpfsClient(URI apiUrl, IpfsClientOptions options) {
        this.apiUrl = apiUrl;
        this.options = options;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.connectTimeout())
                .build();
    }

    /** The RPC API this client talks to. */
    public URI apiUrl() {
        return apiUrl;
    }

    /** The node's software version. */
    public IpfsVersion version() throws IpfsException {
        JsonNode answer = json("version", Map.of());
        return new IpfsVersion(text(answer, "Version", "version"), answer.path("Repo").asText(""));
    }

    /** The node's identity. */
    public IpfsIdentity id() throws IpfsException {
        JsonNode answer = json("id", Map.of());
        List<String> addresses = new ArrayList<>();
        answer.path("Addresses").forEach(address -> addresses.add(address.asText()));
        return new IpfsIdentity(text(answer, "ID", "id"), answer.path("AgentVersion").asText(""), addresses);
    }

    /**
     * Adds the bytes of {@code source} as one UnixFS file (CIDv1, raw leaves, 256 KiB chunks), streaming
     * them without holding them in memory; {@code source} is read once, so the call is not retried.
     */
    public AddResult add(InputStream source, boolean pin, ProgressListener progress) throws IpfsException {
        MultipartUpload upload = new MultipartUpload("data");
        return addAnswer(call(post("add", addParams(pin), upload.of(source, progress), upload.contentType(),
                Optional.empty()), HttpResponse.BodyHandlers.ofString(), false, "add"));
    }

    /** Adds the file {@code file} as {@link #add(InputStream, boolean, ProgressListener)} does; retried. */
    public AddResult add(Path file, boolean pin, ProgressListener progress) throws IpfsException {
        MultipartUpload upload = new MultipartUpload("data");
        HttpRequest.BodyPublisher body;
        try {
            body = upload.of(file, progress);
        } catch (IOException e) {
            throw new IpfsException("Cannot read " + file + " to add it to IPFS: " + e.getMessage(), e);
        }
        return addAnswer(call(post("add", addParams(pin), body, upload.contentType(), Optional.empty()),
                HttpResponse.BodyHandlers.ofString(), true, "add"));
    }

    private static Map<String, String> addParams(boolean pin) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cid-version", "1");
        params.put("raw-leaves", "true");
        params.put("chunker", "size-262144");
        params.put("pin", Boolean.toString(pin));
        params.put("cid-base", "base32");
        return params;
    }

    private AddResult addAnswer(HttpResponse<String> response) throws IpfsException {
        JsonNode last = null;
        for (String line : checked(response, "add").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode entry = parse(line, "add");
            if (entry.hasNonNull("Hash")) {
                last = entry;
            }
        }
        if (last == null) {
            throw nonsense("add", response.statusCode(), response.body());
        }
        return new AddResult(CidText.canonical(last.get("Hash").asText()), last.path("Size").asLong(-1));
    }

    /** Streams the whole content of {@code cid}; fails with {@link IpfsContentNotFoundException} when absent. */
    public InputStream cat(String cid) throws IpfsException {
        return cat(cid, 0, -1);
    }

    /** Streams {@code length} bytes of {@code cid} from {@code offset}; a negative length reads to the end. */
    public InputStream cat(String cid, long offset, long length) throws IpfsException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("arg", cid);
        if (offset > 0) {
            params.put("offset", Long.toString(offset));
        }
        if (length >= 0) {
            params.put("length", Long.toString(length));
        }
        params.put("timeout", options.contentTimeout().toMillis() + "ms");
        return contentStream("cat", cid, params);
    }

    /** Streams the DAG under {@code cid} as a CAR v1 file. */
    public InputStream dagExport(String cid) throws IpfsException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("arg", cid);
        params.put("timeout", options.contentTimeout().toMillis() + "ms");
        return contentStream("dag/export", cid, params);
    }

    private InputStream contentStream(String command, String cid, Map<String, String> params) throws IpfsException {
        // The answer starts once the node has found the first block, so allow the content timeout on top.
        Duration wait = options.requestTimeout().plus(options.contentTimeout());
        HttpResponse<InputStream> response = call(post(command, params, HttpRequest.BodyPublishers.noBody(), null,
                Optional.of(wait)), HttpResponse.BodyHandlers.ofInputStream(), true, command);
        if (response.statusCode() == 200) {
            return response.body();
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        String message = errorMessage(body).orElse(null);
        if (message != null && (message.contains("timed out") || message.contains("not found"))) {
            throw new IpfsContentNotFoundException(cid, response.statusCode(), message);
        }
        throw refused(command, response.statusCode(), body);
    }

    /**
     * Imports the blocks of a CAR v1 stream and pins its roots; returns the root CIDs. The stream is read
     * once, so the call is not retried.
     */
    public List<String> dagImport(InputStream car) throws IpfsException {
        MultipartUpload upload = new MultipartUpload("import.car");
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pin-roots", "true");
        params.put("cid-base", "base32");
        HttpResponse<String> response = call(post("dag/import", params, upload.of(car, ProgressListener.NONE),
                upload.contentType(), Optional.empty()), HttpResponse.BodyHandlers.ofString(), false, "dag/import");
        List<String> roots = new ArrayList<>();
        for (String line : checked(response, "dag/import").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode root = parse(line, "dag/import").path("Root");
            if (root.isMissingNode()) {
                continue;
            }
            String pinError = root.path("PinErrorMsg").asText("");
            if (!pinError.isEmpty()) {
                throw new IpfsProtocolException("The IPFS node imported the CAR but could not pin its root: "
                        + pinError, response.statusCode(), pinError);
            }
            roots.add(CidText.canonical(root.path("Cid").path("/").asText()));
        }
        return roots;
    }

    /** Pins {@code cid} and everything under it (the node must have the blocks). */
    public void pinAdd(String cid) throws IpfsException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("arg", cid);
        params.put("recursive", "true");
        params.put("timeout", options.contentTimeout().toMillis() + "ms");
        json("pin/add", params);
    }

    /** Removes the recursive pin of {@code cid}; succeeds when it was not pinned. */
    public void pinRm(String cid) throws IpfsException {
        try {
            json("pin/rm", Map.of("arg", cid));
        } catch (IpfsProtocolException e) {
            if (!e.nodeMessage().map(m -> m.contains("not pinned")).orElse(false)) {
                throw e;
            }
        }
    }

    /** The recursively pinned CIDs (base32 for CIDv1) and their pin types. */
    public Map<String, String> pinLs() throws IpfsException {
        // No cid-base here: js-ipfs refuses to print the CIDv0 pins of its init files in base32.
        JsonNode keys = json("pin/ls", Map.of("type", "recursive")).path("Keys");
        Map<String, String> pins = new LinkedHashMap<>();
        keys.properties().forEach(e -> pins.put(CidText.canonical(e.getKey()), e.getValue().path("Type").asText()));
        return pins;
    }

    /** Whether {@code cid} is pinned (directly, recursively or as part of a pinned DAG). */
    public boolean isPinned(String cid) throws IpfsException {
        try {
            return json("pin/ls", Map.of("arg", cid)).path("Keys").size() > 0;
        } catch (IpfsProtocolException e) {
            if (e.nodeMessage().map(m -> m.contains("not pinned")).orElse(false)) {
                return false;
            }
            throw e;
        }
    }

    /** The raw bytes of block {@code cid} (at most a few MiB, so read whole); unverified. */
    public byte[] blockGet(String cid) throws IpfsException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("arg", cid);
        params.put("timeout", options.contentTimeout().toMillis() + "ms");
        try (InputStream in = contentStream("block/get", cid, params)) {
            return in.readAllBytes();
        } catch (IpfsException e) {
            throw e;
        } catch (IOException e) {
            throw new IpfsUnavailableException(apiUrl, "The IPFS node at " + apiUrl + " broke off sending block "
                    + cid + " (" + e.getMessage() + ").", e);
        }
    }

    /** The stored block {@code cid}; fails when the node does not have it within the content timeout. */
    public BlockStat blockStat(String cid) throws IpfsException {
        return blockStat(cid, options.contentTimeout());
    }

    /**
     * Whether the node has the block {@code cid} itself. An offline js-ipfs node cannot say "no" at once:
     * it looks for the block until {@code wait} is over, so keep {@code wait} short.
     */
    public boolean hasBlock(String cid, Duration wait) throws IpfsException {
        try {
            blockStat(cid, wait);
            return true;
        } catch (IpfsContentNotFoundException e) {
            return false;
        }
    }

    private BlockStat blockStat(String cid, Duration wait) throws IpfsException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("arg", cid);
        params.put("cid-base", "base32");
        params.put("timeout", wait.toMillis() + "ms");
        try {
            JsonNode answer = json("block/stat", params);
            return new BlockStat(CidText.canonical(text(answer, "Key", "block/stat")), answer.path("Size").asLong());
        } catch (IpfsProtocolException e) {
            if (e.nodeMessage().map(m -> m.contains("timed out") || m.contains("not found")).orElse(false)) {
                throw new IpfsContentNotFoundException(cid, e.statusCode(), e.nodeMessage().orElse(""));
            }
            throw e;
        }
    }

    /** Removes every block that no pin protects; returns how many were removed. */
    public int repoGc() throws IpfsException {
        HttpResponse<String> response = call(post("repo/gc", Map.of(), HttpRequest.BodyPublishers.noBody(), null,
                Optional.empty()), HttpResponse.BodyHandlers.ofString(), true, "repo/gc");
        int removed = 0;
        for (String line : checked(response, "repo/gc").lines().filter(l -> !l.isBlank()).toList()) {
            JsonNode entry = parse(line, "repo/gc");
            if (entry.hasNonNull("Error") && !entry.get("Error").asText().isEmpty()) {
                throw new IpfsProtocolException("The IPFS node failed to collect garbage: "
                        + entry.get("Error").asText(), response.statusCode(), entry.get("Error").asText());
            }
            removed++;
        }
        return removed;
    }

    private JsonNode json(String command, Map<String, String> params) throws IpfsException {
        HttpResponse<String> response = call(post(command, params, HttpRequest.BodyPublishers.noBody(), null,
                Optional.empty()), HttpResponse.BodyHandlers.ofString(), true, command);
        return parse(checked(response, command), command);
    }

    private HttpRequest post(String command, Map<String, String> params, HttpRequest.BodyPublisher body,
                             String contentType, Optional<Duration> timeout) {
        StringBuilder query = new StringBuilder();
        params.forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(apiUrl.resolve("/api/v0/" + command + query))
                .POST(body);
        // Uploads have no overall timeout: the node answers only after it has read everything.
        if (contentType == null) {
            builder.timeout(timeout.orElse(options.requestTimeout()));
        } else {
            builder.header("Content-Type", contentType);
            timeout.ifPresent(builder::timeout);
        }
        return builder.build();
    }

    private <T> HttpResponse<T> call(HttpRequest request, HttpResponse.BodyHandler<T> handler, boolean idempotent,
                                     String command) throws IpfsException {
        int attempts = idempotent ? options.maxAttempts() : 1;
        Duration backoff = options.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return http.send(request, handler);
            } catch (ProtocolException e) {
                throw new IpfsProtocolException("The service at " + apiUrl + " does not speak the IPFS RPC"
                        + " protocol (" + e.getMessage() + "). Check the URL in Settings.", 0, null, e);
            } catch (IOException e) {
                // A node that is slow to answer is not helped by asking again; a refused connection may be.
                boolean slow = e instanceof HttpTimeoutException && !(e instanceof HttpConnectTimeoutException);
                if (attempt >= attempts || slow) {
                    throw unavailable(command, e);
                }
                LOG.debug("IPFS {} failed ({}), retrying in {} ms", command, e.toString(), backoff.toMillis());
                pause(backoff);
                backoff = backoff.multipliedBy(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpfsException("Interrupted while waiting for the IPFS node at " + apiUrl, e);
            }
        }
    }

    private IpfsException unavailable(String command, IOException cause) {
        if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                || cause.getCause() instanceof ConnectException) {
            return IpfsUnavailableException.notAnswering(apiUrl, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new IpfsUnavailableException(apiUrl, "The IPFS node at " + apiUrl + " did not answer "
                    + command + " in time. It may be overloaded; try again, or restart it.", cause);
        }
        return new IpfsUnavailableException(apiUrl, "The connection to the IPFS node at " + apiUrl
                + " failed during " + command + " (" + cause.getMessage() + "). Start it or check the URL"
                + " in Settings.", cause);
    }

    private String checked(HttpResponse<String> response, String command) throws IpfsProtocolException {
        if (response.statusCode() != 200) {
            throw refused(command, response.statusCode(), response.body());
        }
        return response.body();
    }

    private IpfsProtocolException refused(String command, int status, String body) {
        Optional<String> message = errorMessage(body);
        if (message.isPresent()) {
            return new IpfsProtocolException("The IPFS node at " + apiUrl + " refused " + command + ": "
                    + message.get(), status, message.get());
        }
        return new IpfsProtocolException("The service at " + apiUrl + " answered " + command + " with HTTP "
                + status + " and no IPFS error (" + snippet(body) + "). Is it an IPFS node? Check the URL in"
                + " Settings.", status, null);
    }

    private static Optional<String> errorMessage(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.hasNonNull("Message") ? Optional.of(node.get("Message").asText())
                    : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private JsonNode parse(String body, String command) throws IpfsProtocolException {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw nonsense(command, 200, body);
            }
            return node;
        } catch (IOException e) {
            throw nonsense(command, 200, body);
        }
    }

    private IpfsProtocolException nonsense(String command, int status, String body) {
        return new IpfsProtocolException("The service at " + apiUrl + " answered " + command
                + " with something that is not an IPFS RPC answer (" + snippet(body) + "). Is it an IPFS node?"
                + " Check the URL in Settings.", status, null);
    }

    private static String text(JsonNode answer, String field, String command) throws IpfsProtocolException {
        JsonNode value = answer.get(field);
        if (value == null || !value.isTextual()) {
            throw new IpfsProtocolException("The IPFS node's answer to " + command + " lacks the field " + field
                    + ": " + snippet(answer.toString()), 200, null);
        }
        return value.asText();
    }

    private static String snippet(String body) {
        String trimmed = body == null ? "" : body.strip();
        if (trimmed.isEmpty()) {
            return "an empty answer";
        }
        return '"' + (trimmed.length() > SNIPPET ? trimmed.substring(0, SNIPPET) + "..." : trimmed) + '"';
    }

    private static void pause(Duration duration) throws IpfsException {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpfsException("Interrupted while retrying a call to the IPFS node", e);
        }
    }
}
