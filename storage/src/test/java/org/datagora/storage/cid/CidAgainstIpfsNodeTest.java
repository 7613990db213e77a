package org.datagora.storage.cid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.datagora.storage.dataset.GeneratedData;
import org.datagora.storage.ipfs.AddResult;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNodeExtension;
import org.datagora.storage.ipfs.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java CID equals the CID a real IPFS node (js-ipfs, {@code add --cid-version=1 --raw-leaves}) gives the
 * same bytes, for 20 inputs from 0 to 50 MiB: edge sizes around one chunk, exactly 174 chunks (one full
 * inner node), 175 chunks (a second tree level), 50 MiB, and log-uniformly random sizes that are not
 * multiples of 256 KiB. Trees of three levels (over 174 * 174 chunks, 7.4 GiB with 256 KiB chunks) were
 * checked by hand against the node with 16-byte chunks; see docs/dataset-format.md.
 * Data is generated on the fly with distinct leaves, so leaf order matters.
 */
@ExtendWith(IpfsNodeExtension.class)
class CidAgainstIpfsNodeTest {

    private static final int CHUNK = 256 * 1024;
    private static final long MAX = 50L << 20;

    private final IpfsClient ipfs;

    CidAgainstIpfsNodeTest(IpfsClient ipfs) {
        this.ipfs = ipfs;
    }

    static List<Long> sizes() {
        List<Long> sizes = new ArrayList<>(List.of(0L, 1L, CHUNK - 1L, (long) CHUNK, CHUNK + 1L,
                174L * CHUNK, 174L * CHUNK + 1, MAX));
        Random random = new Random(20);
        while (sizes.size() < 20) {
            // Log-uniform: every order of magnitude up to 50 MiB gets inputs, and the run stays short.
            long size = (long) Math.exp(random.nextDouble() * Math.log(MAX));
            if (size % CHUNK != 0) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    @Test
    void javaCidEqualsTheNodesCidForTwentyInputsUpTo50MiB() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int seed = 0;
        for (long size : sizes()) {
            seed++;
            Cid java;
            try (InputStream in = new GeneratedData(size, seed)) {
                java = CidCalculator.of(in);
            }
            AddResult added;
            try (InputStream in = new GeneratedData(size, seed)) {
                added = ipfs.add(in, false, ProgressListener.NONE);
            }
            if (!Cid.parse(added.cid()).equals(java)) {
                mismatches.add(size + " bytes: node " + added.cid() + ", Java " + java);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void bytesFetchedFromTheNodeAreVerifiedAgainstTheirCid() throws IOException {
        long size = 3L * CHUNK + 17;
        AddResult added;
        try (InputStream in = new GeneratedData(size, 99)) {
            added = ipfs.add(in, true, ProgressListener.NONE);
        }
        Cid cid = Cid.parse(added.cid());
        try (InputStream in = ipfs.cat(added.cid())) {
            CidVerifyingInputStream.verify(in, cid);
        }
        // The node's bytes for another CID are refused when presented as this one.
        AddResult other;
        try (InputStream in = new GeneratedData(size, 100)) {
            other = ipfs.add(in, true, ProgressListener.NONE);
        }
        assertThatThrownBy(() -> {
            try (InputStream in = ipfs.cat(other.cid())) {
                CidVerifyingInputStream.verify(in, cid);
            }
        }).isInstanceOf(CidMismatchException.class).hasMessageContaining(cid.toString());
    }
}
