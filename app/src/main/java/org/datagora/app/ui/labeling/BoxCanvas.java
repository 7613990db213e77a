package org.datagora.app.ui.labeling;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import org.datagora.app.labeling.Box;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskItem;

/**
 * An image item with its boxes, on which a drag draws a new box. Boxes are kept in whole image pixels
 * (what the label stores); the view scales the image to fit at most {@link #MAX_WIDTH} by {@link #MAX_HEIGHT}.
 */
final class BoxCanvas extends Pane {

    static final double MAX_WIDTH = 760;
    static final double MAX_HEIGHT = 480;

    private final LabelSchema schema;
    private final Consumer<Box> onDrawn;
    private final ImageView image = new ImageView();
    private final Pane boxes = new Pane();
    private final Rectangle drawing = new Rectangle();
    private TaskItem shown;
    private double scale = 1;
    private double startX;
    private double startY;

    BoxCanvas(LabelSchema schema, Consumer<Box> onDrawn) {
        this.schema = schema;
        this.onDrawn = onDrawn;
        setId("workspace-canvas");
        getStyleClass().add("box-canvas");
        drawing.getStyleClass().add("box-drawing");
        drawing.setVisible(false);
        boxes.setMouseTransparent(true);
        getChildren().addAll(image, boxes, drawing);
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            startX = clampX(e.getX());
            startY = clampY(e.getY());
            drawing.setVisible(true);
            update(e);
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::update);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            update(e);
            drawing.setVisible(false);
            int x = (int) Math.round(drawing.getX() / scale);
            int y = (int) Math.round(drawing.getY() / scale);
            int w = (int) Math.round(drawing.getWidth() / scale);
            int h = (int) Math.round(drawing.getHeight() / scale);
            if (w >= 2 && h >= 2) {
                onDrawn.accept(new Box(0, x, y, w, h));
            }
        });
    }

    private void update(MouseEvent e) {
        double x = clampX(e.getX());
        double y = clampY(e.getY());
        drawing.setX(Math.min(startX, x));
        drawing.setY(Math.min(startY, y));
        drawing.setWidth(Math.abs(x - startX));
        drawing.setHeight(Math.abs(y - startY));
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(x, image.getFitWidth()));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(y, image.getFitHeight()));
    }

    /** Shows {@code item} with {@code labeled} boxes; {@code activeClass} is the class a new box gets. */
    void show(TaskItem item, List<Box> labeled, int activeClass) {
        if (item != shown) {
            shown = item;
            Image picture = new Image(new ByteArrayInputStream(item.data()));
            double width = item.width() != null ? item.width() : picture.getWidth();
            double height = item.height() != null ? item.height() : picture.getHeight();
            scale = Math.min(1.0 * MAX_WIDTH / width, 1.0 * MAX_HEIGHT / height);
            scale = Math.min(scale, 4);
            image.setImage(picture);
            image.setFitWidth(width * scale);
            image.setFitHeight(height * scale);
            setPrefSize(width * scale, height * scale);
            setMaxSize(width * scale, height * scale);
        }
        boxes.getChildren().clear();
        for (Box box : labeled) {
            Rectangle r = new Rectangle(box.x() * scale, box.y() * scale, box.width() * scale, box.height() * scale);
            r.getStyleClass().addAll("box", "box-class-" + (box.classIndex() % 6));
            Label name = new Label(schema.className(box.classIndex()));
            name.getStyleClass().add("box-name");
            name.setLayoutX(box.x() * scale);
            name.setLayoutY(Math.max(0, box.y() * scale - 18));
            boxes.getChildren().addAll(r, name);
        }
        drawing.getStyleClass().removeIf(c -> c.startsWith("box-class-"));
        drawing.getStyleClass().add("box-class-" + (activeClass % 6));
    }
}
