package org.datagora.app.ui.labeling;

import java.time.Duration;
import java.util.Locale;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskInfo;

/** The words and numbers the labeling views show for phases, times, estimates and addresses. */
final class LabelingFormat {

    private LabelingFormat() {
    }

    /** Seconds a person needs per item, by kind of label: a rough guide shown as the estimated time. */
    static int secondsPerItem(LabelSchema.Kind kind) {
        return switch (kind) {
            case SINGLE_CHOICE -> 4;
            case MULTIPLE_CHOICE -> 7;
            case FREE_TEXT -> 20;
            case BOUNDING_BOXES -> 25;
        };
    }

    /** "about 2 min" for a batch. */
    static String estimate(LabelSchema.Kind kind, int items) {
        long seconds = (long) secondsPerItem(kind) * items;
        return seconds < 90 ? "about " + Math.max(10, (seconds + 5) / 10 * 10) + " s"
                : "about " + Math.round(seconds / 60.0) + " min";
    }

    /** "in 4 min", "2 h ago". */
    static String relative(long chainTime, long now) {
        long delta = chainTime - now;
        String span = span(Math.abs(delta));
        return delta >= 0 ? "in " + span : span + " ago";
    }

    static String span(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        if (d.toDays() >= 2) {
            return d.toDays() + " days";
        }
        if (d.toHours() >= 2) {
            return d.toHours() + " h";
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + " min";
        }
        return seconds + " s";
    }

    /** The phase in words, with what comes next. */
    static String phase(TaskInfo task, long now) {
        return switch (task.phase(now)) {
            case CLAIMING -> "Taking claims, closes " + relative(task.claimDeadline(), now);
            case COMMITTING -> "Labelers submit, until " + relative(task.commitDeadline(), now);
            case REVEALING -> "Labels are revealed, until " + relative(task.revealDeadline(), now);
            case REVIEWING -> "Review: reveal gold, check, accept or reject, until " + relative(task.reviewDeadline(), now);
            case VOTE_REVEALING -> "Validators reveal votes, until " + relative(task.voteRevealDeadline(), now);
            case SETTLING -> "Ready to settle";
            case CLOSED -> "Settled and closed";
        };
    }

    /** Where a claim stands, for its labeler. */
    static String claimState(ClaimInfo claim, TaskInfo task, long now) {
        return switch (claim.status()) {
            case CLAIMED -> claim.committedNotRevealed()
                    ? (now <= task.commitDeadline() ? "Submitted; revealed on its own " + relative(task.commitDeadline(), now)
                    : now <= task.revealDeadline() ? "Submitted; revealing now" : "Reveal window missed")
                    : now <= task.commitDeadline() ? "To label; submit " + relative(task.commitDeadline(), now)
                    : "Not submitted in time";
            case REVEALED -> "Revealed; waiting for review";
            case ACCEPTED -> "Accepted and paid";
            case REJECTED -> "Rejected";
            case SLASHED -> "Failed a gold check; stake slashed";
            case FORFEITED -> "Forfeited";
            case NONE -> "Unknown";
        };
    }

    static String kind(LabelSchema.Kind kind) {
        return switch (kind) {
            case SINGLE_CHOICE -> "Single choice";
            case MULTIPLE_CHOICE -> "Multiple choice";
            case FREE_TEXT -> "Free text";
            case BOUNDING_BOXES -> "Bounding boxes";
        };
    }

    /** "0x1234…abcd". */
    static String shortAddress(String address) {
        return address.length() < 12 ? address : address.substring(0, 6) + "…" + address.substring(address.length() - 4);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
