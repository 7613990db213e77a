package org.datagora.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import org.datagora.storage.cid.Cid;
import org.junit.jupiter.api.Test;

class CarHeaderTest {

    private static final Cid HELLO = Cid.parse("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
    private static final Cid PATTERN = Cid.parse("bafybeiclphklsx6bfzfb5aezogjldbkeicyyvma6wrfnielfg7haplwahy");

    @Test
    void theHeaderIsByteForByteWhatAnIpfsNodeWrites() {
        // The header js-ipfs's dag/export wrote for the CID of "hello world\n".
        String fromNode = "a265726f6f747381d82a58250001551220a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447"
                + "6776657273696f6e01";
        assertThat(HexFormat.of().formatHex(CarHeader.encode(List.of(HELLO)))).isEqualTo(fromNode);
    }

    @Test
    void severalRootsRoundTrip() throws Exception {
        assertThat(CarHeader.decodeRoots(CarHeader.encode(List.of(HELLO, PATTERN)))).containsExactly(HELLO, PATTERN);
    }

    @Test
    void keysInAnotherOrderAreAccepted() throws Exception {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.writeBytes(HexFormat.of().parseHex("a26776657273696f6e01" + "65726f6f747381d82a5825"));
        header.writeBytes(new byte[] {0});
        header.writeBytes(HELLO.toBytes());
        assertThat(CarHeader.decodeRoots(header.toByteArray())).containsExactly(HELLO);
    }

    @Test
    void otherVersionsAndMalformedHeadersAreRefused() {
        byte[] versionTwo = CarHeader.encode(List.of(HELLO));
        versionTwo[versionTwo.length - 1] = 2;
        assertThatThrownBy(() -> CarHeader.decodeRoots(versionTwo))
                .isInstanceOf(CarFormatException.class).hasMessageContaining("version 2");
        byte[] cut = java.util.Arrays.copyOf(CarHeader.encode(List.of(HELLO)), 20);
        assertThatThrownBy(() -> CarHeader.decodeRoots(cut))
                .isInstanceOf(CarFormatException.class).hasMessageContaining("ends too early");
    }
}
