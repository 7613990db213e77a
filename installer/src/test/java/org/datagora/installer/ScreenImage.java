package org.datagora.installer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** What a screenshot holds, measured well enough to tell a drawn window from an empty screen. */
record ScreenImage(int width, int height, int distinctColours, double shareOfMostCommonColour) {

    /** Reads a PNG and counts its colours. */
    static ScreenImage read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException(png + " is not an image ImageIO can read");
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                counts.merge(rgb, 1, Integer::sum);
            }
        }
        int most = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new ScreenImage(image.getWidth(), image.getHeight(), colours.size(),
                most / (double) (image.getWidth() * image.getHeight()));
    }
}
