package org.datagora.app.labeling;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.datagora.storage.cache.LabelDraft;
import org.datagora.storage.cache.LabelDraftDao;

/**
 * Labeling one claimed batch, made for a keyboard workspace: the batch is loaded once, so moving to the
 * next item touches no disk or network; every change is saved to the cache before the call returns, so a
 * crash loses no label already entered; undo steps back through this session's changes.
 * Not thread-safe: drive it from one thread (the UI thread is fine, a change costs one small H2 write).
 */
public final class LabelingSession {

    private static final String CLEARED = "";

    private final BigInteger taskId;
    private final BigInteger claimId;
    private final LabelSchema schema;
    private final List<TaskItem> items;
    private final int firstItem;
    private final Label[] labels;
    private final LabelDraftDao drafts;
    private final Clock clock;
    private final Deque<Change> undo = new ArrayDeque<>();
    private int position;

    /** What one change replaced, for undo. */
    private record Change(int position, Label before) {
    }

    /** How far the batch is labeled. */
    public record Progress(int labeled, int total) {
        /** The fraction labeled, 0 to 1. */
        public double fraction() {
            return total == 0 ? 1 : (double) labeled / total;
        }
    }

    /**
     * Opens a session on {@code items} (one batch, consecutive indexes), restoring the drafts saved for
     * them, and starts at the first item without a label.
     */
    public LabelingSession(BigInteger taskId, BigInteger claimId, LabelSchema schema, List<TaskItem> items,
                           LabelDraftDao drafts, Clock clock) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A labeling session needs at least one item");
        }
        this.taskId = taskId;
        this.claimId = claimId;
        this.schema = schema;
        this.items = List.copyOf(items);
        this.firstItem = items.get(0).index();
        this.labels = new Label[items.size()];
        this.drafts = drafts;
        this.clock = clock;
        for (LabelDraft draft : drafts.forTask(taskId.longValueExact())) {
            int offset = draft.itemIndex() - firstItem;
            if (offset >= 0 && offset < labels.length && !CLEARED.equals(draft.labelJson())) {
                labels[offset] = Label.fromJson(draft.labelJson());
            }
        }
        position = firstUnlabeled().orElse(0);
    }

    public BigInteger taskId() {
        return taskId;
    }

    public BigInteger claimId() {
        return claimId;
    }

    public LabelSchema schema() {
        return schema;
    }

    /** The index of the batch's first item in the task. */
    public int firstItem() {
        return firstItem;
    }

    /** How many items the batch holds. */
    public int size() {
        return items.size();
    }

    /** The position of the current item in the batch (0-based). */
    public int position() {
        return position;
    }

    /** The item shown now. */
    public TaskItem current() {
        return items.get(position);
    }

    /** The item at a position, e.g. to prefetch the next image. */
    public TaskItem item(int at) {
        return items.get(at);
    }

    /** The current item's label, if it has one. */
    public Optional<Label> currentLabel() {
        return Optional.ofNullable(labels[position]);
    }

    /** The label at a position, if any. */
    public Optional<Label> label(int at) {
        return Optional.ofNullable(labels[at]);
    }

    /** Sets the current item's label (checked against the schema) and saves it at once. */
    public void setLabel(Label label) {
        schema.check(label);
        Label before = labels[position];
        store(position, label);
        undo.push(new Change(position, before));
    }

    /** Single choice: picks class {@code index} (key 1 is index 0). */
    public void choose(int index) {
        setLabel(Label.single(index));
    }

    /** Multiple choice: adds or removes class {@code index}. */
    public void toggle(int index) {
        Set<Integer> chosen = new TreeSet<>(labels[position] != null && labels[position].choices() != null
                ? labels[position].choices() : List.of());
        if (!chosen.remove(index)) {
            chosen.add(index);
        }
        setLabel(Label.multiple(chosen));
    }

    /** Single choice: picks class {@code index} and moves to the next item, the one-key path. */
    public boolean chooseAndNext(int index) {
        choose(index);
        return next();
    }

    /** Moves to the next item; false at the end of the batch. */
    public boolean next() {
        if (position + 1 >= items.size()) {
            return false;
        }
        position++;
        return true;
    }

    /** Moves to the previous item; false at the start. */
    public boolean previous() {
        if (position == 0) {
            return false;
        }
        position--;
        return true;
    }

    /** Jumps to a position. */
    public void goTo(int at) {
        if (at < 0 || at >= items.size()) {
            throw new IndexOutOfBoundsException("The batch has items 1 to " + items.size());
        }
        position = at;
    }

    /** Undoes the last change of this session (also saved), moving back to its item; false if none. */
    public boolean undo() {
        Change change = undo.poll();
        if (change == null) {
            return false;
        }
        position = change.position();
        store(change.position(), change.before());
        return true;
    }

    /** How many items have a label. */
    public Progress progress() {
        int labeled = 0;
        for (Label label : labels) {
            if (label != null) {
                labeled++;
            }
        }
        return new Progress(labeled, labels.length);
    }

    /** Whether every item has a label, which submitting needs. */
    public boolean isComplete() {
        return firstUnlabeled().isEmpty();
    }

    /** The first position without a label. */
    public Optional<Integer> firstUnlabeled() {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** All labels in item order; fails with the first missing item when the batch is not complete. */
    public List<Label> labels() {
        Optional<Integer> missing = firstUnlabeled();
        if (missing.isPresent()) {
            throw new LabelingException("Item " + (missing.get() + 1) + " of " + labels.length
                    + " has no label yet; label every item before submitting");
        }
        return new ArrayList<>(List.of(labels));
    }

    private void store(int at, Label label) {
        drafts.save(taskId.longValueExact(), firstItem + at, label == null ? CLEARED : label.toJson(), clock.millis());
        labels[at] = label;
    }
}
