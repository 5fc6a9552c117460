package dev.spinnet.network.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Length-checked (de)serialisation of optimiser buffers for checkpoints. */
final class OptimizerState {
    private OptimizerState() {
    }

    static void write(DataOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (float[] a : arrays) {
            out.writeInt(a.length);
            for (float f : a) {
                out.writeFloat(f);
            }
        }
    }

    static void read(DataInputStream in, float[][] arrays) throws IOException {
        int n = in.readInt();
        if (n != arrays.length) {
            throw new IOException("optimizer state holds " + n + " buffers, model has " + arrays.length);
        }
        for (float[] a : arrays) {
            int len = in.readInt();
            if (len != a.length) {
                throw new IOException("optimizer buffer of " + len + " values, parameter has " + a.length);
            }
            for (int i = 0; i < len; i++) {
                a[i] = in.readFloat();
            }
        }
    }
}
