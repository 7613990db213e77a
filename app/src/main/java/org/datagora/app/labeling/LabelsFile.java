package org.datagora.app.labeling;

import java.util.List;

/**
 * A labeler's revealed labels for one claim: canonical label JSON of items firstItem, firstItem + 1, ...
 * Stored encrypted with the task key; its CID's digest is the labelsDigest of the reveal.
 */
public record LabelsFile(long taskId, long claimId, String labeler, int firstItem, List<String> labels) {

    /** The labels, parsed. */
    public List<Label> parsed() {
        return labels.stream().map(Label::fromJson).toList();
    }
}
