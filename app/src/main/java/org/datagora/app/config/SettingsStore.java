package org.datagora.app.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads and writes {@code settings.json} in the data directory. */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The store of {@code settings.json} in {@code dataDirectory}'s root. */
    public SettingsStore(DataDirectory dataDirectory) {
        this.file = dataDirectory.root().resolve("settings.json");
    }

    /** The settings file. */
    public Path file() {
        return file;
    }

    /**
     * The saved settings, or the defaults when there are none. A file that cannot be read is kept as
     * {@code settings.json.unreadable} (nothing is lost) and the defaults are used.
     */
    public Settings load() {
        if (!Files.exists(file)) {
            return Settings.defaults();
        }
        try {
            return json.readValue(file.toFile(), Settings.class);
        } catch (IOException e) {
            Path kept = file.resolveSibling(file.getFileName() + ".unreadable");
            LOG.error("Cannot read {}; keeping it as {} and using the default settings", file, kept, e);
            try {
                Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.error("Cannot move {} aside", file, moveFailed);
            }
            return Settings.defaults();
        }
    }

    /** Checks and saves {@code settings}, replacing the file atomically. */
    public void save(Settings settings) {
        SettingsValidator.check(settings);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(temporary.toFile(), settings);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Settings saved to {}", file);
        } catch (IOException e) {
            LOG.error("Cannot write {}", file, e);
            throw new SettingsException("Cannot save the settings to " + file + ". Check that the data directory is "
                    + "writable.", e);
        }
    }
}
