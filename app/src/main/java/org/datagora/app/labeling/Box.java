package org.datagora.app.labeling;

/**
 * A bounding box on an image, in whole pixels from the top-left corner, so two labelers drawing the same
 * box produce the same bytes and the same label hash.
 *
 * @param classIndex the box's category in the schema
 */
public record Box(int classIndex, int x, int y, int width, int height) {

    /** Rejects boxes with no area or outside the image's positive quadrant. */
    public Box {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A box needs a positive width and height inside the image");
        }
    }
}
