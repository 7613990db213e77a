package org.datagora.storage.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdaptiveRangeTest {
    @Test
    void growsOnSuccessUpToTheMaximumAndHalvesOnRefusalDownToOneBlock() {
        AdaptiveRange range = new AdaptiveRange(500, 2_000);
        range.succeeded();
        assertThat(range.size()).isEqualTo(1_000);
        range.succeeded();
        range.succeeded();
        assertThat(range.size()).isEqualTo(2_000);
        for (int i = 0; i < 10; i++) {
            range.refused();
        }
        assertThat(range.size()).isEqualTo(1);
        assertThat(range.refused()).isFalse();
    }
}
