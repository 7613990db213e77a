package org.datagora.app.ui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.config.Settings;
import org.datagora.app.ui.common.SessionBound;
import org.datagora.app.ui.labeling.LabelingView;
import org.datagora.app.ui.market.MarketplaceView;
import org.datagora.app.ui.mydata.MyDataView;
import org.datagora.app.ui.purchases.PurchasesView;
import org.datagora.app.ui.samples.SampleOffer;
import org.datagora.app.ui.common.ActivityCenter;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.app.ui.main.Area;
import org.datagora.app.ui.main.MainWindow;
import org.datagora.app.ui.onboarding.OnboardingView;
import org.datagora.app.ui.onboarding.UnlockView;
import org.datagora.app.ui.settings.SettingsView;
import org.datagora.app.ui.wallet.WalletView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Launched by {@code Main} it wires its own services and starts the local
 * sandbox; tests hand it services that are already connected.
 */
public final class DatagoraApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DatagoraApplication.class);

    private AppServices services;
    private boolean ownsServices;

    /** Used by {@link Application#launch}: the services are made in {@link #init()}. */
    public DatagoraApplication() {
    }

    /** Uses services that someone else made and will close. */
    public DatagoraApplication(AppServices services) {
        this.services = services;
    }

    @Override
    public void init() {
        if (services == null) {
            String dataDir = getParameters().getNamed().get("data-dir");
            DataDirectory directory = dataDir == null
                    ? DataDirectory.fromEnvironment(System.getenv()) : new DataDirectory(Path.of(dataDir).toAbsolutePath());
            services = new AppServices(directory);
            ownsServices = true;
        }
    }

    @Override
    public void start(Stage stage) {
        ObjectProperty<Theme> theme = new SimpleObjectProperty<>(
                services.settings().load().theme() == Settings.ThemeChoice.DARK ? Theme.DARK : Theme.LIGHT);
        theme.get().apply();
        ActivityCenter activities = new ActivityCenter();
        FxBackground background = new FxBackground(services.executors().workers(), activities);
        // One theme for the whole app: the header's switch and Settings both set it; it is applied and kept.
        theme.addListener((obs, old, now) -> {
            now.apply();
            Settings.ThemeChoice choice = Settings.ThemeChoice.valueOf(now.name());
            background.run(() -> {
                Settings saved = services.settings().load();
                if (saved.theme() != choice) {
                    services.settings().save(saved.withTheme(choice));
                }
                return choice;
            }).onError(error -> LOG.warn("The theme could not be saved", error)).start();
        });
        Scene scene = new Scene(new Region(), 1180, 760);
        scene.setRoot(firstScreen(scene, theme, background));
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Datagora");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(
                    DatagoraApplication.class.getResource("/assets/icons/datagora-" + size + ".png").toExternalForm()));
        }
        stage.setMinWidth(860);
        stage.setMinHeight(560);
        stage.show();
        if (ownsServices) {
            // SIGTERM skips Application.stop(); the hook still stops the nodes and releases the sandbox.
            Runtime.getRuntime().addShutdownHook(new Thread(services::close, "datagora-shutdown"));
            services.startConfiguredNetwork(step -> LOG.info("{}", step)).exceptionally(error -> {
                LOG.error("The network did not start", error);
                Throwable cause = error.getCause() == null ? error : error.getCause();
                services.networkStatus().reportStartFailure("The network did not start: " + cause.getMessage());
                return null;
            });
        }
    }

    /**
     * The main window when a wallet is open already (tests prepare one through the wallet service);
     * otherwise onboarding on the first run, or the unlock screen when wallets exist.
     */
    private Parent firstScreen(Scene scene, ObjectProperty<Theme> theme, FxBackground background) {
        if (services.wallets().active().isPresent()) {
            return mainWindow(theme, background);
        }
        Runnable open = () -> scene.setRoot(mainWindow(theme, background));
        return services.wallets().hasWallets() ? new UnlockView(services.wallets(), background, open)
                : new OnboardingView(services.wallets(), background, open);
    }

    private MainWindow mainWindow(ObjectProperty<Theme> theme, FxBackground background) {
        MainWindow window = new MainWindow(views(background, theme), theme, background.activities());
        services.networkStatus().addListener(status -> Platform.runLater(() -> window.showStatus(status)));
        return window;
    }

    @Override
    public void stop() {
        if (ownsServices) {
            services.close();
        }
    }

    private Map<Area, Supplier<Node>> views(FxBackground background, ObjectProperty<Theme> theme) {
        Map<Area, Supplier<Node>> views = new EnumMap<>(Area.class);
        views.put(Area.MARKETPLACE, () -> new SessionBound(services.sessions(), MaterialDesignS.STOREFRONT_OUTLINE,
                session -> new SampleOffer(new MarketplaceView(session, background), session, services::samples, background)));
        views.put(Area.MY_DATA, () -> new SessionBound(services.sessions(), MaterialDesignD.DATABASE_OUTLINE,
                session -> new MyDataView(session, background)));
        views.put(Area.PURCHASES, () -> new SessionBound(services.sessions(), MaterialDesignS.SHOPPING_OUTLINE,
                session -> new PurchasesView(session, background)));
        views.put(Area.LABELING, () -> new SessionBound(services.sessions(), MaterialDesignT.TAG_OUTLINE,
                session -> new LabelingView(session, background)));
        views.put(Area.WALLET, () -> new WalletView(services.wallets(), services.chain(), background));
        views.put(Area.SETTINGS, () -> new SettingsView(services, theme, choice -> theme.set(Theme.valueOf(choice.name()))));
        return views;
    }
}
