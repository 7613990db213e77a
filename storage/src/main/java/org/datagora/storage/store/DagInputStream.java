package org.datagora.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.datagora.storage.cid.Cid;

/**
 * The bytes of a UnixFS file read from its blocks, depth first, one block in memory at a time (plus the
 * link lists of the few inner nodes on the current path). A range skips whole subtrees by the sizes the
 * parent nodes record, so reading the end of a large file fetches only the blocks on the way there.
 */
final class DagInputStream extends InputStream {

    private final BlockSource blocks;
    private final Deque<Iterator<UnixFsNode.Child>> path = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;
    private long toSkip;
    private long remaining;

    /** Reads {@code length} bytes from {@code offset}; a negative length reads to the end. */
    DagInputStream(BlockSource blocks, Cid root, long offset, long length) {
        if (offset < 0) {
            throw new IllegalArgumentException("A negative offset: " + offset);
        }
        this.blocks = blocks;
        this.toSkip = offset;
        this.remaining = length < 0 ? Long.MAX_VALUE : length;
        path.push(List.of(new UnixFsNode.Child(root, -1)).iterator());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        while (position == current.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(length, current.length - position), remaining);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        remaining -= n;
        return n;
    }

    /** Moves to the next block that holds wanted file bytes; false at the end of the file. */
    private boolean advance() throws IOException {
        while (!path.isEmpty()) {
            Iterator<UnixFsNode.Child> siblings = path.peek();
            if (!siblings.hasNext()) {
                path.pop();
                continue;
            }
            UnixFsNode.Child child = siblings.next();
            if (child.fileSize() >= 0 && toSkip >= child.fileSize()) {
                toSkip -= child.fileSize();
                continue;
            }
            Cid cid = child.cid();
            byte[] block = blocks.block(cid);
            if (cid.codec() == Cid.RAW) {
                current = block;
            } else if (cid.codec() == Cid.DAG_PB) {
                UnixFsNode node = UnixFsNode.decode(cid, block);
                path.push(node.children().iterator());
                current = node.data();
            } else {
                throw new IOException("Block " + cid + " has codec 0x" + Integer.toHexString(cid.codec())
                        + ", which is not part of a UnixFS file");
            }
            int skipHere = (int) Math.min(toSkip, current.length);
            toSkip -= skipHere;
            position = skipHere;
            if (position < current.length) {
                return true;
            }
        }
        return false;
    }
}
