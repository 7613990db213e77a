package org.datagora.app.ui.market;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.datagora.app.ui.common.Dgt;
import org.datagora.storage.cache.Listing;

/** One row of the marketplace list: title and tags on the left, price and license on the right. */
final class ListingCell extends ListCell<Listing> {

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label price = new Label();
    private final Label license = new Label();
    private final HBox row;

    ListingCell() {
        getStyleClass().add("listing-cell");
        title.getStyleClass().add("listing-title");
        subtitle.getStyleClass().add("text-muted");
        price.getStyleClass().add("listing-price");
        license.getStyleClass().add("text-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        VBox left = new VBox(2, title, subtitle);
        VBox right = new VBox(2, price, license);
        right.setAlignment(Pos.CENTER_RIGHT);
        row = new HBox(12, left, spacer, right);
        row.setAlignment(Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(Listing listing, boolean empty) {
        super.updateItem(listing, empty);
        if (empty || listing == null) {
            setGraphic(null);
            return;
        }
        title.setText(listing.title() == null || listing.title().isBlank() ? "Listing #" + listing.listingId()
                : listing.title());
        String tags = String.join(", ", listing.tagList());
        String rating = listing.ratingCount() == 0 ? "no ratings yet"
                : String.format("★ %.1f (%d)", listing.rating(), listing.ratingCount());
        subtitle.setText((tags.isEmpty() ? "" : tags + " · ") + rating);
        price.setText(Dgt.format(listing.price()));
        license.setText(listing.license());
        setGraphic(row);
    }
}
