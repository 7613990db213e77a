package org.datagora.storage.cid;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A content identifier: CIDv0 (a bare sha2-256 multihash of a dag-pb block) or CIDv1 (version, codec,
 * multihash). Only sha2-256 multihashes are accepted, since that is all IPFS's UnixFS importer produces.
 */
public final class Cid {

    /** Multicodec of a raw block (a UnixFS leaf with raw leaves). */
    public static final int RAW = 0x55;
    /** Multicodec of a dag-pb block (UnixFS inner nodes, and every block of a CIDv0 DAG). */
    public static final int DAG_PB = 0x70;
    /** Multihash code of sha2-256. */
    public static final int SHA2_256 = 0x12;

    private static final int DIGEST_LENGTH = 32;

    private final int version;
    private final int codec;
    private final byte[] digest;

    private Cid(int version, int codec, byte[] digest) {
        if (digest.length != DIGEST_LENGTH) {
            throw new IllegalArgumentException("A sha2-256 digest has 32 bytes, not " + digest.length);
        }
        if (version == 0 && codec != DAG_PB) {
            throw new IllegalArgumentException("A CIDv0 always names a dag-pb block");
        }
        this.version = version;
        this.codec = codec;
        this.digest = digest.clone();
    }

    /** A CIDv0 of the dag-pb block whose sha2-256 digest is given. */
    public static Cid v0(byte[] sha256) {
        return new Cid(0, DAG_PB, sha256);
    }

    /** A CIDv1 with the given codec and sha2-256 digest. */
    public static Cid v1(int codec, byte[] sha256) {
        return new Cid(1, codec, sha256);
    }

    /**
     * Parses a CID as IPFS prints it: CIDv0 ("Qm..."), or CIDv1 in multibase base32 ("b..." or "B...")
     * or base58btc ("z...", js-ipfs's default).
     */
    public static Cid parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            if (s.length() == 46 && s.startsWith("Qm")) {
                return fromBytes(Multibase.decodeBase58(s));
            }
            if (s.length() > 1 && (s.charAt(0) == 'b' || s.charAt(0) == 'B')) {
                return fromBytes(Multibase.decodeBase32(s.substring(1)));
            }
            if (s.length() > 1 && s.charAt(0) == 'z') {
                return fromBytes(Multibase.decodeBase58(s.substring(1)));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + s + "\" is not a valid CID: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("\"" + s + "\" is not a CID this app understands "
                + "(expected Qm..., b... (base32) or z... (base58btc))");
    }

    /** Decodes the binary form of a CID (a CIDv0 is the 34-byte multihash alone). */
    public static Cid fromBytes(byte[] bytes) {
        if (bytes.length == 34 && bytes[0] == SHA2_256 && bytes[1] == DIGEST_LENGTH) {
            return v0(Arrays.copyOfRange(bytes, 2, 34));
        }
        int[] position = {0};
        long version = Varint.read(bytes, position);
        if (version != 1) {
            throw new IllegalArgumentException("unsupported CID version " + version);
        }
        long codec = Varint.read(bytes, position);
        long hashCode = Varint.read(bytes, position);
        long hashLength = Varint.read(bytes, position);
        if (hashCode != SHA2_256 || hashLength != DIGEST_LENGTH) {
            throw new IllegalArgumentException("only sha2-256 multihashes are supported (got code 0x"
                    + Long.toHexString(hashCode) + ", length " + hashLength + ")");
        }
        if (bytes.length - position[0] != DIGEST_LENGTH) {
            throw new IllegalArgumentException("the digest length does not match the multihash header");
        }
        if (codec > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("codec out of range");
        }
        return v1((int) codec, Arrays.copyOfRange(bytes, position[0], bytes.length));
    }

    public int version() {
        return version;
    }

    public int codec() {
        return codec;
    }

    /** The sha2-256 digest of the block this CID names. */
    public byte[] digest() {
        return digest.clone();
    }

    /** The same block named by a CIDv1 (a CIDv0 becomes dag-pb CIDv1). */
    public Cid toV1() {
        return version == 1 ? this : v1(codec, digest);
    }

    /** The binary form: a bare multihash for CIDv0, version + codec + multihash for CIDv1. */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(36);
        if (version == 1) {
            Varint.write(out, 1);
            Varint.write(out, codec);
        }
        out.write(SHA2_256);
        out.write(DIGEST_LENGTH);
        out.write(digest, 0, DIGEST_LENGTH);
        return out.toByteArray();
    }

    /** CIDv0 in base58btc ("Qm..."), CIDv1 in multibase base32 ("b..."), as kubo prints them. */
    @Override
    public String toString() {
        return version == 0 ? Multibase.base58(toBytes()) : "b" + Multibase.base32(toBytes());
    }

    /** CIDv1 in multibase base58btc ("z..."), the form js-ipfs prints by default. */
    public String toBase58String() {
        return version == 0 ? toString() : "z" + Multibase.base58(toBytes());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cid that && version == that.version && codec == that.codec
                && Arrays.equals(digest, that.digest);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * version + codec) + Arrays.hashCode(digest);
    }
}
