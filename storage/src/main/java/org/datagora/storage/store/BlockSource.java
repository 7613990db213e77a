package org.datagora.storage.store;

import java.io.IOException;
import org.datagora.storage.cid.Cid;

/** Where a DAG reader gets blocks from; every block it returns has been checked against its CID. */
@FunctionalInterface
interface BlockSource {

    /** The bytes of block {@code cid}, verified; fails when the block is missing or does not match. */
    byte[] block(Cid cid) throws IOException;
}
