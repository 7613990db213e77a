package org.datagora.app.labeling.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.datagora.app.labeling.ContributorShares;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskResults;

/**
 * Lays out a labeled dataset in a folder ready to be published as a marketplace listing (the folder is the
 * publish request's source): the items (images as files, texts in items.jsonl), the consensus labels in every
 * format that fits the task, and the labelers' contributor shares for the listing.
 */
public final class LabeledDatasetFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LabelExporter exporter;

    public LabeledDatasetFolder(LabelExporter exporter) {
        this.exporter = exporter;
    }

    /**
     * Writes the dataset into {@code folder} (created if needed) and returns the contributor shares, in basis
     * points of each sale, that together make {@code labelersBps}; they are also written to shares.json.
     */
    public Map<String, Integer> write(TaskResults results, Path folder, int labelersBps) throws IOException {
        Files.createDirectories(folder);
        if (results.items().stream().anyMatch(TaskItem::isImage)) {
            Path images = Files.createDirectories(folder.resolve("images"));
            for (TaskItem item : results.items()) {
                Files.write(images.resolve(item.name()), item.data());
            }
        } else {
            StringBuilder lines = new StringBuilder();
            for (TaskItem item : results.items()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("item", item.index());
                row.put("name", item.name());
                row.put("text", item.text());
                lines.append(JSON.writeValueAsString(row)).append('\n');
            }
            Files.writeString(folder.resolve("items.jsonl"), lines);
        }
        exporter.export(results, ExportFormat.JSONL, folder.resolve("labels-label-studio.jsonl"));
        exporter.export(results, ExportFormat.CSV, folder.resolve("labels.csv"));
        if (results.schema().isBoxes()) {
            exporter.export(results, ExportFormat.COCO, folder.resolve("labels-coco.json"));
            exporter.export(results, ExportFormat.YOLO, folder.resolve("yolo"));
        }
        Map<String, Integer> shares = ContributorShares.of(results, labelersBps);
        JSON.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("shares.json").toFile(), shares);
        return shares;
    }
}
