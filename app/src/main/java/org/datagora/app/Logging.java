package org.datagora.app;

import org.datagora.app.config.DataDirectory;

/** Points the log file at the data directory; must run before the first logger is made. */
final class Logging {

    private Logging() {
    }

    static void configure(DataDirectory directory) {
        if (System.getProperty("datagora.logDir") == null) {
            System.setProperty("datagora.logDir", directory.logs().toString());
        }
    }
}
