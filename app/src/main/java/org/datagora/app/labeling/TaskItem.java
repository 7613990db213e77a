package org.datagora.app.labeling;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One item to label: a text record, or an image with its pixel size (needed by the box exports).
 *
 * @param index     position in the task (0-based), as the contract numbers items
 * @param name      a file-like name, used as the image file name in COCO and YOLO exports
 * @param text      the text, for text items
 * @param mediaType the image type (image/png), for image items
 * @param data      the image bytes, for image items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskItem(int index, String name, String text, String mediaType, byte[] data, Integer width,
                       Integer height) {

    /** A text item. */
    public static TaskItem text(int index, String name, String text) {
        return new TaskItem(index, name, text, null, null, null, null);
    }

    /** An image item. */
    public static TaskItem image(int index, String name, String mediaType, byte[] data, int width, int height) {
        return new TaskItem(index, name, null, mediaType, data, width, height);
    }

    /** Whether the item is an image. */
    @JsonIgnore
    public boolean isImage() {
        return data != null;
    }
}
