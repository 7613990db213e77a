package org.datagora.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The .deb as a user gets it: unpacked with dpkg-deb into a scratch folder outside the project (so nothing
 * from the checkout, such as npm's anvil or js-ipfs, can be picked up), started under Xvfb on a fresh data
 * directory with a PATH that holds only the system's programs, photographed, its local sandbox seen to come
 * up on the shipped anvil and the embedded content store, and stopped with SIGTERM.
 */
class PackagedAppIT {

    private static final Path TARGET = Path.of(System.getProperty("installer.target", "target"));
    private static final String VERSION = System.getProperty("installer.version", "0.1.0");
    private static final Path SCREENSHOT = TARGET.resolve("screenshots").resolve("packaged-app-first-window.png");
    private static final Path SANDBOX_SCREENSHOT =
            TARGET.resolve("screenshots").resolve("packaged-app-sandbox-ready.png");
    private static final Duration WINDOW_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SANDBOX_TIMEOUT = Duration.ofSeconds(120);

    private static Path deb;
    private static Path scratch;
    private static Path installed;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        deb = TARGET.resolve("datagora_" + VERSION + "-1_amd64.deb");
        assertThat(deb).as("the .deb built in the package phase").isRegularFile();
        scratch = Files.createTempDirectory("datagora-deb-");
        run(List.of("dpkg-deb", "-x", deb.toString(), scratch.toString()));
        installed = scratch.resolve("opt/datagora");
    }

    @AfterAll
    static void deleteScratch() throws IOException {
        if (scratch != null) {
            // A failed test may leave the app or its nodes behind; they must not outlive the build.
            runningFromPackage().forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> files = Files.walk(scratch)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    @Test
    void theDebDeclaresGtkAndShipsItsOwnRuntimeJavaFxAnvilAndAMenuEntry() throws Exception {
        String control = run(List.of("dpkg-deb", "--field", deb.toString()));
        assertThat(control).contains("Package: datagora", "Version: " + VERSION);
        assertThat(field(control, "Depends")).contains("libgtk-3-0");

        String runtimeModules = Files.readString(installed.resolve("lib/runtime/release"));
        assertThat(runtimeModules).contains("javafx.controls", "javafx.swing", "java.net.http", "jdk.crypto.ec");
        assertThat(installed.resolve("lib/runtime/lib/libglassgtk3.so")).isRegularFile();

        Path anvil = installed.resolve("lib/app/tools/anvil");
        assertThat(Files.isExecutable(anvil)).as("anvil is shipped executable").isTrue();
        assertThat(run(List.of(anvil.toString(), "--version"))).contains("anvil");
        assertThat(installed.resolve("lib/app/tools/anvil-NOTICE.txt")).content().contains("MIT OR Apache-2.0");
        assertThat(Files.readString(installed.resolve("lib/app/Datagora.cfg")))
                .contains("-Ddatagora.anvil=$APPDIR/tools/anvil");

        Path desktopEntry;
        try (Stream<Path> files = Files.list(installed.resolve("lib"))) {
            desktopEntry = files.filter(f -> f.toString().endsWith(".desktop")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(desktopEntry)).contains("Name=Datagora", "Exec=/opt/datagora/bin/Datagora",
                "Icon=/opt/datagora/lib/Datagora.png");
        assertThat(installed.resolve("lib/Datagora.png")).isRegularFile();
    }

    @Test
    void theInstalledAppOpensItsWindowAndSandboxOnAFreshDataDirectoryAndStopsOnSigterm() throws Exception {
        Path dataDir = scratch.resolve("data");
        Path userHome = Files.createDirectories(scratch.resolve("home"));
        try (VirtualDisplay display = VirtualDisplay.start()) {
            ProcessBuilder launcher = new ProcessBuilder(installed.resolve("bin/Datagora").toString())
                    .directory(userHome.toFile()).redirectErrorStream(true)
                    .redirectOutput(TARGET.resolve("packaged-app-output.txt").toFile());
            Map<String, String> env = launcher.environment();
            env.put("DISPLAY", display.name());
            env.put("DATAGORA_HOME", dataDir.toString());
            env.put("HOME", userHome.toString());
            env.put("XDG_CACHE_HOME", userHome.resolve(".cache").toString());
            env.put("XDG_CONFIG_HOME", userHome.resolve(".config").toString());
            env.put("PATH", "/usr/bin:/bin");
            env.keySet().removeIf(name -> (name.startsWith("DATAGORA_") && !name.equals("DATAGORA_HOME"))
                    || name.startsWith("JAVA_") || name.equals("_JAVA_OPTIONS") || name.equals("XDG_DATA_HOME"));

            long started = System.nanoTime();
            Process app = launcher.start();
            try {
                await("the Datagora window").atMost(WINDOW_TIMEOUT).pollInterval(Duration.ofMillis(100))
                        .until(() -> display.showsWindow("Datagora") || !app.isAlive());
                assertThat(app.isAlive()).as("the app is running (see target/packaged-app-output.txt)").isTrue();
                long mapped = System.nanoTime();

                Files.createDirectories(SCREENSHOT.getParent());
                ScreenImage[] shot = new ScreenImage[1];
                await("a drawn window").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            display.screenshot(SCREENSHOT);
                            shot[0] = ScreenImage.read(SCREENSHOT);
                            return shot[0].distinctColours() >= 64;
                        });
                long drawn = System.nanoTime();
                System.out.printf("Packaged app cold start: window mapped after %d ms, drawn after %d ms%n",
                        (mapped - started) / 1_000_000, (drawn - started) / 1_000_000);

                assertThat(shot[0].width()).isEqualTo(1280);
                assertThat(shot[0].shareOfMostCommonColour()).as("not one colour all over").isLessThan(0.9);
                Path log = dataDir.resolve("logs/datagora.log");
                assertThat(log).as("the log lives in the data directory").isNotEmptyFile();

                // The local sandbox comes up from what the package ships: its anvil, the embedded store.
                await("the local sandbox").atMost(SANDBOX_TIMEOUT).pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            String text = Files.readString(log);
                            return text.contains("Local sandbox ready") || text.contains("sandbox did not start")
                                    || !app.isAlive();
                        });
                assertThat(Files.readString(log)).contains("Local sandbox ready", "content store embedded in");
                assertThat(runningFromPackage()).as("anvil runs from the package")
                        .anySatisfy(p -> assertThat(p.info().command()).hasValueSatisfying(
                                command -> assertThat(command).endsWith("/lib/app/tools/anvil")));
                display.screenshot(SANDBOX_SCREENSHOT);

                stopWithSigterm(app, dataDir);
            } finally {
                if (app.isAlive()) {
                    app.destroy();
                    app.waitFor(30, TimeUnit.SECONDS);
                }
                keepLogs(dataDir);
            }
        }
    }

    /** SIGTERM ends the app within seconds and takes every node it started with it. */
    private static void stopWithSigterm(Process app, Path dataDir) throws Exception {
        List<ProcessHandle> children = new ArrayList<>(app.descendants().toList());
        children.addAll(recordedNodes(dataDir.resolve("sandbox/pids")));
        app.toHandle().destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app ends on SIGTERM").isTrue();
        await("the app's child processes end").atMost(Duration.ofSeconds(15))
                .until(() -> children.stream().noneMatch(ProcessHandle::isAlive) && runningFromPackage().isEmpty());
    }

    /** Every process whose program lies in the unpacked package, such as an anvil started late. */
    private static List<ProcessHandle> runningFromPackage() {
        String root = scratch.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(command -> command.startsWith(root)).orElse(false))
                .toList();
    }

    /** Copies the app's logs next to the screenshot, since the scratch folder goes away. */
    private static void keepLogs(Path dataDir) throws IOException {
        Path logs = Files.createDirectories(TARGET.resolve("packaged-app-logs"));
        for (Path log : List.of(dataDir.resolve("logs/datagora.log"), dataDir.resolve("sandbox/anvil.log"))) {
            if (Files.isRegularFile(log)) {
                Files.copy(log, logs.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static List<ProcessHandle> recordedNodes(Path pids) throws IOException {
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        List<ProcessHandle> nodes = new ArrayList<>();
        try (Stream<Path> files = Files.list(pids)) {
            for (Path file : files.toList()) {
                String first = Files.readString(file).strip().split("\\s+")[0];
                if (first.matches("\\d+")) {
                    ProcessHandle.of(Long.parseLong(first)).ifPresent(nodes::add);
                }
            }
        }
        return nodes;
    }

    private static String field(String control, String name) {
        return control.lines().filter(line -> line.startsWith(name + ":")).collect(Collectors.joining("\n"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s printed:%n%s", command, output).isZero();
        return output;
    }
}
