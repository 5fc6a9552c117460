package dev.spinnet.network.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinnet.network.data.DatasetException;
import dev.spinnet.network.data.ImageFolder;

import java.nio.file.Path;

/**
 * Image-folder reader: either the input is a whole zip file, or it is the bytes of two images in a
 * class-folder tree (which exercises the JPEG/PNG/BMP/GIF... decoders and the shape checks).
 */
class ImageFolderFuzzTest {
    private static final String[] NAMES = {"a.png", "b.jpg", "c.jpeg", "d.PNG"};

    @FuzzTest(maxDuration = "30s")
    void fuzzImageFolder(FuzzedDataProvider data) {
        try (FuzzFiles f = new FuzzFiles()) {
            Path source;
            if (data.consumeBoolean()) {
                source = f.write("set.zip", data.consumeRemainingAsBytes());
            } else {
                String first = data.pickValue(NAMES);
                f.write("set/train/x/" + first, data.consumeBytes(data.consumeInt(0, 1 << 15)));
                f.write("set/train/y/" + data.pickValue(NAMES), data.consumeRemainingAsBytes());
                source = f.dir.resolve("set");
            }
            try {
                new ImageFolder(source, null, 1, line -> { }).read("train", null);
            } catch (DatasetException e) {
                FuzzFiles.requireOneLine(e);
            }
        }
    }
}
