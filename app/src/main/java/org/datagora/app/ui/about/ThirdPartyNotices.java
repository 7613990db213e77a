package org.datagora.app.ui.about;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notices of the third-party software the app ships, read from assets/licenses/THIRD-PARTY.md on the
 * class path: the components of its tables (name, version, license) and the license texts it links to.
 * The Markdown file is the one source; the about box shows what it says.
 */
final class ThirdPartyNotices {

    static final String FOLDER = "/assets/licenses/";
    static final String FILE = FOLDER + "THIRD-PARTY.md";
    private static final Pattern TEXT_LINK = Pattern.compile("^- \\[([^]]+)]\\((texts/[^)]+)\\)$");

    /** One bundled component as a row of the notices' tables. */
    record Component(String name, String version, String license, String project) {
    }

    /** One license text the notices link to: its title and the file under assets/licenses. */
    record LicenseText(String title, String path) {

        /** The text itself, or a sentence saying why it cannot be shown. */
        String read() {
            return ThirdPartyNotices.read(FOLDER + path)
                    .orElse("The license text " + path + " is missing from this build.");
        }
    }

    private final List<Component> components;
    private final List<LicenseText> texts;

    private ThirdPartyNotices(List<Component> components, List<LicenseText> texts) {
        this.components = components;
        this.texts = texts;
    }

    /** The notices shipped with the app (empty lists when the file is missing from a broken build). */
    static ThirdPartyNotices shipped() {
        return parse(read(FILE).orElse(""));
    }

    /** Reads the components from the tables' rows and the texts from the "- [title](texts/...)" links. */
    static ThirdPartyNotices parse(String markdown) {
        List<Component> components = new ArrayList<>();
        List<LicenseText> texts = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            Matcher link = TEXT_LINK.matcher(line.strip());
            if (link.matches()) {
                texts.add(new LicenseText(link.group(1), link.group(2)));
                continue;
            }
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| Component ")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|");
            if (cells.length >= 4) {
                components.add(new Component(cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip()));
            }
        }
        return new ThirdPartyNotices(List.copyOf(components), List.copyOf(texts));
    }

    List<Component> components() {
        return components;
    }

    List<LicenseText> texts() {
        return texts;
    }

    private static java.util.Optional<String> read(String resource) {
        try (InputStream in = ThirdPartyNotices.class.getResourceAsStream(resource)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
