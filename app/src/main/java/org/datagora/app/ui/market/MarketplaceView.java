package org.datagora.app.ui.market;

import java.math.BigInteger;
import java.util.List;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.RangeSlider;
import org.datagora.app.session.WalletSession;
import org.datagora.app.ui.common.EmptyState;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SearchPage;
import org.datagora.storage.cache.SearchQuery;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The buyer's marketplace: search, filters and sort over the local cache (fast at 100,000 listings, and
 * offline), the chosen listing's details, and buying it.
 */
public final class MarketplaceView extends BorderPane {

    /** How far the price slider reaches, in whole DGT. */
    static final double MAX_PRICE_DGT = 1_000;
    private static final int PAGE_SIZE = SearchQuery.MAX_PAGE_SIZE;

    private final WalletSession session;
    private final FxBackground background;
    private final TextField search = new TextField();
    private final CheckComboBox<String> tags = new CheckComboBox<>();
    private final RangeSlider price = new RangeSlider(0, MAX_PRICE_DGT, 0, MAX_PRICE_DGT);
    private final Label priceLabel = new Label();
    private final ComboBox<SearchQuery.Sort> sort = new ComboBox<>(FXCollections.observableArrayList(SearchQuery.Sort.values()));
    private final ListView<Listing> results = new ListView<>();
    private final Label count = new Label();
    private final ListingDetailPane detail;

    private final EmptyState nothingListed = new EmptyState(MaterialDesignS.STOREFRONT_OUTLINE,
            "Nothing is listed yet", "Datasets appear here as soon as someone lists one. Publish your own under My data.");
    private final EmptyState nothingMatches = new EmptyState(MaterialDesignS.STOREFRONT_OUTLINE,
            "No datasets found", "Nothing listed matches. Clear the search or the filters to see every dataset.");

    public MarketplaceView(WalletSession session, FxBackground background) {
        this.session = session;
        this.background = background;
        this.detail = new ListingDetailPane(session, background);
        getStyleClass().add("marketplace-view");
        search.setId("market-search");
        search.setPromptText("Search titles, descriptions and tags");
        HBox.setHgrow(search, Priority.ALWAYS);
        tags.setId("market-tags");
        tags.setTitle("Tags");
        price.setId("market-price");
        price.setShowTickLabels(false);
        price.setPrefWidth(160);
        sort.setId("market-sort");
        sort.getSelectionModel().select(SearchQuery.Sort.NEWEST);
        sort.setConverter(new SortNames());
        HBox filters = new HBox(10, search, tags, new VBox(2, priceLabel, price), sort);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(0, 0, 10, 0));
        setTop(filters);

        results.setId("market-results");
        results.setCellFactory(list -> new ListingCell());
        results.setPlaceholder(nothingListed);
        count.getStyleClass().add("text-muted");
        count.setId("market-count");
        VBox left = new VBox(6, results, count);
        VBox.setVgrow(results, Priority.ALWAYS);
        SplitPane split = new SplitPane(left, detail);
        split.setDividerPositions(0.55);
        setCenter(split);

        search.textProperty().addListener((obs, old, now) -> refresh());
        tags.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> refresh());
        price.lowValueChangingProperty().addListener((obs, was, changing) -> { if (!changing) refresh(); });
        price.highValueChangingProperty().addListener((obs, was, changing) -> { if (!changing) refresh(); });
        price.lowValueProperty().addListener((obs, old, now) -> updatePriceLabel());
        price.highValueProperty().addListener((obs, old, now) -> updatePriceLabel());
        sort.valueProperty().addListener((obs, old, now) -> refresh());
        results.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> detail.show(now));
        session.onSynced(() -> javafx.application.Platform.runLater(this::refresh));
        updatePriceLabel();
        refresh();
    }

    /** Runs the search again with the current filters. */
    public void refresh() {
        SearchQuery query = query();
        background.run(() -> session.search().search(query)).onSuccess(this::show).start();
    }

    private SearchQuery query() {
        BigInteger low = dgt(price.getLowValue());
        BigInteger high = price.getHighValue() >= MAX_PRICE_DGT ? null : dgt(price.getHighValue());
        SearchQuery query = SearchQuery.all().withText(search.getText())
                .withTags(tags.getCheckModel().getCheckedItems().toArray(String[]::new))
                .withPriceRange(low.signum() == 0 ? null : low, high)
                .sortedBy(sort.getValue() == null ? SearchQuery.Sort.NEWEST : sort.getValue());
        return query.page(0, PAGE_SIZE);
    }

    private void show(SearchPage page) {
        Listing selected = results.getSelectionModel().getSelectedItem();
        boolean filtered = !search.getText().isBlank() || !tags.getCheckModel().getCheckedItems().isEmpty()
                || price.getLowValue() > 0 || price.getHighValue() < MAX_PRICE_DGT;
        results.setPlaceholder(filtered ? nothingMatches : nothingListed);
        results.getItems().setAll(page.listings());
        count.setText(page.listings().isEmpty() ? "" : page.listings().size() + (page.hasMore() ? "+" : "")
                + " datasets");
        TreeSet<String> known = new TreeSet<>(tags.getItems());
        page.listings().forEach(listing -> known.addAll(listing.tagList()));
        if (known.size() != tags.getItems().size()) {
            List<String> checked = List.copyOf(tags.getCheckModel().getCheckedItems());
            tags.getItems().setAll(known);
            checked.forEach(tags.getCheckModel()::check);
        }
        if (selected != null) {
            page.listings().stream().filter(l -> l.listingId() == selected.listingId()).findFirst()
                    .ifPresent(results.getSelectionModel()::select);
        }
    }

    private void updatePriceLabel() {
        String high = price.getHighValue() >= MAX_PRICE_DGT ? "any" : String.format("%.0f", price.getHighValue());
        priceLabel.setText(String.format("Price %.0f – %s DGT", price.getLowValue(), high));
        priceLabel.getStyleClass().setAll("label", "text-small", "text-muted");
    }

    private static BigInteger dgt(double whole) {
        return BigInteger.valueOf((long) Math.floor(whole)).multiply(BigInteger.TEN.pow(18));
    }

    /** Names of the sort orders as a person reads them. */
    private static final class SortNames extends javafx.util.StringConverter<SearchQuery.Sort> {
        @Override
        public String toString(SearchQuery.Sort sort) {
            if (sort == null) {
                return "";
            }
            return switch (sort) {
                case NEWEST -> "Newest";
                case PRICE_ASC -> "Price: low to high";
                case PRICE_DESC -> "Price: high to low";
                case RATING -> "Best rated";
            };
        }

        @Override
        public SearchQuery.Sort fromString(String text) {
            return SearchQuery.Sort.NEWEST;
        }
    }
}
