package org.datagora.app.ui.labeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Bounds;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javax.imageio.ImageIO;
import org.datagora.app.labeling.Box;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingSession;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.Theme;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.LabelDraftDao;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The workspace's keys and box drawing on real sessions over an H2 cache: multiple choice, free text, boxes. */
class LabelingWorkspaceTest {

    private CacheDatabase cache;
    private LabelDraftDao drafts;
    private WorkspaceStage window;
    private final List<LabelingSession> submitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open(@TempDir Path dir) throws Exception {
        cache = CacheDatabase.open(dir, Optional.empty());
        drafts = cache.dao(LabelDraftDao.class);
        window = new WorkspaceStage();
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        cache.close();
    }

    @Test
    void boxesAreDrawnWithTheMouseInTheClassPickedByItsKeyAndEnterMovesOn() throws Exception {
        LabelSchema schema = new LabelSchema(LabelSchema.Kind.BOUNDING_BOXES, List.of("cat", "dog"),
                "Draw a box around every animal.");
        List<TaskItem> items = List.of(image(0, "one.png", 400, 300), image(1, "two.png", 200, 200));
        Workspace workspace = window.show(1, schema, items, drafts, submitted::add);
        FxRobot robot = window.robot();
        robot.type(KeyCode.DIGIT2);
        Bounds canvas = robot.lookup("#workspace-canvas").query().localToScreen(
                robot.lookup("#workspace-canvas").query().getBoundsInLocal());
        double scale = BoxCanvas.MAX_HEIGHT / 300; // 400x300 scaled to fit 760x480
        robot.moveTo(canvas.getMinX() + 50 * scale, canvas.getMinY() + 40 * scale).press(MouseButton.PRIMARY)
                .moveTo(canvas.getMinX() + 150 * scale, canvas.getMinY() + 120 * scale).release(MouseButton.PRIMARY);
        LabelingSession session = workspace.session();
        assertThat(session.currentLabel()).isPresent();
        List<Box> boxes = session.currentLabel().get().boxes();
        assertThat(boxes).hasSize(1);
        Box box = boxes.get(0);
        assertThat(box.classIndex()).as("key 2 picked the second class").isEqualTo(1);
        assertThat(box.x()).isBetween(48, 52);
        assertThat(box.y()).isBetween(38, 42);
        assertThat(box.width()).isBetween(98, 102);
        assertThat(box.height()).isBetween(78, 82);
        robot.interact(workspace::requestFocus);
        Screenshots.save(robot, window.stage().getScene(), "labeling-workspace-boxes-light");
        robot.interact(Theme.DARK::apply);
        Screenshots.save(robot, window.stage().getScene(), "labeling-workspace-boxes-dark");
        robot.interact(Theme.LIGHT::apply);
        robot.type(KeyCode.ENTER);
        assertThat(session.position()).isEqualTo(1);
        robot.type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> submitted.size() == 1);
        assertThat(session.label(1)).as("Enter on an image without boxes means nothing to box")
                .contains(Label.boxes(List.of()));
    }

    @Test
    void multipleChoiceTogglesWithDigitsAndUndoStepsBack() throws Exception {
        LabelSchema schema = new LabelSchema(LabelSchema.Kind.MULTIPLE_CHOICE, List.of("sport", "politics", "science"),
                "Every topic the sentence touches.");
        Workspace workspace = window.show(2, schema, List.of(TaskItem.text(0, "a", "The minister ran a marathon"),
                TaskItem.text(1, "b", "A new comet")), drafts, submitted::add);
        FxRobot robot = window.robot();
        LabelingSession session = workspace.session();
        robot.type(KeyCode.DIGIT1).type(KeyCode.DIGIT2).type(KeyCode.DIGIT3);
        assertThat(session.currentLabel()).contains(Label.multiple(List.of(0, 1, 2)));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(session.currentLabel()).contains(Label.multiple(List.of(0, 1)));
        robot.type(KeyCode.ENTER);
        assertThat(window.robot().lookup("#workspace-text").queryAs(javafx.scene.control.Label.class).getText())
                .isEqualTo("A new comet");
        robot.type(KeyCode.ENTER);
        assertThat(window.robot().lookup("#workspace-message").queryAs(javafx.scene.control.Label.class).getText())
                .as("Enter without a label says what to do").startsWith("Choose a label for this item first");
        robot.type(KeyCode.DIGIT3).type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> submitted.size() == 1);
        assertThat(submitted.get(0).labels()).containsExactly(Label.multiple(List.of(0, 1)), Label.multiple(List.of(2)));
    }

    @Test
    void freeTextIsTypedAndEnterSavesIt() throws Exception {
        LabelSchema schema = new LabelSchema(LabelSchema.Kind.FREE_TEXT, List.of(), "Translate to French.");
        Workspace workspace = window.show(3, schema, List.of(TaskItem.text(0, "a", "Good morning"),
                TaskItem.text(1, "b", "Thank you")), drafts, submitted::add);
        FxRobot robot = window.robot();
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#workspace-answer").query().isFocused());
        robot.write("Bonjour").type(KeyCode.ENTER);
        robot.write("Merci 1000 fois").type(KeyCode.ENTER);
        await().atMost(Duration.ofSeconds(10)).until(() -> submitted.size() == 1);
        assertThat(workspace.session().labels()).containsExactly(Label.text("Bonjour"), Label.text("Merci 1000 fois"));
        Screenshots.save(robot, window.stage().getScene(), "labeling-workspace-text-light");
    }

    private static TaskItem image(int index, String name, int width, int height) throws Exception {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(0x87, 0xce, 0xeb));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x8b, 0x45, 0x13));
        g.fillOval(width / 8, height / 7, width / 4, height / 4);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        return TaskItem.image(index, name, "image/png", png.toByteArray(), width, height);
    }

    static List<TaskItem> sentences(int count) {
        List<TaskItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(TaskItem.text(i, "s" + i, "Sentence " + i + ": the weather today is " + (i % 2 == 0 ? "fine" : "awful")));
        }
        return items;
    }
}
