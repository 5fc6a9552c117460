package dev.spinnet.network.tensor;

import java.util.Arrays;

/**
 * A dense float32 tensor in row-major order; 4-D tensors are NCHW. The data array may be
 * longer than {@link #size()} so that buffers can be reused across batch sizes.
 */
public final class Tensor {
    private final int[] shape;
    private final int size;
    public final float[] data;

    public Tensor(float[] data, int... shape) {
        this.shape = shape.clone();
        int s = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            s = Math.multiplyExact(s, d);
        }
        if (data.length < s) {
            throw new IllegalArgumentException("array of " + data.length + " floats is too small for shape "
                    + Arrays.toString(shape));
        }
        this.size = s;
        this.data = data;
    }

    public static Tensor zeros(int... shape) {
        long s = 1;
        for (int d : shape) {
            s *= d;
        }
        return new Tensor(new float[Math.toIntExact(s)], shape);
    }

    /** Returns {@code t} if it already has this shape, else a new zero tensor of the shape. */
    public static Tensor reuse(Tensor t, int... shape) {
        if (t != null && Arrays.equals(t.shape, shape)) {
            return t;
        }
        if (t != null) {
            long s = 1;
            for (int d : shape) {
                s *= d;
            }
            if (s <= t.data.length) {
                return new Tensor(t.data, shape);
            }
        }
        return zeros(shape);
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int i) {
        return shape[i];
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return size;
    }

    /** Elements per item of the leading (batch) dimension. */
    public int perItem() {
        return shape.length == 0 || shape[0] == 0 ? 0 : size / shape[0];
    }

    public Tensor reshape(int... newShape) {
        return new Tensor(data, newShape);
    }

    public boolean sameShape(Tensor o) {
        return Arrays.equals(shape, o.shape);
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    public void fill(float v) {
        Arrays.fill(data, 0, size, v);
    }
}
