package org.datagora.storage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where dataset bytes live, addressed by their UnixFS CID (CIDv1, raw leaves, 256 KiB chunks, balanced
 * layout): an IPFS node over its RPC API, or blocks in the local data directory for the sandbox. Both
 * give the same CID for the same bytes and exchange DAGs as CAR v1 files.
 */
public interface ContentStore {

    /** Stores everything {@code data} holds (read once, in constant memory), pins it, and returns its CID. */
    String put(InputStream data, LongConsumer bytesStored) throws IOException;

    /** Stores the content of {@code file}, pins it, and returns its CID. */
    String put(Path file, LongConsumer bytesStored) throws IOException;

    /** Streams the content of {@code cid}; fails with a clear {@link IOException} when the store lacks it. */
    InputStream get(String cid) throws IOException;

    /**
     * Streams {@code length} bytes of the content of {@code cid} from {@code offset} (a negative length
     * reads to the end), fetching only the blocks that hold them, each checked against its CID.
     */
    InputStream get(String cid, long offset, long length) throws IOException;

    /** Whether the store holds the root block of {@code cid}. */
    boolean has(String cid) throws IOException;

    /** Keeps {@code cid} and everything under it from being collected as garbage. */
    void pin(String cid) throws IOException;

    /** Lets {@code cid} be collected as garbage again; does nothing when it was not pinned. */
    void unpin(String cid) throws IOException;

    /** Writes the DAG of {@code cid} as a CAR v1 file with {@code cid} as its only root. */
    void exportCar(String cid, OutputStream out) throws IOException;

    /** Stores and pins every block of a CAR v1 stream after checking each against its CID; returns the roots. */
    List<String> importCar(InputStream car) throws IOException;
}
