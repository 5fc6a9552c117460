package dev.spinnet.validation.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/**
 * A PNG figure of the report: written as {@code figures/<file>} and embedded in the page as a data URI.
 *
 * @param file    file name under figures/, e.g. "training-accuracy.png"
 * @param caption what the figure shows, in words
 * @param png     the encoded image
 */
public record Figure(String file, String caption, byte[] png) {

    public Figure {
        if (!file.matches("[a-z0-9][a-z0-9.-]*\\.png")) {
            throw new IllegalArgumentException("figure file name must be lower-case [a-z0-9.-] ending in .png, got "
                    + file);
        }
    }

    public static Figure of(String file, String caption, BufferedImage image) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        ImageIO.setUseCache(false);   // encode in memory: no cache file in java.io.tmpdir to fail or leak
        try {
            if (!ImageIO.write(image, "png", bos)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode figure " + file, e);
        }
        return new Figure(file, caption, bos.toByteArray());
    }
}
