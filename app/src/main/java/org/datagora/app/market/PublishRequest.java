package org.datagora.app.market;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a seller fills in to publish a file or folder.
 *
 * @param source         the file or folder to publish
 * @param title          the listing's title
 * @param description    what the data is, for buyers
 * @param tags           search tags
 * @param license        an SPDX identifier from {@link Licenses}, or the name of a custom license
 * @param price          the price in DGT's smallest unit (wei)
 * @param preview        a public sample buyers may see before paying (stored unencrypted), if any
 * @param contributors   accounts paid a share of every sale, may be empty
 * @param deliveryWindow how long the seller's app has to deliver a key after a purchase
 */
public record PublishRequest(Path source, String title, String description, List<String> tags, String license,
                             BigInteger price, Optional<Path> preview, List<ContributorShare> contributors,
                             Duration deliveryWindow) {

    /** The delivery window when none is chosen: a day, so a seller's app offline overnight still delivers. */
    public static final Duration DEFAULT_DELIVERY_WINDOW = Duration.ofDays(1);

    public PublishRequest {
        Objects.requireNonNull(source, "source");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("Give the listing a title.");
        }
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        if (license == null || license.isBlank()) {
            throw new IllegalArgumentException("Choose a license (an SPDX identifier such as CC-BY-4.0, or a custom one).");
        }
        if (price == null || price.signum() < 0 || price.bitLength() > 96) {
            throw new IllegalArgumentException("The price must be zero or more DGT and below 2^96 wei.");
        }
        preview = preview == null ? Optional.empty() : preview;
        contributors = List.copyOf(contributors);
        int totalBps = 0;
        for (ContributorShare share : contributors) {
            if (share.account() == null || !org.web3j.crypto.WalletUtils.isValidAddress(share.account())) {
                throw new IllegalArgumentException("The contributor " + share.account() + " is not an address.");
            }
            if (share.shareBps() <= 0 || share.shareBps() > 10_000) {
                throw new IllegalArgumentException("A contributor's share is 1 to 10000 basis points (0.01% to 100%).");
            }
            totalBps += share.shareBps();
        }
        if (totalBps > 10_000) {
            throw new IllegalArgumentException("The contributors' shares add up to more than 100%.");
        }
        deliveryWindow = deliveryWindow == null ? DEFAULT_DELIVERY_WINDOW : deliveryWindow;
    }

    /** A request with no preview, no contributors and the default delivery window. */
    public static PublishRequest of(Path source, String title, String description, List<String> tags, String license,
                                    BigInteger price) {
        return new PublishRequest(source, title, description, tags, license, price, Optional.empty(), List.of(),
                DEFAULT_DELIVERY_WINDOW);
    }

    /** A contributor paid {@code shareBps} basis points of each sale after the fee. */
    public record ContributorShare(String account, int shareBps) {
    }
}
