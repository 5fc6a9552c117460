package dev.spinnet.network.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {
    /** 3 images, 2 channels, 1x2 pixels: image i channel c = {10i+c, 10i+c+100}. */
    private static ImageSet small() {
        byte[] px = new byte[3 * 4];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 2; c++) {
                px[i * 4 + c * 2] = (byte) (10 * i + c);
                px[i * 4 + c * 2 + 1] = (byte) (10 * i + c + 100);
            }
        }
        return new ImageSet(2, 1, 2, px, new int[] {0, 1, 0}, List.of("a", "b"));
    }

    @Test
    void gathersBatchAsUnitFloats() {
        ImageSet s = small();
        float[] out = new float[8];
        s.toFloat(new int[] {0, 2, 1}, 1, 2, out);
        // image 2 then image 1
        assertArrayEquals(new float[] {20 / 255f, 120 / 255f, 21 / 255f, 121 / 255f,
                10 / 255f, 110 / 255f, 11 / 255f, 111 / 255f}, out);
        int[] labels = new int[2];
        s.labels(new int[] {0, 2, 1}, 1, 2, labels);
        assertArrayEquals(new int[] {0, 1}, labels);
    }

    @Test
    void contiguousBatchAndFullRange() {
        byte[] px = {0, (byte) 255, (byte) 128};
        ImageSet s = new ImageSet(1, 1, 1, px, new int[] {0, 0, 0}, List.of("x"));
        float[] out = new float[3];
        s.toFloat(0, 3, out);
        assertArrayEquals(new float[] {0f, 1f, 128 / 255f}, out);
        assertEquals(255, s.pixel(1, 0, 0, 0));
    }

    @Test
    void splitHoldsOutWhatSampleDrawsAndKeepsTheRest() {
        int n = 50;
        byte[] px = new byte[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            px[i] = (byte) i;
            labels[i] = i % 3;
        }
        ImageSet s = new ImageSet(1, 1, 1, px, labels, List.of("a", "b", "c"));
        ImageSet.Split split = s.split(12, 7);
        assertArrayEquals(s.sample(12, 7).pixels(), split.heldOut().pixels());
        assertEquals(12, split.heldOut().n());
        assertEquals(38, split.rest().n());
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (ImageSet part : List.of(split.rest(), split.heldOut())) {
            for (int i = 0; i < part.n(); i++) {
                int id = part.pixels()[i];
                assertEquals(id % 3, part.label(i), "label travels with its image");
                assertEquals(true, seen.add(id), "image " + id + " in both parts");
            }
        }
        assertEquals(n, seen.size());
        assertThrows(IndexOutOfBoundsException.class, () -> s.split(51, 7));
    }

    @Test
    void channelStatsArePerChannel() {
        ImageSet.ChannelStats st = small().channelStats();
        // channel 0 samples: 0,100,10,110,20,120 -> mean 60
        assertEquals(60 / 255.0, st.mean()[0], 1e-12);
        assertEquals(61 / 255.0, st.mean()[1], 1e-12);
        double[] v0 = {0, 100, 10, 110, 20, 120};
        double ss = 0;
        for (double v : v0) {
            ss += (v - 60) * (v - 60);
        }
        assertEquals(Math.sqrt(ss / 6) / 255.0, st.std()[0], 1e-12);
        assertEquals(st.std()[0], st.std()[1], 1e-12);
    }

    @Test
    void countsAndSlice() {
        ImageSet s = small();
        assertArrayEquals(new int[] {2, 1}, s.classCounts());
        ImageSet t = s.slice(1, 2);
        assertEquals(2, t.n());
        assertEquals(10, t.pixel(0, 0, 0, 0));
        assertArrayEquals(new int[] {1, 0}, t.labels());
    }

    @Test
    void rejectsInconsistentArrays() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 2, 2, new byte[7], new int[2], List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 1, 1, new byte[1], new int[] {1}, List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> small().toFloat(new int[] {0, 1}, 0, 2, new float[7]));
    }
}
