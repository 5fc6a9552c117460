package dev.spinnet.validation.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.spinnet.network.data.ImageSet;
import dev.spinnet.network.data.TrainTest;

/** Tiny learnable datasets shaped like MNIST (1x28x28) and CIFAR-10 (3x32x32): class k is a bright bar at k. */
final class SyntheticData {
    private SyntheticData() {
    }

    static TrainTest of(int channels, int side, int train, int test, long seed) {
        return new TrainTest(images(channels, side, train, seed), images(channels, side, test, seed + 1),
                "synthetic " + channels + "x" + side + "x" + side);
    }

    private static ImageSet images(int channels, int side, int n, long seed) {
        Random rnd = new Random(seed);
        byte[] px = new byte[n * channels * side * side];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels[i] = k;
            int row = 2 + k * (side - 4) / 10;
            for (int c = 0; c < channels; c++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int v = rnd.nextInt(60) + (Math.abs(y - row) <= 1 ? 180 : 0);
                        px[((i * channels + c) * side + y) * side + x] = (byte) Math.min(255, v);
                    }
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            names.add("class" + k);
        }
        return new ImageSet(channels, side, side, px, labels, names);
    }
}
