package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.ipfs.AddResult;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNode;
import org.datagora.storage.ipfs.ProgressListener;

/**
 * Encrypts a generated dataset to a container file, passes the container through a {@link CiphertextRelay},
 * decrypts what comes back and checks the SHA-256, all in whatever heap the JVM was given. Run as its own
 * JVM with -Xmx256m by {@link LowMemoryRoundTripTest}; prints one "OK ..." line and exits 0 on success.
 *
 * <p>With "ipfs" as third argument the container travels through a real js-ipfs node started for the
 * run ({@link #viaIpfs}): added as a file, deleted locally, then streamed back with {@code cat} and verified
 * against its CID while it is decrypted. Without it the container file is read straight back.
 */
public final class LowMemoryRoundTrip {

    /** Carries the encrypted container from the seller's side to the buyer's side (e.g. via IPFS). */
    @FunctionalInterface
    public interface CiphertextRelay {
        InputStream relay(Path container) throws IOException;
    }

    /** Reads the container file straight back: the round trip without a network in between. */
    public static final CiphertextRelay LOCAL_FILE = Files::newInputStream;

    private LowMemoryRoundTrip() {
    }

    /** Uploads the container to IPFS, removes the local copy, and returns the node's verified stream. */
    public static CiphertextRelay viaIpfs(IpfsClient ipfs) {
        return container -> {
            AddResult added = ipfs.add(container, false, ProgressListener.NONE);
            Files.delete(container);
            return new CidVerifyingInputStream(ipfs.cat(added.cid()), Cid.parse(added.cid()));
        };
    }

    /** Usage: LowMemoryRoundTrip WORK_DIR SIZE_BYTES [ipfs]. */
    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        try {
            if (args.length > 2 && args[2].equals("ipfs")) {
                try (IpfsNode node = IpfsNode.start(work.resolve("ipfs-repo"))) {
                    System.out.println(run(work, size, viaIpfs(node.client())) + " via=ipfs");
                }
            } else {
                System.out.println(run(work, size, LOCAL_FILE) + " via=file");
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs the round trip in {@code work} and returns a one-line summary starting with "OK". */
    public static String run(Path work, long size, CiphertextRelay relay) throws IOException {
        long seed = 1_073_741_824L;
        DatasetKey key = DatasetKey.generate(new SecureRandom());
        Path container = work.resolve("dataset.dgds");
        long t0 = System.nanoTime();
        DatasetManifest original;
        try (OutputStream out = Files.newOutputStream(container)) {
            original = new DatasetEncryptor().encrypt(DatasetSource.ofStream("big.bin", size, () -> new GeneratedData(size, seed)),
                    key, out);
        }
        long t1 = System.nanoTime();
        Path target = work.resolve("decrypted");
        DatasetManifest manifest;
        try (InputStream in = relay.relay(container)) {
            manifest = new DatasetDecryptor().decrypt(in, key, target);
        }
        long t2 = System.nanoTime();
        Files.deleteIfExists(container);
        byte[] expected = GeneratedData.sha256(size, seed);
        byte[] actual = DatasetRoundTripTest.sha256(target.resolve("big.bin"));
        Files.delete(target.resolve("big.bin"));
        if (!Arrays.equals(expected, actual) || !manifest.equals(original)) {
            throw new IllegalStateException("The decrypted bytes differ from the original");
        }
        return String.format("OK size=%d sha256=%s maxHeapMiB=%d encryptMBps=%.0f relayAndDecryptMBps=%.0f", size,
                HexFormat.of().formatHex(actual), Runtime.getRuntime().maxMemory() >> 20,
                size / 1e6 / ((t1 - t0) / 1e9), size / 1e6 / ((t2 - t1) / 1e9));
    }
}
