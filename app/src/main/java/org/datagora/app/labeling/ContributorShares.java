package org.datagora.app.labeling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits the labelers' part of a labeled dataset's sales by accepted labels, in basis points, for the
 * contributor list of a new marketplace listing. Largest remainders make the shares add up exactly.
 */
public final class ContributorShares {

    private ContributorShares() {
    }

    /**
     * The shares of {@code totalBps} (e.g. 3000 for 30% of each sale) per labeler with accepted labels,
     * proportional to their accepted labels; ties in the remainder go to the lower address.
     */
    public static Map<String, Integer> of(TaskResults results, int totalBps) {
        if (totalBps < 0 || totalBps > 10_000) {
            throw new IllegalArgumentException("A share is between 0 and 10000 basis points, not " + totalBps);
        }
        List<TaskResults.LabelerSummary> earners = results.labelers().stream()
                .filter(l -> l.acceptedLabels() > 0).sorted(Comparator.comparing(TaskResults.LabelerSummary::labeler))
                .toList();
        long labels = earners.stream().mapToLong(TaskResults.LabelerSummary::acceptedLabels).sum();
        Map<String, Integer> shares = new LinkedHashMap<>();
        if (labels == 0) {
            return shares;
        }
        List<long[]> remainders = new ArrayList<>(); // index, remainder
        int given = 0;
        for (int i = 0; i < earners.size(); i++) {
            long exact = (long) totalBps * earners.get(i).acceptedLabels();
            int share = (int) (exact / labels);
            shares.put(earners.get(i).labeler(), share);
            given += share;
            remainders.add(new long[] {i, exact % labels});
        }
        remainders.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
        for (int k = 0; given < totalBps; k++, given++) {
            String labeler = earners.get((int) remainders.get(k)[0]).labeler();
            shares.merge(labeler, 1, Integer::sum);
        }
        return shares;
    }
}
