package org.datagora.app.labeling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Objects;

/**
 * What labelers answer for each item: the kind of label, the classes offered (choices, or the box
 * categories) and the instructions shown beside the item. Published as JSON on the content store.
 *
 * @param kind         single choice, multiple choice, free text or bounding boxes
 * @param classes      the choices or box categories, in the order of their keyboard shortcuts (1 to 9)
 * @param instructions what the requester asks labelers to do
 */
public record LabelSchema(Kind kind, List<String> classes, String instructions) {

    /** The kinds of label a task can ask for. */
    public enum Kind { SINGLE_CHOICE, MULTIPLE_CHOICE, FREE_TEXT, BOUNDING_BOXES }

    /** Checks that choice and box schemas name their classes. */
    public LabelSchema {
        Objects.requireNonNull(kind, "kind");
        classes = classes == null ? List.of() : List.copyOf(classes);
        instructions = instructions == null ? "" : instructions;
        if (kind != Kind.FREE_TEXT && classes.isEmpty()) {
            throw new IllegalArgumentException("A " + kind.name().toLowerCase().replace('_', ' ')
                    + " schema needs at least one class");
        }
    }

    /** Whether labels of this schema are boxes on images. */
    @JsonIgnore
    public boolean isBoxes() {
        return kind == Kind.BOUNDING_BOXES;
    }

    /** Checks that {@code label} fits this schema, with a sentence a user understands when it does not. */
    public void check(Label label) {
        switch (kind) {
            case SINGLE_CHOICE -> {
                requireKind(label.choice() != null, "one choice");
                requireClass(label.choice());
            }
            case MULTIPLE_CHOICE -> {
                requireKind(label.choices() != null, "a set of choices");
                label.choices().forEach(this::requireClass);
            }
            case FREE_TEXT -> requireKind(label.text() != null, "a text");
            case BOUNDING_BOXES -> {
                requireKind(label.boxes() != null, "boxes");
                label.boxes().forEach(box -> requireClass(box.classIndex()));
            }
        }
    }

    /** The display name of a class. */
    public String className(int index) {
        requireClass(index);
        return classes.get(index);
    }

    private void requireKind(boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("This task asks for " + expected + " per item");
        }
    }

    private void requireClass(int index) {
        if (index < 0 || index >= classes.size()) {
            throw new IllegalArgumentException("There is no class " + (index + 1) + "; this task has "
                    + classes.size());
        }
    }
}
