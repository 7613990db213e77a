package org.datagora.app.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import org.datagora.app.AppVersion;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The about box names the app's version and every bundled library with the version the build pins and its
 * license, and shows the license texts it ships; the notices file stays in step with the parent pom.
 */
class AboutSectionTest {

    /** The libraries the parent pom pins, by the property that holds the version and the notices' row name. */
    private static final Map<String, String> PINNED = Map.ofEntries(
            Map.entry("javafx.version", "OpenJFX"), Map.entry("controlsfx.version", "ControlsFX"),
            Map.entry("atlantafx.version", "AtlantaFX"), Map.entry("ikonli.version", "Ikonli"),
            Map.entry("web3j.version", "web3j"), Map.entry("tink.version", "Google Tink"),
            Map.entry("bouncycastle.version", "Bouncy Castle"), Map.entry("h2.version", "H2 Database"),
            Map.entry("flyway.version", "Flyway"), Map.entry("jdbi.version", "Jdbi"),
            Map.entry("jackson.version", "Jackson"), Map.entry("picocli.version", "picocli"),
            Map.entry("slf4j.version", "SLF4J"), Map.entry("logback.version", "Logback"));

    @Test
    void theNoticesNameEveryPinnedLibraryAtThePomsVersion() throws Exception {
        // Tests run in the app module's folder; the versions are pinned in the parent pom.
        String pom = Files.readString(Path.of("..", "pom.xml"));
        ThirdPartyNotices notices = ThirdPartyNotices.shipped();
        for (Map.Entry<String, String> pinned : PINNED.entrySet()) {
            Matcher property = Pattern.compile("<" + Pattern.quote(pinned.getKey()) + ">([^<]+)<").matcher(pom);
            assertThat(property.find()).as(pinned.getKey()).isTrue();
            String version = property.group(1);
            assertThat(notices.components()).as(pinned.getValue())
                    .filteredOn(c -> c.name().startsWith(pinned.getValue()))
                    .singleElement()
                    .satisfies(c -> assertThat(c.version()).isEqualTo(version))
                    .satisfies(c -> assertThat(c.license()).isNotBlank());
        }
        assertThat(notices.components()).filteredOn(c -> c.name().startsWith("OpenJFX")).singleElement()
                .extracting(ThirdPartyNotices.Component::license).isEqualTo("GPL-2.0 with Classpath Exception");
    }

    @Test
    void everyLinkedLicenseTextShips() {
        ThirdPartyNotices notices = ThirdPartyNotices.shipped();
        assertThat(notices.texts()).hasSizeGreaterThanOrEqualTo(8);
        for (ThirdPartyNotices.LicenseText text : notices.texts()) {
            assertThat(text.read()).as(text.path()).doesNotContain("missing from this build").hasSizeGreaterThan(900);
        }
        assertThat(notices.texts()).extracting(ThirdPartyNotices.LicenseText::read)
                .anySatisfy(t -> assertThat(t).contains("\"CLASSPATH\" EXCEPTION TO THE GPL"))
                .anySatisfy(t -> assertThat(t).contains("Apache License").contains("Version 2.0, January 2004"));
    }

    @Test
    void theAboutBoxShowsTheVersionTheLibrariesAndTheTexts() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        AboutSection[] about = new AboutSection[1];
        robot.interact(() -> about[0] = new AboutSection());
        Label version = (Label) about[0].lookup("#about-version");
        assertThat(version.getText()).isEqualTo(AppVersion.describe()).doesNotContain(AppVersion.UNKNOWN);
        GridPane libraries = (GridPane) about[0].lookup("#about-libraries");
        int components = ThirdPartyNotices.shipped().components().size();
        assertThat(components).isGreaterThan(30);
        assertThat(libraries.getChildren()).hasSize(components * 3);
        assertThat(libraries.getChildren()).extracting(n -> ((Label) n).getText())
                .contains("OpenJFX (JavaFX: base, graphics, controls, swing)", "GPL-2.0 with Classpath Exception");

        TitledPane texts = (TitledPane) about[0].lookup("#about-license-texts");
        assertThat(texts.isExpanded()).isFalse();
        robot.interact(() -> texts.setExpanded(true));
        ComboBox<?> choice = (ComboBox<?>) texts.getContent().lookup("#about-license-choice");
        TextArea text = (TextArea) texts.getContent().lookup("#about-license-text");
        assertThat(choice.getValue()).isNotNull();
        assertThat(text.getText()).contains("Apache License");
    }
}
