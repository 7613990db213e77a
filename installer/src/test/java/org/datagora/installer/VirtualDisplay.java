package org.datagora.installer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private X display (Xvfb) for one test class: Xvfb picks a free display number itself and tells us
 * which ({@code -displayfd}), so parallel builds never collide. Windows are found with xdotool and the
 * screen is captured with ImageMagick's {@code import}.
 */
final class VirtualDisplay implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb with one 1280x800 screen on a black background, so an empty screen is one colour. */
    static VirtualDisplay start() throws IOException {
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-br",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine();
        if (number == null || !number.strip().matches("\\d+")) {
            xvfb.destroyForcibly();
            throw new IllegalStateException("Xvfb did not start (is the xvfb package installed?)");
        }
        return new VirtualDisplay(xvfb, ":" + number.strip());
    }

    /** The DISPLAY value, such as {@code :1}. */
    String name() {
        return name;
    }

    /** Whether a visible top-level window has exactly this title. */
    boolean showsWindow(String title) {
        return run(List.of("xdotool", "search", "--onlyvisible", "--name", "^" + title + "$")) == 0;
    }

    /** Writes a PNG of the whole screen to {@code file}. */
    void screenshot(Path file) {
        int exit = run(List.of("import", "-window", "root", file.toString()));
        if (exit != 0) {
            throw new IllegalStateException("import (ImageMagick) could not capture " + name + ": exit " + exit);
        }
    }

    private int run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", name);
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly().waitFor();
        }
    }
}
