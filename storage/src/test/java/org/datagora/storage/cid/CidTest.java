package org.datagora.storage.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CidTest {

    private static final String V1 = "bafybeiclphklsx6bfzfb5aezogjldbkeicyyvma6wrfnielfg7haplwahy";

    @Test
    void parsesAndPrintsBase32CidV1() {
        Cid cid = Cid.parse(V1);
        assertThat(cid.version()).isEqualTo(1);
        assertThat(cid.codec()).isEqualTo(Cid.DAG_PB);
        assertThat(cid.toString()).isEqualTo(V1);
        assertThat(Cid.parse(V1.toUpperCase())).isEqualTo(cid);
        assertThat(Cid.fromBytes(cid.toBytes())).isEqualTo(cid);
    }

    @Test
    void base58btcCidV1AsJsIpfsPrintsItIsTheSameCid() {
        Cid cid = Cid.parse(V1);
        String base58 = cid.toBase58String();
        assertThat(base58).startsWith("z");
        assertThat(Cid.parse(base58)).isEqualTo(cid);
    }

    @Test
    void cidV0RoundTripsAndConvertsToV1() {
        Cid v0 = Cid.parse("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
        assertThat(v0.version()).isZero();
        assertThat(v0.toString()).isEqualTo("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
        assertThat(v0.toBytes()).hasSize(34);
        assertThat(v0.toV1().toString()).startsWith("bafybei");
        assertThat(Cid.parse(v0.toV1().toString()).digest()).isEqualTo(v0.digest());
    }

    @Test
    void multibaseEncodingsRoundTripArbitraryBytes() {
        Random random = new Random(7);
        for (int length = 0; length < 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            if (length > 2) {
                bytes[0] = 0; // leading zeros are special in base58
            }
            assertThat(Multibase.decodeBase32(Multibase.base32(bytes))).isEqualTo(bytes);
            assertThat(Multibase.decodeBase58(Multibase.base58(bytes))).isEqualTo(bytes);
        }
        assertThat(Multibase.base32("foobar".getBytes())).isEqualTo("mzxw6ytboi");
        assertThat(Multibase.base58(HexFormat.of().parseHex("00000f"))).isEqualTo("11G");
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        assertThatThrownBy(() -> Cid.parse("hello"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a CID");
        assertThatThrownBy(() -> Cid.parse("bafy!!!"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a valid CID");
        assertThatThrownBy(() -> Cid.parse("b" + Multibase.base32(new byte[] {2, 0x55, 0x12, 0x20})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }
}
