package org.datagora.app.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A listing's public metadata document: Croissant-compatible JSON-LD (schema.org Dataset with
 * {@code cr:FileObject}s) carrying the encrypted content's CID and size, the manifest of the files inside
 * (path, size, SHA-256), the key commitment and an optional public preview. It also carries {@code title}
 * and {@code tags}, the names the cache's indexer reads, next to Croissant's {@code name} and {@code keywords}.
 *
 * @param title          the dataset's name
 * @param description    what it is
 * @param tags           search keywords
 * @param license        SPDX identifier or custom license name
 * @param licenseId      the on-chain license id ({@link Licenses})
 * @param contentCid     CID of the encrypted container
 * @param contentSize    bytes of the encrypted container
 * @param files          the files inside, with their sizes and SHA-256
 * @param keyCommitment  hex of the key commitment
 * @param previewCid     CID of the unencrypted preview, if any
 * @param previewName    file name of the preview, if any
 */
public record DatasetMetadata(String title, String description, List<String> tags, String license, int licenseId,
                              String contentCid, long contentSize, List<FileEntry> files, String keyCommitment,
                              Optional<String> previewCid, Optional<String> previewName) {

    /** The media type naming Datagora's encrypted container in the metadata. */
    public static final String CONTAINER_MEDIA_TYPE = "application/vnd.datagora.dataset";
    private static final String CONTENT_ID = "encrypted-dataset";
    private static final ObjectMapper JSON = new ObjectMapper();

    public DatasetMetadata {
        tags = List.copyOf(tags);
        files = List.copyOf(files);
    }

    /** One file of the dataset. */
    public record FileEntry(String path, long size, String sha256) {
    }

    /** The sum of the files' sizes. */
    public long datasetSize() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    /** The document as UTF-8 JSON-LD. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode context = root.putObject("@context");
        context.put("@vocab", "https://schema.org/");
        context.put("sc", "https://schema.org/");
        context.put("cr", "http://mlcommons.org/croissant/");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("datagora", "https://datagora.org/ns/v1#");
        context.put("containedIn", "cr:containedIn");
        context.put("conformsTo", "dct:conformsTo");
        root.put("@type", "sc:Dataset");
        root.put("conformsTo", "http://mlcommons.org/croissant/1.0");
        root.put("name", title);
        root.put("title", title);
        root.put("description", description);
        ArrayNode keywords = root.putArray("keywords");
        ArrayNode tagArray = root.putArray("tags");
        tags.forEach(t -> {
            keywords.add(t);
            tagArray.add(t);
        });
        root.put("license", licenseId == Licenses.CUSTOM ? license : "https://spdx.org/licenses/" + license + ".html");
        root.put("datagora:license", license);
        root.put("datagora:licenseId", licenseId);
        root.put("datagora:contentCid", contentCid);
        root.put("datagora:contentSize", contentSize);
        root.put("datagora:datasetSize", datasetSize());
        root.put("datagora:keyCommitment", keyCommitment);
        previewCid.ifPresent(cid -> root.put("datagora:previewCid", cid));
        ArrayNode distribution = root.putArray("distribution");
        ObjectNode container = distribution.addObject();
        container.put("@type", "cr:FileObject");
        container.put("@id", CONTENT_ID);
        container.put("name", CONTENT_ID);
        container.put("description", "The dataset, encrypted; the key is delivered to each buyer.");
        container.put("contentUrl", "ipfs://" + contentCid);
        container.put("contentSize", contentSize + " B");
        container.put("encodingFormat", CONTAINER_MEDIA_TYPE);
        for (FileEntry file : files) {
            ObjectNode entry = distribution.addObject();
            entry.put("@type", "cr:FileObject");
            entry.put("@id", "file:" + file.path());
            entry.put("name", file.path());
            entry.put("contentSize", file.size() + " B");
            entry.put("sha256", file.sha256());
            entry.putObject("containedIn").put("@id", CONTENT_ID);
        }
        previewCid.ifPresent(cid -> {
            ObjectNode preview = distribution.addObject();
            preview.put("@type", "cr:FileObject");
            preview.put("@id", "preview");
            preview.put("name", previewName.orElse("preview"));
            preview.put("description", "A public sample of the dataset.");
            preview.put("contentUrl", "ipfs://" + cid);
        });
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the metadata document", e);
        }
    }

    /** Reads a document written by {@link #toJson()}. */
    public static DatasetMetadata parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("The listing's metadata is not valid JSON: " + e.getMessage(), e);
        }
        List<String> tags = new ArrayList<>();
        root.path("keywords").forEach(t -> tags.add(t.asText()));
        List<FileEntry> files = new ArrayList<>();
        String previewName = null;
        for (JsonNode entry : root.path("distribution")) {
            String id = entry.path("@id").asText();
            if (id.startsWith("file:")) {
                files.add(new FileEntry(entry.path("name").asText(), parseSize(entry.path("contentSize").asText()),
                        entry.path("sha256").asText()));
            } else if (id.equals("preview")) {
                previewName = entry.path("name").asText();
            }
        }
        JsonNode preview = root.get("datagora:previewCid");
        return new DatasetMetadata(root.path("name").asText(), root.path("description").asText(), tags,
                root.path("datagora:license").asText(), root.path("datagora:licenseId").asInt(),
                root.path("datagora:contentCid").asText(), root.path("datagora:contentSize").asLong(), files,
                root.path("datagora:keyCommitment").asText(),
                preview == null ? Optional.empty() : Optional.of(preview.asText()),
                Optional.ofNullable(preview == null ? null : previewName));
    }

    private static long parseSize(String text) {
        String digits = text.replace("B", "").strip();
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
