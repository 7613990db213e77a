package org.datagora.storage.ipfs;

import org.datagora.storage.cid.Cid;

/**
 * Brings CID strings from a node to one spelling: CIDv1 in base32 (what kubo prints), CIDv0 unchanged.
 * js-ipfs prints CIDv1 in base58btc unless asked otherwise, and some commands refuse to be asked.
 */
final class CidText {

    private CidText() {
    }

    /** Returns {@code cid} as base32 CIDv1 or "Qm..." CIDv0; a CID our parser does not know stays as given. */
    static String canonical(String cid) {
        try {
            return Cid.parse(cid).toString();
        } catch (IllegalArgumentException unknownKind) {
            // e.g. a CID with another hash than sha2-256, which Datagora never creates: pass it through.
            return cid;
        }
    }
}
