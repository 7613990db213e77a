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
 * link lists of the few inner nodes on the current path).
 */
final class DagInputStream extends InputStream {

    private final BlockDirectory blocks;
    private final Deque<Iterator<Cid>> path = new ArrayDeque<>();
    private byte[] current = new byte[0];
    private int position;

    DagInputStream(BlockDirectory blocks, Cid root) {
        this.blocks = blocks;
        path.push(List.of(root).iterator());
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
        while (position == current.length) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Moves to the next block that holds file bytes; false at the end of the file. */
    private boolean advance() throws IOException {
        while (!path.isEmpty()) {
            Iterator<Cid> siblings = path.peek();
            if (!siblings.hasNext()) {
                path.pop();
                continue;
            }
            Cid cid = siblings.next();
            byte[] block = blocks.get(cid);
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
            position = 0;
            return true;
        }
        return false;
    }
}
