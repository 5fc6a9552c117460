package dev.spinnet.network.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** An update rule over a fixed list of parameters; the learning rate comes from the caller. */
public interface Optimizer {
    /** Applies one update with base learning rate {@code lr} (scaled per parameter). */
    void step(double lr);

    void writeState(DataOutputStream out) throws IOException;

    void readState(DataInputStream in) throws IOException;
}
