package org.datagora.storage.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.datagora.storage.cid.Cid;

/**
 * A decoded dag-pb block of a UnixFS file: the bytes it holds itself and the children that follow them,
 * in order. Reads the two protobuf messages involved (PBNode, UnixFS Data) by hand, skipping unknown fields.
 *
 * @param data the file bytes stored in this node (empty for inner nodes with raw leaves)
 * @param children the child blocks, in file order, with the file bytes under each when the node says
 */
record UnixFsNode(byte[] data, List<Child> children) {

    /**
     * A link to a child block.
     *
     * @param cid the child
     * @param fileSize the file bytes under the child, or -1 when the parent did not record them
     */
    record Child(Cid cid, long fileSize) {
    }

    private static final int UNIXFS_RAW = 0;
    private static final int UNIXFS_FILE = 2;

    /** Decodes {@code block}; fails with a clear message when it is not a UnixFS file node. */
    static UnixFsNode decode(Cid cid, byte[] block) throws CarFormatException {
        try {
            List<Cid> links = new ArrayList<>();
            byte[] unixFs = new byte[0];
            Protobuf pbNode = new Protobuf(block);
            while (pbNode.hasMore()) {
                long key = pbNode.varint();
                int field = (int) (key >>> 3);
                if (field == 2 && (key & 7) == 2) {
                    links.add(link(pbNode.bytes()));
                } else if (field == 1 && (key & 7) == 2) {
                    unixFs = pbNode.bytes();
                } else {
                    pbNode.skip((int) (key & 7));
                }
            }
            List<Long> sizes = new ArrayList<>();
            byte[] data = fileData(unixFs, sizes);
            List<Child> children = new ArrayList<>(links.size());
            for (int i = 0; i < links.size(); i++) {
                // Sizes are only trusted to skip subtrees when there is exactly one per link.
                children.add(new Child(links.get(i), sizes.size() == links.size() ? sizes.get(i) : -1));
            }
            return new UnixFsNode(data, children);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new CarFormatException("Block " + cid + " is not a UnixFS file node: " + e.getMessage(), e);
        }
    }

    private static Cid link(byte[] link) {
        Protobuf reader = new Protobuf(link);
        Cid hash = null;
        while (reader.hasMore()) {
            long key = reader.varint();
            if ((key >>> 3) == 1 && (key & 7) == 2) {
                hash = Cid.fromBytes(reader.bytes());
            } else {
                reader.skip((int) (key & 7));
            }
        }
        if (hash == null) {
            throw new IllegalArgumentException("a link without a hash");
        }
        return hash;
    }

    private static byte[] fileData(byte[] unixFs, List<Long> blockSizes) {
        Protobuf reader = new Protobuf(unixFs);
        long type = -1;
        byte[] data = new byte[0];
        while (reader.hasMore()) {
            long key = reader.varint();
            long field = key >>> 3;
            if (field == 1 && (key & 7) == 0) {
                type = reader.varint();
            } else if (field == 2 && (key & 7) == 2) {
                data = reader.bytes();
            } else if (field == 4 && (key & 7) == 0) {
                blockSizes.add(reader.varint());
            } else if (field == 4 && (key & 7) == 2) {
                Protobuf packed = new Protobuf(reader.bytes());
                while (packed.hasMore()) {
                    blockSizes.add(packed.varint());
                }
            } else {
                reader.skip((int) (key & 7));
            }
        }
        if (type != UNIXFS_FILE && type != UNIXFS_RAW) {
            throw new IllegalArgumentException("UnixFS type " + type + " is not a file");
        }
        return data;
    }

    /** Just enough protobuf: varints and length-delimited fields; other wire types are skipped. */
    private static final class Protobuf {
        private final byte[] bytes;
        private int position;

        Protobuf(byte[] bytes) {
            this.bytes = bytes;
        }

        boolean hasMore() {
            return position < bytes.length;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = bytes[position++] & 0xff;
                value |= (long) (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
            throw new IllegalArgumentException("an overlong varint");
        }

        byte[] bytes() {
            long length = varint();
            if (length < 0 || position + length > bytes.length) {
                throw new IllegalArgumentException("a field runs past the end of the block");
            }
            byte[] slice = Arrays.copyOfRange(bytes, position, position + (int) length);
            position += (int) length;
            return slice;
        }

        void skip(int wireType) {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> bytes();
                case 5 -> position += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type " + wireType);
            }
            if (position > bytes.length) {
                throw new IllegalArgumentException("a field runs past the end of the block");
            }
        }
    }
}
