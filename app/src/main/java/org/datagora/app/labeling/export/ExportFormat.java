package org.datagora.app.labeling.export;

import java.util.Locale;

/** The formats consensus labels can be exported in. */
public enum ExportFormat {
    /** One Label Studio task per line, the consensus as its annotation. */
    JSONL,
    /** One row per item. */
    CSV,
    /** COCO object detection JSON (box tasks only). */
    COCO,
    /** A YOLO folder: classes.txt and labels/NAME.txt (box tasks only). */
    YOLO;

    /** Parses a format name, case-insensitively, with the list of known names when it is unknown. */
    public static ExportFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown export format " + name + "; use jsonl, csv, coco or yolo", e);
        }
    }
}
