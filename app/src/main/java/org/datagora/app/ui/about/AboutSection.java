package org.datagora.app.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.datagora.app.AppVersion;

/**
 * The about box, shown at the end of Settings: the app's version, the licenses of the sample data the
 * sandbox ships (the text of assets/samples/LICENSES.md) and the libraries the app is built on.
 */
public final class AboutSection extends VBox {

    static final String LICENSES = "/assets/samples/LICENSES.md";

    /** The main libraries and tools inside the app, with their licenses. */
    static final List<String[]> LIBRARIES = List.of(
            new String[] {"OpenJFX (JavaFX)", "GPL-2.0 with Classpath Exception"},
            new String[] {"AtlantaFX", "MIT"},
            new String[] {"ControlsFX", "BSD-3-Clause"},
            new String[] {"Ikonli and Material Design Icons", "Apache-2.0"},
            new String[] {"web3j", "Apache-2.0"},
            new String[] {"Google Tink", "Apache-2.0"},
            new String[] {"Bouncy Castle", "MIT (Bouncy Castle Licence)"},
            new String[] {"H2 Database", "MPL-2.0 or EPL-1.0"},
            new String[] {"Flyway", "Apache-2.0"},
            new String[] {"Jdbi", "Apache-2.0"},
            new String[] {"Jackson", "Apache-2.0"},
            new String[] {"picocli", "Apache-2.0"},
            new String[] {"SLF4J", "MIT"},
            new String[] {"Logback", "EPL-1.0 or LGPL-2.1"},
            new String[] {"OpenZeppelin Contracts", "MIT"},
            new String[] {"Foundry anvil (local chain)", "MIT or Apache-2.0"},
            new String[] {"js-ipfs (optional local IPFS node)", "MIT or Apache-2.0"});

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

        Label libraryHeading = new Label("Libraries");
        libraryHeading.getStyleClass().add("text-bold");
        GridPane libraries = new GridPane();
        libraries.setId("about-libraries");
        libraries.setHgap(24);
        libraries.setVgap(2);
        for (int i = 0; i < LIBRARIES.size(); i++) {
            Label license = new Label(LIBRARIES.get(i)[1]);
            license.getStyleClass().add("text-muted");
            libraries.addRow(i, new Label(LIBRARIES.get(i)[0]), license);
        }
        getChildren().addAll(version, intro, dataHeading, licenses, libraryHeading, libraries);
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
