package org.datagora.app.ui.labeling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datagora.app.labeling.Box;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelSchema;

/**
 * Reads the gold answers a requester types, one per line as ITEM=ANSWER with items numbered from 1: a
 * class name, class names joined by |, a text, or boxes as class:x,y,w,h joined by ;.
 */
final class GoldAnswers {

    private GoldAnswers() {
    }

    /** The gold labels by 0-based item; throws with the line at fault. */
    static Map<Integer, Label> parse(String text, LabelSchema schema, int itemCount) {
        Map<Integer, Label> gold = new HashMap<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Gold line " + lineNumber + " needs the form ITEM=ANSWER.");
            }
            int item;
            try {
                item = Integer.parseInt(line.substring(0, eq).strip()) - 1;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Gold line " + lineNumber + " must start with an item number.", e);
            }
            if (item < 0 || item >= itemCount) {
                throw new IllegalArgumentException("Gold line " + lineNumber + ": there is no item " + (item + 1)
                        + "; the items are 1 to " + itemCount + ".");
            }
            String answer = line.substring(eq + 1).strip();
            gold.put(item, switch (schema.kind()) {
                case SINGLE_CHOICE -> Label.single(classIndex(schema, answer, lineNumber));
                case MULTIPLE_CHOICE -> {
                    List<Integer> chosen = new ArrayList<>();
                    for (String name : answer.split("\\|")) {
                        chosen.add(classIndex(schema, name.strip(), lineNumber));
                    }
                    yield Label.multiple(chosen);
                }
                case FREE_TEXT -> Label.text(answer);
                case BOUNDING_BOXES -> {
                    List<Box> boxes = new ArrayList<>();
                    for (String part : answer.isEmpty() ? new String[0] : answer.split(";")) {
                        String[] nameAndBox = part.split(":");
                        String[] n = nameAndBox.length == 2 ? nameAndBox[1].split(",") : new String[0];
                        if (n.length != 4) {
                            throw new IllegalArgumentException("Gold line " + lineNumber
                                    + ": write boxes as class:x,y,width,height.");
                        }
                        boxes.add(new Box(classIndex(schema, nameAndBox[0].strip(), lineNumber),
                                Integer.parseInt(n[0].strip()), Integer.parseInt(n[1].strip()),
                                Integer.parseInt(n[2].strip()), Integer.parseInt(n[3].strip())));
                    }
                    yield Label.boxes(boxes);
                }
            });
        }
        return gold;
    }

    private static int classIndex(LabelSchema schema, String name, int lineNumber) {
        int at = schema.classes().indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("Gold line " + lineNumber + ": \"" + name + "\" is not one of the classes "
                    + String.join(", ", schema.classes()) + ".");
        }
        return at;
    }
}
