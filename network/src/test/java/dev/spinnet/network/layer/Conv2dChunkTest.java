package dev.spinnet.network.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The image chunks of a conv layer split evenly over the threads. */
class Conv2dChunkTest {
    @Test
    void chunkCountIsAMultipleOfTheThreadsAndChunksAreNearlyEqual() {
        int[][] cases = {{128, 100}, {512, 225}, {512, 49}, {512, 9}, {1024, 9}, {1000, 49}, {7, 100}};
        for (int[] c : cases) {
            int n = c[0];
            int hw = c[1];
            for (int threads : new int[] {2, 3, 4}) {
                int per = Conv2d.imagesPerChunk(n, hw, threads);
                int chunks = (n + per - 1) / per;
                String at = "n=" + n + " hw=" + hw + " threads=" + threads;
                assertTrue(per >= 1 && per * hw <= 1024 || per == 1, at);
                if (n > threads && 1024 / hw > 1) {
                    assertEquals(0, chunks % threads, at + " chunks=" + chunks);
                    // No empty or oversized chunk at the end.
                    int last = n - (chunks - 1) * per;
                    assertTrue(last > 0 && last <= per, at);
                }
            }
        }
        // One thread keeps the plain target width.
        assertEquals(10, Conv2d.imagesPerChunk(128, 100, 1));
    }
}
