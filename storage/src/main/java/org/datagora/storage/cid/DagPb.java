package org.datagora.storage.cid;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The two tiny protobuf messages a UnixFS file needs, written by hand because their layout is fixed:
 * dag-pb PBNode (links first, then data, as the dag-pb spec orders them) and UnixFS Data of type File.
 */
final class DagPb {

    /** A link from an inner node to a child: the child's CID, its cumulative DAG size, and its file bytes. */
    record Link(Cid cid, long dagSize, long fileSize) {
    }

    private static final int UNIXFS_FILE = 2;

    private DagPb() {
    }

    /** UnixFS Data {Type=File, Data=data (omitted when empty), filesize, blocksizes...}. */
    static byte[] unixFsFile(byte[] data, int offset, int length, List<Link> children) {
        long fileSize = length;
        for (Link link : children) {
            fileSize += link.fileSize();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16 + children.size() * 5);
        out.write(0x08);
        Varint.write(out, UNIXFS_FILE);
        if (length > 0) {
            out.write(0x12);
            Varint.write(out, length);
            out.write(data, offset, length);
        }
        out.write(0x18);
        Varint.write(out, fileSize);
        for (Link link : children) {
            // proto2 "repeated uint64" is not packed: one tag per value.
            out.write(0x20);
            Varint.write(out, link.fileSize());
        }
        return out.toByteArray();
    }

    /** PBNode {Links (Hash, Name="", Tsize)..., Data}. */
    static byte[] node(List<Link> links, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 8 + links.size() * 48);
        for (Link link : links) {
            byte[] hash = link.cid().toBytes();
            int linkLength = 1 + Varint.size(hash.length) + hash.length + 2 + 1 + Varint.size(link.dagSize());
            out.write(0x12);
            Varint.write(out, linkLength);
            out.write(0x0a);
            Varint.write(out, hash.length);
            out.write(hash, 0, hash.length);
            // IPFS always writes the (empty) name of file links.
            out.write(0x12);
            out.write(0x00);
            out.write(0x18);
            Varint.write(out, link.dagSize());
        }
        out.write(0x0a);
        Varint.write(out, data.length);
        out.write(data, 0, data.length);
        return out.toByteArray();
    }
}
