package org.datagora.contracts.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolLocatorTest {

    @Test
    void aMissingToolNamesTheCommandThatInstallsIt() {
        ToolLocator missing = new ToolLocator("no-such-tool-here", "datagora.none", "DATAGORA_NONE",
                "nowhere/no-such-tool-here", "npm ci --prefix nowhere");
        assertThatThrownBy(missing::locate)
                .isInstanceOf(ToolLocator.MissingToolException.class)
                .hasMessageContaining("no-such-tool-here was not found")
                .hasMessageContaining("npm ci --prefix nowhere")
                .hasMessageContaining("DATAGORA_NONE");
    }

    @Test
    void anvilIsFoundInTheProjectTree() {
        assertThat(ToolLocator.anvil().locate()).endsWithRaw(Path.of("node_modules", ".bin", "anvil"));
    }

    @Test
    void theNpmInstallScriptSkipsWhenTheLockFileIsUnchanged(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("package.json"), "{\"name\":\"x\",\"private\":true}");
        Files.writeString(project.resolve("package-lock.json"), "{\"lockfileVersion\":3}");
        Path script = Path.of("tools", "npm-install-if-needed.sh").toAbsolutePath();
        Path noNpm = Files.createDirectory(project.resolve("bin-without-npm"));

        // Without a stamp it must install, which fails here because npm is not on this PATH.
        assertThat(run(script, project, noNpm)).isNotZero();

        String stamp = new String(new ProcessBuilder("bash", "-c",
                "sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1")
                .directory(project.toFile()).start().getInputStream().readAllBytes()).trim();
        Files.createDirectories(project.resolve("node_modules"));
        Files.writeString(project.resolve("node_modules/.datagora-lock.sha256"), stamp + "\n");
        assertThat(run(script, project, noNpm)).as("no npm call when the lock is unchanged").isZero();

        Files.writeString(project.resolve("package-lock.json"), "{\"lockfileVersion\":3,\"changed\":true}");
        assertThat(run(script, project, noNpm)).as("a changed lock file installs again").isNotZero();
    }

    private static int run(Path script, Path project, Path path) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", script.toString(), project.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("PATH", path + ":/usr/bin/coreutils-only-" + System.nanoTime());
        // sha256sum, cut and dirname live in /usr/bin; expose just those through a private bin folder.
        for (String tool : new String[] {"sha256sum", "cut", "cat", "dirname"}) {
            Path link = path.resolve(tool);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of("/usr/bin", tool));
            }
        }
        return builder.start().waitFor();
    }
}
