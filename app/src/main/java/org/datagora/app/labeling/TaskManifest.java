package org.datagora.app.labeling;

/**
 * The public description of a task's items, on the content store; its CID's digest is the task's
 * manifestDigest on chain. The items themselves sit in a separate file encrypted with the task key.
 *
 * @param version       format version, 1
 * @param title         the task's title
 * @param itemCount     how many items
 * @param imageItems    whether the items are images (else text)
 * @param itemsCid      the encrypted items file
 * @param keyCommitment commitment to the task key (see KeyCommitment), so a labeler can check a delivered key
 */
public record TaskManifest(int version, String title, int itemCount, boolean imageItems, String itemsCid,
                           String keyCommitment) {
}
