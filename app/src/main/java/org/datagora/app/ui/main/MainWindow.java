package org.datagora.app.ui.main;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.datagora.app.network.NetworkStatus;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.ActivityCenter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The main window's layout: the navigation on the left, the chosen area's view in the middle, a header
 * with the theme switch, the status bar, and on demand the activity panel on the right. Views are made on
 * first visit and kept.
 */
public final class MainWindow extends BorderPane {

    private final Map<Area, Supplier<Node>> viewFactories;
    private final Map<Area, Node> views = new EnumMap<>(Area.class);
    private final StackPane content = new StackPane();
    private final Label heading = new Label();
    private final ToggleGroup navigation = new ToggleGroup();
    private final StatusBar statusBar = new StatusBar();
    private final Label offlineBanner = new Label();
    private final ActivityPanel activityPanel;
    private final ToggleButton activityButton = new ToggleButton();
    private final ObjectProperty<Theme> theme;

    /** {@code theme} is the app's look: the header's switch sets it, and whoever owns it applies and saves it. */
    public MainWindow(Map<Area, Supplier<Node>> viewFactories, ObjectProperty<Theme> theme, ActivityCenter activities) {
        this.viewFactories = new EnumMap<>(viewFactories);
        this.theme = theme;
        getStyleClass().add("main-window");
        setLeft(sidebar());
        offlineBanner.setId("offline-banner");
        offlineBanner.getStyleClass().add("offline-banner");
        offlineBanner.setWrapText(true);
        offlineBanner.setMaxWidth(Double.MAX_VALUE);
        offlineBanner.setVisible(false);
        offlineBanner.managedProperty().bind(offlineBanner.visibleProperty());
        setCenter(new VBox(offlineBanner, header(), content));
        VBox.setVgrow(content, Priority.ALWAYS);
        content.getStyleClass().add("area-content");
        activityPanel = new ActivityPanel(activities, () -> activityButton.setSelected(false));
        statusBar.addActivityButton(activityButton(activities));
        setBottom(statusBar);
        show(Area.MARKETPLACE);
    }

    /**
     * Shows the networks' state: in the status bar always, and as a banner while the chain does not answer,
     * saying that browsing goes on from the cache. Call on the JavaFX thread.
     */
    public void showStatus(NetworkStatus status) {
        statusBar.show(status);
        boolean offline = !status.chainOnline() && status.ipfs() != NetworkStatus.ContentStoreState.STARTING;
        offlineBanner.setVisible(offline);
        if (offline) {
            offlineBanner.setText(status.detail().startsWith("The network did not start")
                    ? status.detail()
                    : "You are offline: the chain's RPC endpoint is not answering. Browsing goes on from this "
                    + "computer's cache; buying, publishing and delivering wait until it answers again.");
        }
    }

    /** The status bar, for whoever feeds it. */
    public StatusBar statusBar() {
        return statusBar;
    }

    /** Switches to {@code area}. */
    public void show(Area area) {
        heading.setText(area.title());
        Node view = views.computeIfAbsent(area, a -> viewFactories.get(a).get());
        content.getChildren().setAll(view);
        navigation.getToggles().stream()
                .filter(t -> t.getUserData() == area)
                .findFirst()
                .ifPresent(t -> t.setSelected(true));
    }

    /** Opens or closes the activity panel, as the status bar's button does. */
    public void showActivity(boolean shown) {
        activityButton.setSelected(shown);
    }

    /** "2 running": the status bar's way into the activity panel, which keeps the window uncluttered until asked. */
    private ToggleButton activityButton(ActivityCenter activities) {
        activityButton.setId("activity-button");
        activityButton.getStyleClass().addAll("flat", "small", "activity-button");
        activityButton.setGraphic(new FontIcon(MaterialDesignP.PROGRESS_UPLOAD));
        var count = ActivityPanel.count(activities);
        activityButton.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> count.get() == 0 ? "Nothing running" : count.get() + " running", count));
        count.addListener((obs, old, now) -> activityButton.pseudoClassStateChanged(BUSY, now.intValue() > 0));
        activityButton.setTooltip(new Tooltip("Uploads, downloads and transactions running now"));
        activityButton.selectedProperty().addListener((obs, old, shown) -> setRight(shown ? activityPanel : null));
        return activityButton;
    }

    private static final javafx.css.PseudoClass BUSY = javafx.css.PseudoClass.getPseudoClass("busy");

    /** The theme in use. */
    public Theme theme() {
        return theme.get();
    }

    /** Switches to {@code chosen}, as the header's switch does. */
    public void useTheme(Theme chosen) {
        theme.set(chosen);
    }

    private Node sidebar() {
        Label brand = new Label("Datagora");
        brand.getStyleClass().addAll("brand", "title-3");
        VBox items = new VBox(4, brand);
        items.getStyleClass().add("sidebar");
        for (Area area : Area.values()) {
            ToggleButton button = new ToggleButton(area.title(), new FontIcon(area.icon()));
            button.setId(area.navigationId());
            button.setUserData(area);
            button.setToggleGroup(navigation);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.getStyleClass().add("nav-item");
            button.setOnAction(e -> show(area));
            items.getChildren().add(button);
        }
        // A selected area stays selected when its button is clicked again.
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        return items;
    }

    private Node header() {
        heading.getStyleClass().add("title-2");
        heading.setId("area-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button themeSwitch = new Button(null, new FontIcon(MaterialDesignT.THEME_LIGHT_DARK));
        themeSwitch.setId("theme-switch");
        themeSwitch.getStyleClass().addAll("flat", "button-icon");
        themeSwitch.setTooltip(new Tooltip("Switch between the light and the dark theme"));
        themeSwitch.setOnAction(e -> theme.set(theme.get().toggled()));
        HBox header = new HBox(heading, spacer, themeSwitch);
        header.getStyleClass().add("area-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }
}
