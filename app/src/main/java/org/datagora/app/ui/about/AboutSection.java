package org.datagora.app.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.datagora.app.AppVersion;

/**
 * The about box, shown at the end of Settings: the app's version, the licenses of the sample data the
 * sandbox ships (the text of assets/samples/LICENSES.md) and the third-party software the app ships with
 * its licenses and their texts (assets/licenses/THIRD-PARTY.md).
 */
public final class AboutSection extends VBox {

    static final String LICENSES = "/assets/samples/LICENSES.md";

    public AboutSection() {
        super(10);
        setId("about");
        Label version = new Label(AppVersion.describe());
        version.setId("about-version");
        version.getStyleClass().add("title-4");
        Label intro = new Label("A desktop app for a decentralized data marketplace with incentivized labeling.");
        intro.setWrapText(true);

        Label dataHeading = new Label("Sample data and its licenses");
        dataHeading.getStyleClass().add("text-bold");
        TextArea licenses = new TextArea(licensesText());
        licenses.setId("about-data-licenses");
        licenses.setEditable(false);
        licenses.setWrapText(true);
        licenses.setPrefRowCount(9);

        ThirdPartyNotices notices = ThirdPartyNotices.shipped();
        Label libraryHeading = new Label("Third-party software");
        libraryHeading.getStyleClass().add("text-bold");
        Label libraryIntro = new Label("Datagora ships the open-source software below, under these licenses. The "
                + "notices are in assets/licenses/THIRD-PARTY.md of the source and inside the app.");
        libraryIntro.setWrapText(true);
        libraryIntro.getStyleClass().add("text-muted");
        GridPane libraries = new GridPane();
        libraries.setId("about-libraries");
        libraries.setHgap(24);
        libraries.setVgap(2);
        for (double percent : new double[] {42, 22, 36}) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(percent);
            libraries.getColumnConstraints().add(column);
        }
        for (int i = 0; i < notices.components().size(); i++) {
            ThirdPartyNotices.Component component = notices.components().get(i);
            Label name = new Label(component.name());
            name.setWrapText(true);
            Label release = new Label(component.version());
            release.getStyleClass().add("text-muted");
            Label license = new Label(component.license());
            license.getStyleClass().add("text-muted");
            license.setWrapText(true);
            libraries.addRow(i, name, release, license);
        }
        getChildren().addAll(version, intro, dataHeading, licenses, libraryHeading, libraryIntro, libraries,
                licenseTexts(notices));
    }

    /** The license texts, one at a time, read when the user opens the pane. */
    private static TitledPane licenseTexts(ThirdPartyNotices notices) {
        ComboBox<ThirdPartyNotices.LicenseText> choice = new ComboBox<>();
        choice.setId("about-license-choice");
        choice.getItems().setAll(notices.texts());
        choice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ThirdPartyNotices.LicenseText text) {
                return text == null ? "" : text.title();
            }

            @Override
            public ThirdPartyNotices.LicenseText fromString(String title) {
                return null;
            }
        });
        TextArea text = new TextArea();
        text.setId("about-license-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(14);
        choice.valueProperty().addListener((obs, old, now) -> text.setText(now == null ? "" : now.read()));
        TitledPane pane = new TitledPane("License texts", new VBox(8, choice, text));
        pane.setId("about-license-texts");
        pane.setExpanded(false);
        pane.expandedProperty().addListener((obs, old, now) -> {
            if (now && choice.getValue() == null && !choice.getItems().isEmpty()) {
                choice.getSelectionModel().selectFirst();
            }
        });
        return pane;
    }

    /** Joins the hard-wrapped lines of a Markdown paragraph, so the text area wraps them to its width. */
    static String unwrap(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean previousPlain = false;
        for (String line : markdown.split("\\R", -1)) {
            boolean plain = !line.isBlank() && !line.startsWith("|") && !line.startsWith("#") && !line.startsWith("- ");
            boolean continuation = plain && previousPlain || line.startsWith("  ") && !line.isBlank();
            if (continuation) {
                text.append(' ').append(line.strip());
            } else {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(line);
            }
            previousPlain = plain || continuation;
        }
        return text.toString();
    }

    /** The shipped LICENSES.md of the sample data. */
    static String licensesText() {
        try (InputStream in = AboutSection.class.getResourceAsStream(LICENSES)) {
            if (in == null) {
                return "The sample data's license file is missing from this build.";
            }
            return unwrap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return "The sample data's license file could not be read: " + e.getMessage();
        }
    }
}
