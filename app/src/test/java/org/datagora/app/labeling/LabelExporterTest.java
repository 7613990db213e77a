package org.datagora.app.labeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.datagora.app.labeling.export.ExportFormat;
import org.datagora.app.labeling.export.LabelExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LabelSchema SHAPES = new LabelSchema(LabelSchema.Kind.BOUNDING_BOXES,
            List.of("square", "circle"), "Box every shape");

    @TempDir
    Path dir;

    /** A synthetic PNG with a filled square where the box is, so the labels describe real pixels. */
    static TaskItem image(int index, int width, int height, Box box) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(box.x(), box.y(), box.width(), box.height());
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return TaskItem.image(index, "shape-" + index + ".png", "image/png", png.toByteArray(), width, height);
    }

    private TaskResults boxResults() throws IOException {
        List<TaskItem> items = new ArrayList<>();
        List<TaskResults.ItemConsensus> consensus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Box first = new Box(i % 2, 3 + i, 4 + 2 * i, 10 + i, 7 + i);
            items.add(image(i, 64 + 8 * i, 48, first));
            Label label = i == 3 ? Label.boxes(List.of()) : Label.boxes(List.of(first, new Box(1, 40, 20, 5, 9)));
            consensus.add(new TaskResults.ItemConsensus(i, i == 2 ? null : label, i == 2 ? 0 : 2, i == 2 ? 0 : 3));
        }
        return new TaskResults(null, SHAPES, items, consensus, List.of(), List.of(), BigInteger.ZERO);
    }

    @Test
    void cocoParsesBackToTheConsensusBoxes() throws IOException {
        TaskResults results = boxResults();
        Path out = dir.resolve("coco.json");
        new LabelExporter().export(results, ExportFormat.COCO, out);

        JsonNode coco = JSON.readTree(out.toFile());
        assertThat(coco.get("categories")).extracting(c -> c.get("name").asText()).containsExactly("square", "circle");
        assertThat(coco.get("images")).hasSize(3);
        Map<Integer, List<Box>> parsed = new HashMap<>();
        for (JsonNode a : coco.get("annotations")) {
            JsonNode b = a.get("bbox");
            parsed.computeIfAbsent(a.get("image_id").asInt() - 1, k -> new ArrayList<>()).add(new Box(
                    a.get("category_id").asInt() - 1, b.get(0).asInt(), b.get(1).asInt(), b.get(2).asInt(), b.get(3).asInt()));
        }
        for (TaskResults.ItemConsensus c : results.consensus()) {
            if (c.label() != null) {
                assertThat(Label.boxes(parsed.getOrDefault(c.itemIndex(), List.of()))).isEqualTo(c.label());
            }
        }
    }

    @Test
    void yoloParsesBackToTheConsensusBoxes() throws IOException {
        TaskResults results = boxResults();
        Path out = dir.resolve("yolo");
        new LabelExporter().export(results, ExportFormat.YOLO, out);

        assertThat(Files.readAllLines(out.resolve("classes.txt"))).containsExactly("square", "circle");
        assertThat(out.resolve("labels/shape-2.txt")).doesNotExist();
        for (TaskResults.ItemConsensus c : results.consensus()) {
            if (c.label() == null) {
                continue;
            }
            TaskItem item = results.items().get(c.itemIndex());
            List<Box> boxes = new ArrayList<>();
            for (String line : Files.readAllLines(out.resolve("labels/shape-" + c.itemIndex() + ".txt"))) {
                String[] f = line.split(" ");
                double w = Double.parseDouble(f[3]) * item.width();
                double h = Double.parseDouble(f[4]) * item.height();
                double x = Double.parseDouble(f[1]) * item.width() - w / 2;
                double y = Double.parseDouble(f[2]) * item.height() - h / 2;
                boxes.add(new Box(Integer.parseInt(f[0]), (int) Math.round(x), (int) Math.round(y),
                        (int) Math.round(w), (int) Math.round(h)));
            }
            assertThat(Label.boxes(boxes)).isEqualTo(c.label());
        }
    }

    @Test
    void labelStudioJsonlHoldsRectanglesInPercent() throws IOException {
        TaskResults results = boxResults();
        Path out = dir.resolve("tasks.jsonl");
        new LabelExporter().export(results, ExportFormat.JSONL, out);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.at("/data/image").asText()).isEqualTo("shape-0.png");
        JsonNode region = first.at("/annotations/0/result/0");
        assertThat(region.get("type").asText()).isEqualTo("rectanglelabels");
        Box box = results.consensusOf(0).label().boxes().get(0);
        assertThat(region.at("/value/x").asDouble() * region.get("original_width").asInt() / 100)
                .isCloseTo(box.x(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(region.at("/value/rectanglelabels/0").asText()).isEqualTo(SHAPES.className(box.classIndex()));
    }
}
