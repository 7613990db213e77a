package org.datagora.storage.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.datagora.storage.cid.Cid;

/** Writes a CAR v1 stream: a varint-framed dag-cbor header, then varint-framed (CID, block) sections. */
public final class CarWriter {

    private final OutputStream out;

    /** Writes the header naming {@code roots} at once; blocks follow with {@link #write}. */
    public CarWriter(OutputStream out, List<Cid> roots) throws IOException {
        this.out = out;
        byte[] header = CarHeader.encode(roots);
        writeVarint(header.length);
        out.write(header);
    }

    /** Appends one block; the caller vouches that {@code bytes} hash to {@code cid}. */
    public void write(Cid cid, byte[] bytes, int offset, int length) throws IOException {
        byte[] id = cid.toBytes();
        writeVarint((long) id.length + length);
        out.write(id);
        out.write(bytes, offset, length);
    }

    private void writeVarint(long value) throws IOException {
        long rest = value;
        while (rest >= 0x80) {
            out.write((int) (rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }
}
