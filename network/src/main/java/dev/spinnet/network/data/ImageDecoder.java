package dev.spinnet.network.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes JPEG/PNG bytes to planar 8-bit samples (grey, or R,G,B planes). Not thread-safe: each
 * decoding thread owns one, which lets it reuse its ImageIO readers instead of looking up a
 * service provider per image (noticeable over 60,000 small files).
 */
final class ImageDecoder implements AutoCloseable {
    /** A decoded image: shape plus CHW samples. */
    record Decoded(int channels, int height, int width, byte[] samples) {
        String shape() {
            return channels + "x" + height + "x" + width + (channels == 1 ? " (grey)" : " (RGB)");
        }
    }

    private ImageReader jpeg;
    private ImageReader png;

    /**
     * @return the decoded image
     * @throws IOException if the bytes are not a decodable image (the caller names the file)
     */
    Decoded decode(byte[] bytes) throws IOException {
        BufferedImage img = readImage(bytes);
        if (img == null) {
            throw new IOException("not a readable image (no decoder recognises its content)");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int channels = isGrey(img.getColorModel()) ? 1 : 3;
        byte[] out = new byte[channels * h * w];
        extract(img, channels, out);
        return new Decoded(channels, h, w, out);
    }

    /**
     * Largest image accepted, in pixels: far above any dataset image, far below what a header can claim
     * (2^31 x 2^31), so that a damaged or hostile header gives an error instead of an OutOfMemoryError.
     */
    static final long MAX_PIXELS = 1L << 24;

    private BufferedImage readImage(byte[] b) throws IOException {
        // MemoryCacheImageInputStream avoids ImageIO's default temp-file cache for streams.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(b))) {
            ImageReader reader = null;
            boolean sniffed = false;
            if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
                reader = jpeg = jpeg != null ? jpeg : readerFor("jpeg");
            } else if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
                reader = png = png != null ? png : readerFor("png");
            } else {
                // Unusual formats (BMP, GIF...) or garbage: let ImageIO sniff; none means "not an image".
                Iterator<ImageReader> it = ImageIO.getImageReaders(in);
                if (!it.hasNext()) {
                    return null;
                }
                reader = it.next();
                sniffed = true;
            }
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w < 1 || h < 1 || w * h > MAX_PIXELS) {
                    throw new IOException("image header claims " + w + "x" + h + " pixels (limit " + MAX_PIXELS
                            + " pixels)");
                }
                return reader.read(0);
            } catch (RuntimeException e) {
                // Some decoders report damaged data with unchecked exceptions.
                throw new IOException(DatasetException.reason(e), e);
            } finally {
                if (sniffed) {
                    reader.dispose();
                } else {
                    reader.reset();
                }
            }
        }
    }

    private static ImageReader readerFor(String format) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        if (!it.hasNext()) {
            throw new IllegalStateException("this JDK has no ImageIO reader for " + format);
        }
        return it.next();
    }

    private static boolean isGrey(ColorModel cm) {
        // Palette images (IndexColorModel) count as RGB even if the palette happens to be grey.
        return cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /**
     * Copies samples into {@code out} as CHW. Raw raster samples are used where the colour model is
     * plain 8/16-bit components so values are exact (getRGB would, for instance, push grey
     * through a linear-to-sRGB conversion); anything else (palettes, packed ints) goes via getRGB.
     */
    private static void extract(BufferedImage img, int channels, byte[] out) {
        int w = img.getWidth();
        int h = img.getHeight();
        int plane = w * h;
        Raster r = img.getRaster();
        ColorModel cm = img.getColorModel();
        boolean components = cm instanceof ComponentColorModel
                && (channels == 1 || cm.getColorSpace().isCS_sRGB())
                && r.getNumBands() >= channels;
        if (components && fastCopy(r, channels, out)) {
            return;
        }
        if (components) {
            int[] tmp = new int[plane];
            for (int c = 0; c < channels; c++) {
                int shift = Math.max(0, r.getSampleModel().getSampleSize(c) - 8);
                r.getSamples(r.getMinX(), r.getMinY(), w, h, c, tmp);
                for (int j = 0; j < plane; j++) {
                    out[c * plane + j] = (byte) (tmp[j] >>> shift);
                }
            }
            return;
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        for (int j = 0; j < plane; j++) {
            int p = argb[j];
            if (channels == 1) {
                out[j] = (byte) (p & 0xff);
            } else {
                out[j] = (byte) (p >> 16);
                out[plane + j] = (byte) (p >> 8);
                out[2 * plane + j] = (byte) p;
            }
        }
    }

    /** Direct copy for the common case of one byte bank with interleaved bands (what JPEG/PNG give). */
    private static boolean fastCopy(Raster r, int channels, byte[] out) {
        if (!(r.getSampleModel() instanceof ComponentSampleModel sm)
                || !(r.getDataBuffer() instanceof DataBufferByte db)
                || sm.getDataType() != DataBuffer.TYPE_BYTE
                || db.getNumBanks() != 1 || db.getOffset() != 0
                || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0) {
            return false;
        }
        int[] banks = sm.getBankIndices();
        for (int c = 0; c < channels; c++) {
            if (banks[c] != 0) {
                return false;
            }
        }
        byte[] data = db.getData();
        int[] offsets = sm.getBandOffsets();
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int w = r.getWidth();
        int h = r.getHeight();
        int plane = w * h;
        for (int c = 0; c < channels; c++) {
            int dst = c * plane;
            for (int y = 0; y < h; y++) {
                int src = y * ss + offsets[c];
                for (int x = 0; x < w; x++, src += ps) {
                    out[dst++] = data[src];
                }
            }
        }
        return true;
    }

    @Override
    public void close() {
        if (jpeg != null) {
            jpeg.dispose();
        }
        if (png != null) {
            png.dispose();
        }
    }
}
