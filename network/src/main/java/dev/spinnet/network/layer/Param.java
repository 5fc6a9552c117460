package dev.spinnet.network.layer;

/**
 * A trainable tensor and its gradient. Optimisers read {@link #lrScale} and
 * {@link #decay} so that per-group rules (BatchNorm biases at a higher rate, no weight decay
 * on biases) are data, not code paths.
 */
public final class Param {
    public final String name;
    public final float[] value;
    public final float[] grad;
    /** Multiplies the optimiser's learning rate for this parameter. */
    public float lrScale = 1f;
    /** Whether decoupled weight decay applies. */
    public boolean decay = true;
    /**
     * Frozen parameters keep their value, and backward passes may leave their gradient untouched: a chain
     * does not backpropagate into layers whose parameters are all frozen.
     */
    public boolean trainable = true;

    public Param(String name, int size) {
        this.name = name;
        this.value = new float[size];
        this.grad = new float[size];
    }

    public int size() {
        return value.length;
    }

    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }
}
