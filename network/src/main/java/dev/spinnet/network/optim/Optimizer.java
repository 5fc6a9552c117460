package dev.spinnet.network.optim;

import dev.spinnet.network.layer.Param;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An update rule over a fixed list of parameters; the learning rate comes from the caller. */
public interface Optimizer {
    /** Applies one update with base learning rate {@code lr} (scaled per parameter). */
    void step(double lr);

    /**
     * Sets a parameter to new values, as Lookahead resets its fast weights to the slow average. The default
     * copies them; an optimiser whose weights live in devices, which change only by pulses, overrides this.
     */
    default void assign(Param p, float[] target) {
        System.arraycopy(target, 0, p.value, 0, p.value.length);
    }

    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
