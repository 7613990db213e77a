package org.datagora.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyCommitmentTest {

    private static final String COMMITMENT =
            "0x203fe4f97798dd2cc4011036ec9295356484e2289917cb99f1695a9a8abc00b1";
    private static final DatasetKey KEY = DatasetKey.fromBytes(HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));

    @Test
    void isAFixedDomainSeparatedHashOfTheKey() {
        // Pinned: listings on chain store this value; the definition must never drift.
        assertThat(KeyCommitment.of(KEY).toHex()).isEqualTo(COMMITMENT);
        assertThat(KeyCommitment.fromHex(COMMITMENT).matches(KEY)).isTrue();
    }


    @Test
    void anotherKeyDoesNotMatch() {
        DatasetKey other = DatasetKey.generate(new SecureRandom());
        assertThat(KeyCommitment.of(KEY).matches(other)).isFalse();
        assertThat(KeyCommitment.of(KEY)).isNotEqualTo(KeyCommitment.of(other));
    }

    @Test
    void keysNeverShowUpInText() {
        assertThat(KEY.toString()).doesNotContain("0001020304");
        DatasetKey copy = DatasetKey.fromBytes(KEY.bytes());
        copy.destroy();
        assertThat(copy.isDestroyed()).isTrue();
    }
}
