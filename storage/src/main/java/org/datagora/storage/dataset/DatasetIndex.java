package org.datagora.storage.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The file index at the start of the encrypted stream: JSON {"format":"datagora-dataset","version":1,
 * "files":[{"path":...,"size":...},...]}. Digests are not in it because they are known only after the
 * files were read; they follow the contents, so encryption reads every file exactly once.
 */
final class DatasetIndex {

    static final String FORMAT = "datagora-dataset";

    /** One indexed file: path and size. */
    record Item(String path, long size) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetIndex() {
    }

    static byte[] encode(List<DatasetSource.Entry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", DatasetFormat.VERSION);
        ArrayNode files = root.putArray("files");
        for (DatasetSource.Entry entry : entries) {
            files.addObject().put("path", entry.path()).put("size", entry.size());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of strings and numbers always serializes", e);
        }
    }

    /** Parses and checks the index; paths are checked too, so nothing unsafe gets past this point. */
    static List<Item> decode(byte[] bytes) throws DatasetException {
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new DatasetTamperedException("its file index is not valid JSON", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())
                || root.path("version").asInt(-1) != DatasetFormat.VERSION || !root.path("files").isArray()) {
            throw new DatasetTamperedException("its file index is malformed", null);
        }
        List<Item> items = new ArrayList<>();
        for (JsonNode file : root.get("files")) {
            JsonNode path = file.get("path");
            JsonNode size = file.get("size");
            if (path == null || !path.isTextual() || size == null || !size.isIntegralNumber() || !size.canConvertToLong() || size.asLong() < 0) {
                throw new DatasetTamperedException("its file index has a malformed entry", null);
            }
            items.add(new Item(path.asText(), size.asLong()));
        }
        DatasetPaths.checkAll(items.stream().map(Item::path).toList());
        return items;
    }
}
