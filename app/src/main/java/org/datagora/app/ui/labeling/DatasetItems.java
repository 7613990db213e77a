package org.datagora.app.ui.labeling;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.datagora.app.labeling.TaskItem;

/**
 * Reads the items of a task from a dataset on disk (one the user owns, or a downloaded purchase): the PNG
 * or JPEG images of a folder for box tasks, otherwise text records: the lines of .txt files, the rows of
 * .csv files (after the header) and the "text" field of .jsonl lines.
 */
final class DatasetItems {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ITEMS = 10_000;

    private DatasetItems() {
    }

    /** The items at {@code source}, numbered from 0; fails with a sentence when there are none. */
    static List<TaskItem> load(Path source, boolean images) throws IOException {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("There is no file or folder at " + source + ".");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(source)) {
            try (Stream<Path> walk = Files.walk(source)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(source);
        }
        List<TaskItem> items = images ? images(files) : texts(files);
        if (items.isEmpty()) {
            throw new IllegalArgumentException(images ? "No PNG or JPEG image was found in " + source + "."
                    : "No text record was found in " + source + " (.txt, .csv or .jsonl files).");
        }
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("The dataset has " + items.size() + " items; a task takes at most "
                    + MAX_ITEMS + ". Choose a smaller folder or file.");
        }
        return items;
    }

    private static List<TaskItem> images(List<Path> files) throws IOException {
        List<TaskItem> items = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean png = name.endsWith(".png");
            if (!png && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
                continue;
            }
            byte[] data = Files.readAllBytes(file);
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IllegalArgumentException(file + " is not an image this app can read.");
            }
            items.add(TaskItem.image(items.size(), file.getFileName().toString(), png ? "image/png" : "image/jpeg", data,
                    image.getWidth(), image.getHeight()));
        }
        return items;
    }

    private static List<TaskItem> texts(List<Path> files) throws IOException {
        List<TaskItem> items = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            List<String> lines;
            if (name.endsWith(".txt")) {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } else if (name.endsWith(".csv")) {
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines = all.isEmpty() ? all : all.subList(1, all.size());
            } else if (name.endsWith(".jsonl")) {
                lines = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        JsonNode node = JSON.readTree(line);
                        lines.add(node.hasNonNull("text") ? node.get("text").asText() : line);
                    }
                }
            } else {
                continue;
            }
            String stem = file.getFileName().toString().replaceAll("\\.[^.]*$", "");
            int row = 0;
            for (String line : lines) {
                row++;
                if (!line.isBlank()) {
                    items.add(TaskItem.text(items.size(), stem + "-" + row, line.strip()));
                }
            }
        }
        return items;
    }
}
