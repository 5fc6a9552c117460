import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

/**
 * How far the JPEG image-folder copy of CIFAR-10 is from the canonical pixels, over the whole test set.
 *
 * <p>Why: the float CIFAR-10 baseline is measured on both (BENCHMARKS.md); this says what separates them.
 * The JPEG copy keeps the canonical order within each class folder ({@code test/<class>/NNNN.jpg} is the
 * NNNN-th test image of that class), which the "shifted" column checks: pairing each JPEG with the next
 * canonical image of its class instead must give a far larger difference.
 *
 * <pre>
 *   java benchmarks/reference/JpegVsCanonical.java DIR/cifar-10-batches-bin ../shared/datasets/cifar10-jpeg.zip
 * </pre>
 * Prints, per class and overall, the mean absolute difference per colour sample (0-255 scale) and the mean
 * PSNR, for the matched and the shifted pairing. JDK only; single-file source launch.
 */
public final class JpegVsCanonical {
    private static final String[] CLASSES = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck"};
    private static final int PIXELS = 1024;
    private static final int RECORD = 1 + 3 * PIXELS;

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java JpegVsCanonical.java <cifar-10-batches-bin> <cifar10-jpeg.zip>");
            System.exit(2);
        }
        byte[] test = Files.readAllBytes(Path.of(args[0], "test_batch.bin"));
        int n = test.length / RECORD;
        double allMad = 0;
        double allShift = 0;
        double allPsnr = 0;
        try (ZipFile zip = new ZipFile(args[1])) {
            for (int c = 0; c < CLASSES.length; c++) {
                int[] idx = new int[n];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (test[i * RECORD] == c) {
                        idx[k++] = i;
                    }
                }
                double mad = 0;
                double shifted = 0;
                double psnr = 0;
                for (int j = 0; j < k; j++) {
                    ZipEntry e = zip.getEntry(String.format(Locale.ROOT, "cifar10/test/%s/%04d.jpg", CLASSES[c], j));
                    if (e == null) {
                        throw new IOException("zip lacks test/" + CLASSES[c] + "/" + j + ".jpg");
                    }
                    BufferedImage im;
                    try (InputStream in = zip.getInputStream(e)) {
                        im = ImageIO.read(in);
                    }
                    double[] d = diff(im, test, idx[j]);
                    mad += d[0];
                    psnr += 10 * Math.log10(255.0 * 255.0 / Math.max(d[1], 1e-12));
                    shifted += diff(im, test, idx[(j + 1) % k])[0];
                }
                System.out.printf(Locale.ROOT, "%-10s %4d images  matched: MAD %5.2f, PSNR %5.2f dB   shifted: MAD %5.2f%n",
                        CLASSES[c], k, mad / k, psnr / k, shifted / k);
                allMad += mad;
                allShift += shifted;
                allPsnr += psnr;
            }
        }
        System.out.printf(Locale.ROOT, "all        %4d images  matched: MAD %5.2f, PSNR %5.2f dB   shifted: MAD %5.2f%n",
                n, allMad / n, allPsnr / n, allShift / n);
    }

    /** Mean absolute and mean squared difference per colour sample between a JPEG and canonical record i. */
    private static double[] diff(BufferedImage im, byte[] test, int i) {
        double abs = 0;
        double sq = 0;
        int base = i * RECORD + 1;
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int rgb = im.getRGB(x, y);
                int p = y * 32 + x;
                for (int ch = 0; ch < 3; ch++) {
                    int jpeg = (rgb >> (16 - 8 * ch)) & 0xff;
                    int canon = test[base + ch * PIXELS + p] & 0xff;
                    abs += Math.abs(jpeg - canon);
                    sq += (jpeg - canon) * (jpeg - canon);
                }
            }
        }
        return new double[] {abs / (3 * PIXELS), sq / (3 * PIXELS)};
    }
}
