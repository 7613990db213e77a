package org.datagora.app.labeling;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.datagora.contracts.LabelMerkle;

/**
 * One labeler's answer for one item, in a canonical form: equal answers have equal JSON, equal bytes and
 * therefore an equal label hash, which is what commitments, gold checks and consensus compare. Exactly one
 * of the fields is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"choice", "choices", "text", "boxes"})
public record Label(Integer choice, List<Integer> choices, String text, List<Box> boxes) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    /** Canonicalises: choices sorted and unique, text trimmed and NFC-normalised, boxes sorted. */
    public Label {
        int set = (choice != null ? 1 : 0) + (choices != null ? 1 : 0) + (text != null ? 1 : 0) + (boxes != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("A label is exactly one of: a choice, choices, a text, boxes");
        }
        if (choices != null) {
            choices = List.copyOf(new TreeSet<>(choices));
        }
        if (text != null) {
            text = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
        }
        if (boxes != null) {
            boxes = boxes.stream().sorted(Comparator.comparingInt(Box::classIndex).thenComparingInt(Box::x)
                    .thenComparingInt(Box::y).thenComparingInt(Box::width).thenComparingInt(Box::height)).toList();
        }
    }

    /** The answer of a single-choice item: the class at {@code index} (0-based). */
    public static Label single(int index) {
        return new Label(index, null, null, null);
    }

    /** The answer of a multiple-choice item. */
    public static Label multiple(Collection<Integer> indexes) {
        return new Label(null, List.copyOf(indexes), null, null);
    }

    /** A free-text answer. */
    public static Label text(String text) {
        return new Label(null, null, text, null);
    }

    /** The boxes drawn on an image (possibly none, meaning "nothing to box"). */
    public static Label boxes(List<Box> boxes) {
        return new Label(null, null, null, List.copyOf(boxes));
    }

    /** The canonical JSON, as saved in drafts and labels files. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A label could not be written as JSON", e);
        }
    }

    /** Reads a label written by {@link #toJson()}. */
    public static Label fromJson(String json) {
        try {
            return JSON.readValue(json, Label.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a label: " + json, e);
        }
    }

    /** The hash committed on chain: keccak256 of the canonical JSON's UTF-8 bytes. */
    public byte[] hash() {
        return LabelMerkle.labelHash(toJson().getBytes(StandardCharsets.UTF_8));
    }
}
