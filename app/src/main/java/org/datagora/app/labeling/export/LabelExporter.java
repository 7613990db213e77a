package org.datagora.app.labeling.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.datagora.app.labeling.Box;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.labeling.TaskResults;

/**
 * Writes a task's consensus labels in the formats people load into their tools: Label Studio JSONL, CSV,
 * COCO and YOLO. Items nobody labeled are left out of every format.
 */
public final class LabelExporter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes {@code results} to {@code out} (a file, or a folder for YOLO). */
    public void export(TaskResults results, ExportFormat format, Path out) throws IOException {
        switch (format) {
            case JSONL -> writeJsonl(results, out);
            case CSV -> writeCsv(results, out);
            case COCO -> writeCoco(results, out);
            case YOLO -> writeYolo(results, out);
        }
    }

    /** Label Studio tasks, one per line, with the consensus as a completed annotation. */
    public void writeJsonl(TaskResults results, Path out) throws IOException {
        LabelSchema schema = results.schema();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (TaskResults.ItemConsensus c : results.consensus()) {
                if (c.label() == null) {
                    continue;
                }
                TaskItem item = results.items().get(c.itemIndex());
                ObjectNode task = JSON.createObjectNode();
                task.put("id", c.itemIndex() + 1);
                ObjectNode data = task.putObject("data");
                String target = item.isImage() ? "image" : "text";
                data.put(target, item.isImage() ? item.name() : item.text());
                ObjectNode meta = task.putObject("meta");
                meta.put("datagora_item", c.itemIndex());
                meta.put("agreement", c.agreement());
                ObjectNode annotation = task.putArray("annotations").addObject();
                annotation.put("id", c.itemIndex() + 1);
                ArrayNode result = annotation.putArray("result");
                fillResult(result, schema, c.label(), target, item);
                writer.write(JSON.writeValueAsString(task));
                writer.newLine();
            }
        }
    }

    private static void fillResult(ArrayNode result, LabelSchema schema, Label label, String target, TaskItem item) {
        switch (schema.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> {
                ObjectNode r = region(result, "label", target, "choices");
                ArrayNode choices = r.putObject("value").putArray("choices");
                names(schema, label).forEach(choices::add);
            }
            case FREE_TEXT -> region(result, "answer", target, "textarea").putObject("value").putArray("text")
                    .add(label.text());
            case BOUNDING_BOXES -> {
                int n = 0;
                for (Box box : label.boxes()) {
                    ObjectNode r = region(result, "label", target, "rectanglelabels");
                    r.put("id", "b" + n++);
                    r.put("original_width", item.width());
                    r.put("original_height", item.height());
                    r.put("image_rotation", 0);
                    ObjectNode value = r.putObject("value");
                    value.put("x", 100.0 * box.x() / item.width());
                    value.put("y", 100.0 * box.y() / item.height());
                    value.put("width", 100.0 * box.width() / item.width());
                    value.put("height", 100.0 * box.height() / item.height());
                    value.put("rotation", 0);
                    value.putArray("rectanglelabels").add(schema.className(box.classIndex()));
                }
            }
        }
    }

    private static ObjectNode region(ArrayNode result, String from, String to, String type) {
        ObjectNode r = result.addObject();
        r.put("from_name", from);
        r.put("to_name", to);
        r.put("type", type);
        return r;
    }

    /** CSV: item, name, label (class names joined by |, the text, or boxes), votes, total, agreement. */
    public void writeCsv(TaskResults results, Path out) throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("item,name,label,votes,total,agreement\r\n");
            for (TaskResults.ItemConsensus c : results.consensus()) {
                if (c.label() == null) {
                    continue;
                }
                TaskItem item = results.items().get(c.itemIndex());
                writer.write(c.itemIndex() + "," + csv(item.name()) + "," + csv(cell(results.schema(), c.label())) + ","
                        + c.votes() + "," + c.total() + "," + String.format(Locale.ROOT, "%.4f", c.agreement()) + "\r\n");
            }
        }
    }

    /** The CSV cell of a label. */
    public static String cell(LabelSchema schema, Label label) {
        return switch (schema.kind()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> String.join("|", names(schema, label));
            case FREE_TEXT -> label.text();
            case BOUNDING_BOXES -> label.boxes().stream().map(b -> schema.className(b.classIndex()) + ":" + b.x() + ","
                    + b.y() + "," + b.width() + "," + b.height()).collect(Collectors.joining(";"));
        };
    }

    /** COCO detection JSON: images, one annotation per consensus box, categories numbered from 1. */
    public void writeCoco(TaskResults results, Path out) throws IOException {
        requireBoxes(results);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode images = root.putArray("images");
        ArrayNode annotations = root.putArray("annotations");
        ArrayNode categories = root.putArray("categories");
        List<String> classes = results.schema().classes();
        for (int i = 0; i < classes.size(); i++) {
            categories.addObject().put("id", i + 1).put("name", classes.get(i));
        }
        int annotationId = 1;
        for (TaskResults.ItemConsensus c : results.consensus()) {
            if (c.label() == null) {
                continue;
            }
            TaskItem item = results.items().get(c.itemIndex());
            images.addObject().put("id", c.itemIndex() + 1).put("file_name", item.name()).put("width", item.width())
                    .put("height", item.height());
            for (Box box : c.label().boxes()) {
                ObjectNode a = annotations.addObject();
                a.put("id", annotationId++);
                a.put("image_id", c.itemIndex() + 1);
                a.put("category_id", box.classIndex() + 1);
                a.putArray("bbox").add(box.x()).add(box.y()).add(box.width()).add(box.height());
                a.put("area", (long) box.width() * box.height());
                a.put("iscrowd", 0);
            }
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    }

    /**
     * A YOLO folder: classes.txt with one class per line, and labels/STEM.txt per labeled image with one
     * "class cx cy w h" line per box, coordinates normalised to the image size.
     */
    public void writeYolo(TaskResults results, Path folder) throws IOException {
        requireBoxes(results);
        Path labels = Files.createDirectories(folder.resolve("labels"));
        Files.write(folder.resolve("classes.txt"), results.schema().classes(), StandardCharsets.UTF_8);
        for (TaskResults.ItemConsensus c : results.consensus()) {
            if (c.label() == null) {
                continue;
            }
            TaskItem item = results.items().get(c.itemIndex());
            StringBuilder lines = new StringBuilder();
            for (Box box : c.label().boxes()) {
                lines.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", box.classIndex(),
                        (box.x() + box.width() / 2.0) / item.width(), (box.y() + box.height() / 2.0) / item.height(),
                        (double) box.width() / item.width(), (double) box.height() / item.height()));
            }
            Files.writeString(labels.resolve(stem(item.name()) + ".txt"), lines, StandardCharsets.UTF_8);
        }
    }

    /** A file name without its extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static List<String> names(LabelSchema schema, Label label) {
        List<Integer> chosen = label.choice() != null ? List.of(label.choice()) : label.choices();
        return chosen.stream().map(schema::className).toList();
    }

    private static void requireBoxes(TaskResults results) {
        if (!results.schema().isBoxes()) {
            throw new IllegalArgumentException("COCO and YOLO hold bounding boxes; this task's labels are "
                    + results.schema().kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
