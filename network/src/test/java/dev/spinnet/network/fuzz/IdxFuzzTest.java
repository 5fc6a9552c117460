package dev.spinnet.network.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinnet.network.data.DatasetException;
import dev.spinnet.network.data.ImageSet;
import dev.spinnet.network.data.MnistIdx;

import java.nio.file.Path;

/** MNIST IDX reader on arbitrary image and label files (plain or gzipped, chosen by content). */
class IdxFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzzIdx(FuzzedDataProvider data) {
        try (FuzzFiles f = new FuzzFiles()) {
            byte[] images = data.consumeBytes(data.consumeInt(0, 1 << 16));
            Path img = f.write("images", images);
            Path lab = f.write("labels", data.consumeRemainingAsBytes());
            try {
                ImageSet s = MnistIdx.read(img, lab);
                if (s.n() < 1 || s.pixels().length != s.n() * s.height() * s.width()) {
                    throw new AssertionError("inconsistent set " + s);
                }
            } catch (DatasetException e) {
                FuzzFiles.requireOneLine(e);
            }
        }
    }
}
