package org.datagora.storage.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.datagora.storage.cid.Cid;

/**
 * Reads a CAR v1 stream block by block, in constant memory, and refuses any block whose bytes do not hash
 * to its CID, so nothing unverified leaves the reader.
 */
public final class CarReader {

    /** Larger than any block IPFS makes (its limit is 2 MiB) and small enough to bound memory. */
    static final int MAX_SECTION = 4 * 1024 * 1024;
    private static final int MAX_HEADER = 64 * 1024;

    private final InputStream in;
    private final List<Cid> roots;
    private final MessageDigest sha256;
    private long blocks;

    /** Reads the header at once; fails with {@link CarFormatException} when it is not CAR v1. */
    public CarReader(InputStream in) throws IOException {
        this.in = in;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        long headerLength = readVarint(true).orElseThrow(() -> new CarFormatException("The CAR file is empty"));
        if (headerLength <= 0 || headerLength > MAX_HEADER) {
            throw new CarFormatException("This is not a CAR file (header length " + headerLength + ")");
        }
        this.roots = CarHeader.decodeRoots(readFully((int) headerLength));
    }

    /** The root CIDs the header names. */
    public List<Cid> roots() {
        return roots;
    }

    /** The next block, checked against its CID, or empty at the end of the stream. */
    public Optional<Block> next() throws IOException {
        Optional<Long> sectionLength = readVarint(true);
        if (sectionLength.isEmpty()) {
            return Optional.empty();
        }
        long length = sectionLength.get();
        if (length <= 0 || length > MAX_SECTION) {
            throw new CarFormatException("Block " + (blocks + 1) + " of the CAR file has an impossible length "
                    + length);
        }
        byte[] section = readFully((int) length);
        int cidLength = cidLength(section);
        Cid cid;
        try {
            cid = Cid.fromBytes(Arrays.copyOfRange(section, 0, cidLength));
        } catch (IllegalArgumentException e) {
            throw new CarFormatException("Block " + (blocks + 1) + " of the CAR file has an invalid CID: "
                    + e.getMessage(), e);
        }
        byte[] data = Arrays.copyOfRange(section, cidLength, section.length);
        if (!MessageDigest.isEqual(sha256.digest(data), cid.digest())) {
            throw new CarFormatException("Block " + cid + " in the CAR file does not match its CID: the file is"
                    + " damaged or was tampered with");
        }
        blocks++;
        return Optional.of(new Block(cid, data));
    }

    /** The length of the CID at the start of a section: 34 for CIDv0, else the varints plus the digest. */
    private int cidLength(byte[] section) throws CarFormatException {
        if (section.length >= 34 && section[0] == 0x12 && section[1] == 0x20) {
            return 34;
        }
        int position = 0;
        long hashLength = 0;
        for (int field = 0; field < 4; field++) {
            long value = 0;
            int shift = 0;
            while (true) {
                if (position >= section.length || shift > 28) {
                    throw new CarFormatException("Block " + (blocks + 1) + " of the CAR file has a damaged CID");
                }
                int b = section[position++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                shift += 7;
                if (b < 0x80) {
                    break;
                }
            }
            hashLength = value;
        }
        if (position + hashLength > section.length) {
            throw new CarFormatException("Block " + (blocks + 1) + " of the CAR file has a damaged CID");
        }
        return position + (int) hashLength;
    }

    private Optional<Long> readVarint(boolean endAllowed) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.read();
            if (b < 0) {
                if (shift == 0 && endAllowed) {
                    return Optional.empty();
                }
                throw new CarFormatException("The CAR file ends in the middle of a length");
            }
            value |= (long) (b & 0x7f) << shift;
            if (b < 0x80) {
                return Optional.of(value);
            }
        }
        throw new CarFormatException("The CAR file holds an overlong length");
    }

    private byte[] readFully(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new CarFormatException("The CAR file is truncated", new EOFException());
        }
        return bytes;
    }

    /**
     * A verified block.
     *
     * @param cid the block's CID
     * @param data the block's bytes, which hash to {@code cid}
     */
    public record Block(Cid cid, byte[] data) {
    }
}
