package org.datagora.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The app's two looks, both AtlantaFX Primer themes plus the app's own stylesheet. */
public enum Theme {
    LIGHT(new PrimerLight().getUserAgentStylesheet()),
    DARK(new PrimerDark().getUserAgentStylesheet());

    /** The app's own styles, layered over the theme. */
    public static final String APP_STYLESHEET = Theme.class.getResource("/assets/styles/datagora.css").toExternalForm();

    private final String userAgentStylesheet;

    Theme(String userAgentStylesheet) {
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** Makes this the look of every window. Call on the JavaFX thread. */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet);
    }

    /** The other theme. */
    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
