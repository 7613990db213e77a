package org.datagora.storage.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CidCalculatorTest {

    private static final byte[] HELLO = "hello world\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] mebibyteOfCounter() {
        byte[] bytes = new byte[1 << 20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i & 0xff);
        }
        return bytes;
    }

    @Test
    void helloWorldMatchesIpfsReferenceValues() throws IOException {
        assertThat(CidCalculator.of(HELLO).toString())
                .isEqualTo("bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4");
        assertThat(CidCalculator.of(new ByteArrayInputStream(HELLO), UnixFsLayout.CID_V0).toString())
                .isEqualTo("QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o");
    }

    @Test
    void oneMebibyteMatchesIpfsReferenceValues() throws IOException {
        byte[] data = mebibyteOfCounter();
        assertThat(CidCalculator.of(data).toString())
                .isEqualTo("bafybeiclphklsx6bfzfb5aezogjldbkeicyyvma6wrfnielfg7haplwahy");
        assertThat(CidCalculator.of(new ByteArrayInputStream(data), UnixFsLayout.CID_V0).toString())
                .isEqualTo("QmNVwWg6N5yixbSukgRFyXez5HdRY52RhEbg823ejW3cHn");
    }

    @Test
    void emptyInputIsOneEmptyLeaf() throws IOException {
        assertThat(CidCalculator.of(new byte[0]).toString())
                .isEqualTo("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
        assertThat(CidCalculator.of(new ByteArrayInputStream(new byte[0]), UnixFsLayout.CID_V0).toString())
                .isEqualTo("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
    }

    @Test
    void resultDoesNotDependOnHowTheStreamIsSliced() {
        byte[] data = mebibyteOfCounter();
        data[700_000] = 42; // make the leaves differ so leaf order matters
        Cid whole = CidCalculator.of(data);
        CidCalculator calculator = new CidCalculator();
        int position = 0;
        int step = 1;
        while (position < data.length) {
            int n = Math.min(step, data.length - position);
            calculator.update(data, position, n);
            position += n;
            step = step * 3 + 1;
        }
        assertThat(calculator.finish()).isEqualTo(whole);
    }

    @Test
    void reportsEveryBlockWithItsCidLeavesFirstRootLast() {
        byte[] data = mebibyteOfCounter();
        List<Cid> blocks = new ArrayList<>();
        CidCalculator calculator = new CidCalculator(UnixFsLayout.CID_V1, (cid, bytes, offset, length) -> {
            java.security.MessageDigest sha;
            try {
                sha = java.security.MessageDigest.getInstance("SHA-256");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            sha.update(bytes, offset, length);
            assertThat(sha.digest()).isEqualTo(cid.digest());
            blocks.add(cid);
        });
        calculator.update(data, 0, data.length);
        Cid root = calculator.finish();
        assertThat(blocks).hasSize(5);
        assertThat(blocks.get(4)).isEqualTo(root);
        assertThat(blocks.subList(0, 4)).allMatch(cid -> cid.codec() == Cid.RAW);
    }

    @Test
    void deepTreesReduceTheLastPartialBatchOnEveryLevel() {
        // With 4-byte chunks and 3 links per node, 10 leaves make a three-level tree whose right edge
        // has a parent with a single child, the shape that 174*174+1 real chunks would have.
        UnixFsLayout tiny = new UnixFsLayout(4, 3, 1);
        List<Cid> parents = new ArrayList<>();
        CidCalculator calculator = new CidCalculator(tiny, (cid, bytes, offset, length) -> {
            if (cid.codec() == Cid.DAG_PB) {
                parents.add(cid);
            }
        });
        byte[] data = new byte[40];
        calculator.update(data, 0, data.length);
        calculator.finish();
        // Level 1: ceil(10/3) = 4 parents; level 2: ceil(4/3) = 2; level 3: the root.
        assertThat(parents).hasSize(7);
    }

    @Test
    void verifyingStreamPassesMatchingBytesAndRejectsOthers() throws IOException {
        Cid expected = CidCalculator.of(HELLO);
        try (InputStream in = new CidVerifyingInputStream(new ByteArrayInputStream(HELLO), expected)) {
            assertThat(in.readAllBytes()).isEqualTo(HELLO);
        }
        byte[] tampered = HELLO.clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> CidVerifyingInputStream.verify(new ByteArrayInputStream(tampered), expected))
                .isInstanceOf(CidMismatchException.class)
                .hasMessageContaining(expected.toString())
                .hasMessageContaining("does not match its content identifier");
        byte[] truncated = java.util.Arrays.copyOf(HELLO, HELLO.length - 1);
        assertThatThrownBy(() -> CidVerifyingInputStream.verify(new ByteArrayInputStream(truncated), expected))
                .isInstanceOf(CidMismatchException.class);
    }

    @Test
    void verifyingStreamChecksCidV0AgainstV0Layout() throws IOException {
        Cid v0 = Cid.parse("QmNVwWg6N5yixbSukgRFyXez5HdRY52RhEbg823ejW3cHn");
        CidVerifyingInputStream.verify(new ByteArrayInputStream(mebibyteOfCounter()), v0);
    }
}
