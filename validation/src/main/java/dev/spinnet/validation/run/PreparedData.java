package dev.spinnet.validation.run;

import dev.spinnet.network.data.ImageSet;
import dev.spinnet.network.data.TrainTest;
import dev.spinnet.network.train.TrainingData;

/**
 * Training and test data as the trainer wants them: a seeded subset of the training images when asked, both sets
 * normalised with the per-channel statistics of the training images used.
 *
 * @param testImages the raw test images behind {@code test} (for figures)
 */
public record PreparedData(TrainingData train, TrainingData test, ImageSet testImages) {

    /**
     * @param trainSubset training images used (0 or >= all: every image), drawn with the seed
     * @param testSubset  first test images used (0 or >= all: every image)
     */
    public static PreparedData of(TrainTest tt, int trainSubset, int testSubset, long seed) {
        return of(tt, trainSubset, testSubset, 0, seed);
    }

    /**
     * @param holdout if > 0, this many of the (subset of) training images, drawn with the seed, are
     *     held out and take the test set's place, so that settings can be chosen without looking at
     *     the test set; the model trains on the others
     */
    public static PreparedData of(TrainTest tt, int trainSubset, int testSubset, int holdout, long seed) {
        ImageSet trainSet = trainSubset > 0 && trainSubset < tt.train().n() ? tt.train().sample(trainSubset, seed)
                : tt.train();
        ImageSet testSet = testSubset > 0 && testSubset < tt.test().n() ? tt.test().slice(0, testSubset) : tt.test();
        if (holdout > 0) {
            if (holdout >= trainSet.n()) {
                throw new IllegalArgumentException("--holdout " + holdout + " leaves no training images (there are "
                        + trainSet.n() + ")");
            }
            // A seed stream apart from the subset's, so that the two draws are independent.
            ImageSet.Split split = trainSet.split(holdout, seed ^ 0x5EEDL);
            trainSet = split.rest();
            testSet = split.heldOut();
        }
        ImageSet.ChannelStats st = trainSet.channelStats();
        float[] mean = toFloat(st.mean());
        float[] std = toFloat(st.std());
        return new PreparedData(toTraining(trainSet, mean, std), toTraining(testSet, mean, std), testSet);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static TrainingData toTraining(ImageSet s, float[] mean, float[] std) {
        return TrainingData.fromBytes(s.n(), s.channels(), s.height(), s.width(), s.pixels(), s.labels(),
                s.numClasses(), mean, std);
    }
}
