package dev.spinnet.network.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A labelled set of equally-sized 8-bit images held in one byte array.
 *
 * <p>Layout: image {@code i} occupies {@code pixels[i*imageSize() .. (i+1)*imageSize())} in CHW
 * order (planar: all red samples, then green, then blue), the same as CIFAR-10's binary format and
 * the NCHW tensors the network consumes. Bytes are unsigned (0..255).
 *
 * <p>Immutable-ish: {@link #pixels()} and {@link #labels()} return the backing arrays without a
 * copy (60,000 CIFAR images are 184 MB; copying on every access would be wasteful). Callers must
 * not modify them.
 */
public final class ImageSet {
    /** byte value -> float in [0,1]; a lookup beats a divide in the batch-conversion loop. */
    private static final float[] UNIT = new float[256];

    static {
        for (int v = 0; v < 256; v++) {
            UNIT[v] = v / 255f;
        }
    }

    private final int n;
    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @throws IllegalArgumentException if array lengths do not match the dimensions or a label is
     *     outside {@code 0..classNames.size()-1} (readers check these first and report the file)
     */
    public ImageSet(int channels, int height, int width, byte[] pixels, int[] labels,
            List<String> classNames) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(classNames, "classNames");
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("bad image shape " + channels + "x" + height + "x" + width);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("no class names");
        }
        long size = (long) channels * height * width;
        if ((long) labels.length * size != pixels.length) {
            throw new IllegalArgumentException("pixels length " + pixels.length + " != " + labels.length
                    + " images x " + size + " bytes");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i
                        + " outside 0.." + (classNames.size() - 1));
            }
        }
        this.n = labels.length;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    public int n() {
        return n;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Bytes (and floats) per image: channels * height * width. */
    public int imageSize() {
        return channels * height * width;
    }

    /** The backing array (not a copy): n images of {@link #imageSize()} bytes, CHW each. */
    public byte[] pixels() {
        return pixels;
    }

    /** The backing array (not a copy). */
    public int[] labels() {
        return labels;
    }

    public int label(int i) {
        return labels[i];
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** "CxHxW", for messages. */
    public String shape() {
        return channels + "x" + height + "x" + width;
    }

    /** Unsigned sample of image {@code i}, channel {@code c}, row {@code y}, column {@code x}. */
    public int pixel(int i, int c, int y, int x) {
        return pixels[i * imageSize() + (c * height + y) * width + x] & 0xff;
    }

    /**
     * Gathers images {@code idx[from] .. idx[from+count-1]} into {@code out} as NCHW floats in
     * [0,1] (image k of the batch at {@code out[k*imageSize()]}). Lets a trainer shuffle by
     * permuting an index array instead of the pixel data.
     */
    public void toFloat(int[] idx, int from, int count, float[] out) {
        int size = imageSize();
        if (from < 0 || count < 0 || from + count > idx.length) {
            throw new IndexOutOfBoundsException("batch " + from + "+" + count + " of " + idx.length + " indices");
        }
        if ((long) count * size > out.length) {
            throw new IllegalArgumentException("out holds " + out.length + " floats, batch needs " + (long) count * size);
        }
        for (int k = 0; k < count; k++) {
            int src = idx[from + k] * size;
            int dst = k * size;
            for (int j = 0; j < size; j++) {
                out[dst + j] = UNIT[pixels[src + j] & 0xff];
            }
        }
    }

    /** Contiguous variant of {@link #toFloat(int[], int, int, float[])}: images from..from+count-1. */
    public void toFloat(int from, int count, float[] out) {
        int size = imageSize();
        if (from < 0 || count < 0 || from + count > n) {
            throw new IndexOutOfBoundsException("images " + from + "+" + count + " of " + n);
        }
        if ((long) count * size > out.length) {
            throw new IllegalArgumentException("out holds " + out.length + " floats, batch needs " + (long) count * size);
        }
        int src = from * size;
        for (int j = 0, m = count * size; j < m; j++) {
            out[j] = UNIT[pixels[src + j] & 0xff];
        }
    }

    /** Gathers labels {@code idx[from] .. idx[from+count-1]} into {@code out[0..count)}. */
    public void labels(int[] idx, int from, int count, int[] out) {
        for (int k = 0; k < count; k++) {
            out[k] = labels[idx[from + k]];
        }
    }

    /** Number of images per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classNames.size()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** Per-channel mean and (population) standard deviation over all images, on the [0,1] scale. */
    public ChannelStats channelStats() {
        int plane = height * width;
        long[] sum = new long[channels];
        long[] sumSq = new long[channels];
        // Integer sums are exact: even 2^31 samples of 255^2 fit comfortably in a long.
        for (int i = 0; i < n; i++) {
            int base = i * imageSize();
            for (int c = 0; c < channels; c++) {
                long s = 0;
                long s2 = 0;
                for (int j = base + c * plane, end = j + plane; j < end; j++) {
                    int v = pixels[j] & 0xff;
                    s += v;
                    s2 += v * v;
                }
                sum[c] += s;
                sumSq[c] += s2;
            }
        }
        double count = (double) n * plane;
        double[] mean = new double[channels];
        double[] std = new double[channels];
        for (int c = 0; c < channels; c++) {
            if (count == 0) {
                continue;
            }
            double m = sum[c] / count;
            double var = Math.max(0, sumSq[c] / count - m * m);
            mean[c] = m / 255.0;
            std[c] = Math.sqrt(var) / 255.0;
        }
        return new ChannelStats(mean, std);
    }

    /** A copy of images from..from+count-1 (e.g. to hold out a validation split). */
    public ImageSet slice(int from, int count) {
        if (from < 0 || count < 0 || from + count > n) {
            throw new IndexOutOfBoundsException("images " + from + "+" + count + " of " + n);
        }
        int size = imageSize();
        return new ImageSet(channels, height, width,
                Arrays.copyOfRange(pixels, from * size, (from + count) * size),
                Arrays.copyOfRange(labels, from, from + count), classNames);
    }

    /**
     * A copy of {@code count} images drawn without replacement by a seeded shuffle, kept in
     * their original order; files stored class by class make a prefix slice one-class.
     */
    public ImageSet sample(int count, long seed) {
        return copyOf(shuffledPrefix(count, seed, false));
    }

    /** The two disjoint parts of this set when {@code count} images are held out (e.g. for validation). */
    public record Split(ImageSet rest, ImageSet heldOut) {
    }

    /**
     * Holds out {@code count} images, the same ones {@link #sample} would draw with this seed; the
     * rest keeps every other image. Both parts keep the original order.
     */
    public Split split(int count, long seed) {
        return new Split(copyOf(shuffledPrefix(count, seed, true)), copyOf(shuffledPrefix(count, seed, false)));
    }

    /** Sorted indices of the first {@code count} of a seeded shuffle, or (complement) of all the others. */
    private int[] shuffledPrefix(int count, long seed, boolean complement) {
        if (count < 0 || count > n) {
            throw new IndexOutOfBoundsException("cannot sample " + count + " of " + n + " images");
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = complement ? Arrays.copyOfRange(idx, count, n) : Arrays.copyOf(idx, count);
        Arrays.sort(chosen);
        return chosen;
    }

    private ImageSet copyOf(int[] chosen) {
        int count = chosen.length;
        int size = imageSize();
        byte[] px = new byte[count * size];
        int[] lb = new int[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(pixels, chosen[i] * size, px, i * size, size);
            lb[i] = labels[chosen[i]];
        }
        return new ImageSet(channels, height, width, px, lb, classNames);
    }

    @Override
    public String toString() {
        return "ImageSet[" + n + " x " + shape() + ", " + classNames.size() + " classes]";
    }

    /** Per-channel statistics on the [0,1] scale, e.g. for input normalisation. */
    public record ChannelStats(double[] mean, double[] std) {
        @Override
        public String toString() {
            return "mean=" + Arrays.toString(mean) + " std=" + Arrays.toString(std);
        }
    }
}
