package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.datagora.storage.crypto.DatasetKey;

/**
 * Encrypts a generated dataset to a container file, passes the container through a {@link CiphertextRelay},
 * decrypts what comes back and checks the SHA-256, all in whatever heap the JVM was given. Run as its own
 * JVM with -Xmx256m by {@link LowMemoryRoundTripTest}; prints one "OK ..." line and exits 0 on success.
 *
 * <p>Hook for the IPFS round trip: pass a relay that adds the container file to the node and returns
 * the node's {@code cat} stream of the returned CID wrapped in a CidVerifyingInputStream. The default
 * relay just reads the file back.
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

    /** Usage: LowMemoryRoundTrip WORK_DIR SIZE_BYTES. */
    public static void main(String[] args) throws IOException {
        Path work = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        try {
            System.out.println(run(work, size, LOCAL_FILE));
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
        try (OutputStream out = Files.newOutputStream(container)) {
            new DatasetEncryptor().encrypt(DatasetSource.ofStream("big.bin", size, () -> new GeneratedData(size, seed)),
                    key, out);
        }
        long t1 = System.nanoTime();
        Path target = work.resolve("decrypted");
        DatasetManifest manifest;
        try (InputStream in = relay.relay(container)) {
            manifest = new DatasetDecryptor().decrypt(in, key, target);
        }
        long t2 = System.nanoTime();
        Files.delete(container);
        byte[] expected = GeneratedData.sha256(size, seed);
        byte[] actual = DatasetRoundTripTest.sha256(target.resolve("big.bin"));
        Files.delete(target.resolve("big.bin"));
        if (!Arrays.equals(expected, actual) || !Arrays.equals(expected, manifest.files().get(0).sha256())) {
            throw new IllegalStateException("The decrypted bytes differ from the original");
        }
        return String.format("OK size=%d sha256=%s maxHeapMiB=%d encryptMBps=%.0f decryptMBps=%.0f", size,
                HexFormat.of().formatHex(actual), Runtime.getRuntime().maxMemory() >> 20,
                size / 1e6 / ((t1 - t0) / 1e9), size / 1e6 / ((t2 - t1) / 1e9));
    }
}
