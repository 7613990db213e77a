package org.datagora.storage.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The searchable part of a listing's metadata document (JSON on IPFS): {@code title}, {@code description}
 * and {@code tags}. Other fields the document holds are kept verbatim in the cache but not interpreted here.
 */
public record ListingMetadata(String title, String description, List<String> tags) {
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 8000;
    public static final int MAX_TAGS = 32;
    private static final ObjectMapper JSON = new ObjectMapper();

    public ListingMetadata {
        tags = List.copyOf(new LinkedHashSet<>(tags));
    }

    /**
     * Reads the document; tags are trimmed, lower-cased and de-duplicated.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong, if it is not such a document
     */
    public static ListingMetadata parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The listing metadata is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("The listing metadata cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The listing metadata is not a JSON object.");
        }
        String title = text(root, "title", MAX_TITLE);
        if (title.isBlank()) {
            throw new IllegalArgumentException("The listing metadata has no title.");
        }
        String description = text(root, "description", MAX_DESCRIPTION);
        Set<String> tags = new LinkedHashSet<>();
        JsonNode tagNode = root.path("tags");
        if (tagNode.isArray()) {
            for (JsonNode tag : tagNode) {
                String value = tag.asText("").trim().toLowerCase(Locale.ROOT).replace(",", " ");
                if (!value.isEmpty() && value.length() <= 64 && tags.size() < MAX_TAGS) {
                    tags.add(value);
                }
            }
        }
        return new ListingMetadata(title, description, new ArrayList<>(tags));
    }

    /** The tags as the cache stores them: comma separated. */
    public String joinedTags() {
        return String.join(",", tags);
    }

    private static String text(JsonNode root, String field, int max) {
        JsonNode node = root.path(field);
        String value = node.isTextual() ? node.asText().strip() : "";
        if (value.length() > max) {
            throw new IllegalArgumentException("The listing metadata's " + field + " is longer than " + max
                    + " characters.");
        }
        return value;
    }
}
