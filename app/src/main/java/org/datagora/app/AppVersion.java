package org.datagora.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The app's name and version as the build stamped them from the pom: the jar manifest's
 * Implementation-Title and Implementation-Version, or, when running from the classes (tests, an IDE), the
 * filtered {@code version.properties} next to this class.
 */
public final class AppVersion {

    /** What is said when neither the manifest nor the properties name a version (a build that skipped filtering). */
    public static final String UNKNOWN = "(development build)";

    private AppVersion() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        String stamped = AppVersion.class.getPackage().getImplementationVersion();
        return stamped != null ? stamped : property("version").orElse(UNKNOWN);
    }

    /** The product name, e.g. {@code Datagora}. */
    public static String title() {
        String stamped = AppVersion.class.getPackage().getImplementationTitle();
        return stamped != null ? stamped : property("title").orElse("Datagora");
    }

    /** What {@code --version} and the about box say: {@code Datagora 0.1.0-SNAPSHOT}. */
    public static String describe() {
        return title() + " " + version();
    }

    private static java.util.Optional<String> property(String name) {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return java.util.Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(name, "");
            // An unfiltered copy still holds the placeholder: that is no version.
            return value.isBlank() || value.contains("${") ? java.util.Optional.empty() : java.util.Optional.of(value);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
