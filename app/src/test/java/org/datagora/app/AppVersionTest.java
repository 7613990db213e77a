package org.datagora.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The version users see ({@code --version}, the about box) is the pom's, not a placeholder. */
class AppVersionTest {

    @Test
    void theVersionIsThePomsVersion() throws Exception {
        // Tests run in the app module's folder; its parent block names the project's version.
        Matcher parent = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL)
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(parent.find()).isTrue();
        assertThat(AppVersion.version()).isEqualTo(parent.group(1)).isNotEqualTo(AppVersion.UNKNOWN);
        assertThat(AppVersion.describe()).isEqualTo("Datagora " + parent.group(1));
    }

    @Test
    void theVersionOptionPrintsIt() {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--version")).isZero();
        assertThat(out.toString().strip()).isEqualTo(AppVersion.describe());
    }
}
