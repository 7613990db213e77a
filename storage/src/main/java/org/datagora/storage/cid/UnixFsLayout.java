package org.datagora.storage.cid;

/**
 * How bytes are cut into a UnixFS file DAG: fixed-size chunks, a balanced tree with at most
 * {@code maxLinks} links per node, and CID version 1 with raw leaves or version 0 with dag-pb leaves.
 *
 * @param chunkSize bytes per leaf (IPFS default 262,144)
 * @param maxLinks  links per inner node (IPFS default 174)
 * @param cidVersion 1 for {@code ipfs add --cid-version=1 --raw-leaves}, 0 for plain {@code ipfs add}
 */
public record UnixFsLayout(int chunkSize, int maxLinks, int cidVersion) {

    /** What {@code ipfs add --cid-version=1 --raw-leaves} produces; the layout Datagora publishes with. */
    public static final UnixFsLayout CID_V1 = new UnixFsLayout(256 * 1024, 174, 1);
    /** What a plain {@code ipfs add} produces (CIDv0, "Qm..."). */
    public static final UnixFsLayout CID_V0 = new UnixFsLayout(256 * 1024, 174, 0);

    public UnixFsLayout {
        if (chunkSize < 1 || maxLinks < 2 || (cidVersion != 0 && cidVersion != 1)) {
            throw new IllegalArgumentException("Invalid UnixFS layout: chunk size " + chunkSize
                    + ", max links " + maxLinks + ", CID version " + cidVersion);
        }
    }

    /** The layout that produces CIDs of this CID's version with IPFS's default chunking. */
    public static UnixFsLayout defaultFor(Cid cid) {
        return cid.version() == 0 ? CID_V0 : CID_V1;
    }
}
