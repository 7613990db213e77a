package org.datagora.app.ui.main;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The areas of the main window, in the order the navigation lists them. */
public enum Area {
    MARKETPLACE("Marketplace", MaterialDesignS.STOREFRONT_OUTLINE),
    MY_DATA("My data", MaterialDesignD.DATABASE_OUTLINE),
    PURCHASES("Purchases", MaterialDesignS.SHOPPING_OUTLINE),
    LABELING("Labeling", MaterialDesignT.TAG_OUTLINE),
    WALLET("Wallet", MaterialDesignW.WALLET_OUTLINE),
    SETTINGS("Settings", MaterialDesignC.COG_OUTLINE);

    private final String title;
    private final Ikon icon;

    Area(String title, Ikon icon) {
        this.title = title;
        this.icon = icon;
    }

    /** The name shown in the navigation and as the view's heading. */
    public String title() {
        return title;
    }

    /** The navigation icon. */
    public Ikon icon() {
        return icon;
    }

    /** The id of the area's navigation button, for tests and styles. */
    public String navigationId() {
        return "nav-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
