package dev.spinnet.network.train;

import dev.spinnet.network.layer.Param;
import dev.spinnet.network.layer.Sequential;

/**
 * A network with its input shape (per image) and, when it starts with a frozen whitening
 * layer, that layer's bias (trained only during the first epochs).
 */
public record Model(String name, Sequential net, int[] inputShape, Param whitenBias) {
    public long forwardMacsPerImage() {
        int[] s = new int[inputShape.length + 1];
        s[0] = 1;
        System.arraycopy(inputShape, 0, s, 1, inputShape.length);
        return net.forwardMacsPerItem(s);
    }

    public String summary() {
        int[] s = new int[inputShape.length + 1];
        s[0] = 1;
        System.arraycopy(inputShape, 0, s, 1, inputShape.length);
        return net.summary(s);
    }
}
