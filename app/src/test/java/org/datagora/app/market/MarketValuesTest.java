package org.datagora.app.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.datagora.storage.cache.ListingMetadata;
import org.junit.jupiter.api.Test;

/** The values the marketplace services show and store: licenses, DGT amounts, the metadata document. */
class MarketValuesTest {

    @Test
    void licensesMapToStableIdsAndCustomOnesToZero() {
        assertThat(Licenses.idOf("CC0-1.0")).isEqualTo(1);
        assertThat(Licenses.idOf("cc-by-4.0")).isEqualTo(2);
        assertThat(Licenses.spdxOf(Licenses.idOf("ODbL-1.0"))).contains("ODbL-1.0");
        assertThat(Licenses.idOf("Our own research license")).isEqualTo(Licenses.CUSTOM);
        assertThat(Licenses.canonical("mit")).isEqualTo("MIT");
        assertThat(Licenses.canonical(" Our own license ")).isEqualTo("Our own license");
    }

    @Test
    void amountsOfDgtReadAndPrintExactly() {
        assertThat(TokenAmounts.parse("2.5")).isEqualTo(new BigInteger("2500000000000000000"));
        assertThat(TokenAmounts.format(new BigInteger("62500000000000000"))).isEqualTo("0.0625 DGT");
        assertThat(TokenAmounts.format(BigInteger.ZERO)).isEqualTo("0 DGT");
        assertThatThrownBy(() -> TokenAmounts.parse("0.0000000000000000001")).hasMessageContaining("at most 18 decimals");
        assertThatThrownBy(() -> TokenAmounts.parse("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMetadataIsCroissantJsonLdThatTheCacheAndTheBuyerCanRead() {
        DatasetMetadata metadata = new DatasetMetadata("Birds", "Bird songs", List.of("audio", "birds"), "CC-BY-4.0",
                2, "bafycontent", 1234, List.of(new DatasetMetadata.FileEntry("birds/a.wav", 1000, "ab".repeat(32))),
                "0x" + "cd".repeat(32), Optional.of("bafypreview"), Optional.of("sample.wav"));
        byte[] json = metadata.toJson();
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).contains("\"@type\" : \"sc:Dataset\"").contains("http://mlcommons.org/croissant/1.0")
                .contains("\"cr:FileObject\"").contains("ipfs://bafycontent")
                .contains("https://spdx.org/licenses/CC-BY-4.0.html");
        assertThat(DatasetMetadata.parse(json)).isEqualTo(metadata);
        ListingMetadata searchable = ListingMetadata.parse(json);
        assertThat(searchable.title()).isEqualTo("Birds");
        assertThat(searchable.tags()).containsExactly("audio", "birds");
    }

    @Test
    void contributorSharesAreCheckedBeforeAnythingIsUploaded() {
        PublishRequest.ContributorShare sixty = new PublishRequest.ContributorShare("0x" + "11".repeat(20), 6_000);
        PublishRequest.ContributorShare fifty = new PublishRequest.ContributorShare("0x" + "22".repeat(20), 5_000);
        assertThatThrownBy(() -> new PublishRequest(Path.of("data"), "Title", "", List.of(), "MIT", BigInteger.ONE,
                Optional.empty(), List.of(sixty, fifty), null)).hasMessageContaining("more than 100%");
        assertThatThrownBy(() -> new PublishRequest(Path.of("data"), "Title", "", List.of(), "MIT", BigInteger.ONE,
                Optional.empty(), List.of(new PublishRequest.ContributorShare("alice", 10)), null))
                .hasMessageContaining("is not an address");
        assertThat(new PublishRequest(Path.of("data"), "Title", "", List.of(), "MIT", BigInteger.ONE,
                Optional.empty(), List.of(sixty), null).deliveryWindow()).isEqualTo(PublishRequest.DEFAULT_DELIVERY_WINDOW);
    }
}
