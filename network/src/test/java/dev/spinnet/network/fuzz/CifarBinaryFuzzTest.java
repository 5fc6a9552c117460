package dev.spinnet.network.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.spinnet.network.data.CifarBinary;
import dev.spinnet.network.data.DatasetException;
import dev.spinnet.network.data.ImageSet;

import java.nio.file.Path;
import java.util.List;

/** CIFAR-10 binary batch reader on arbitrary batch files and an optional batches.meta.txt. */
class CifarBinaryFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzzCifarBinary(FuzzedDataProvider data) {
        try (FuzzFiles f = new FuzzFiles()) {
            boolean withMeta = data.consumeBoolean();
            if (withMeta) {
                f.write(CifarBinary.META_FILE, data.consumeBytes(data.consumeInt(0, 512)));
            }
            Path batch = f.write("data_batch_1.bin", data.consumeRemainingAsBytes());
            try {
                List<String> classes = CifarBinary.classNames(f.dir);
                ImageSet s = CifarBinary.read(List.of(batch), classes);
                for (int label : s.labels()) {
                    if (label < 0 || label >= classes.size()) {
                        throw new AssertionError("label " + label + " escaped the check");
                    }
                }
            } catch (DatasetException e) {
                FuzzFiles.requireOneLine(e);
            }
        }
    }
}
