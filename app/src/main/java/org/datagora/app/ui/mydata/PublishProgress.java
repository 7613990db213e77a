package org.datagora.app.ui.mydata;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.datagora.app.market.PublishStep;
import org.datagora.app.ui.common.Speed;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** A publish in progress: each step with its bar, a tick when done, and the throughput of steps that move bytes. */
final class PublishProgress extends VBox {

    private final Map<PublishStep, ProgressBar> bars = new EnumMap<>(PublishStep.class);
    private final Map<PublishStep, Label> details = new EnumMap<>(PublishStep.class);
    private final Map<PublishStep, FontIcon> ticks = new EnumMap<>(PublishStep.class);

    PublishProgress(String title) {
        setId("publish-progress");
        setSpacing(10);
        Label heading = new Label("Publishing " + title);
        heading.getStyleClass().add("title-4");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        for (PublishStep step : PublishStep.values()) {
            FontIcon tick = new FontIcon(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
            tick.getStyleClass().add("step-pending");
            ProgressBar bar = new ProgressBar(0);
            bar.setPrefWidth(260);
            Label detail = new Label();
            detail.getStyleClass().add("text-muted");
            grid.addRow(row++, tick, new Label(step.label()), bar, detail);
            bars.put(step, bar);
            details.put(step, detail);
            ticks.put(step, tick);
        }
        setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(heading, grid);
    }

    /** Shows progress; call on the JavaFX thread. */
    void update(PublishStep step, double fraction, double bytesPerSecond) {
        bars.get(step).setProgress(fraction);
        if (bytesPerSecond > 0) {
            details.get(step).setText(Speed.of(bytesPerSecond));
        }
    }

    /** Marks {@code step} done; call on the JavaFX thread. */
    void completed(PublishStep step) {
        bars.get(step).setProgress(1);
        ticks.get(step).getStyleClass().setAll("ikonli-font-icon", "step-done");
    }
}
