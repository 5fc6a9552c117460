package dev.spinnet.network.train;

/**
 * Every hyper-parameter of a training run, immutable; a preset is one instance of this record.
 *
 * @param epochs          passes over the training set
 * @param batchSize       images per step
 * @param optimizer       "sgd" (Nesterov) or "adam"
 * @param lr              peak learning rate (mean loss over the batch)
 * @param momentum        SGD momentum or Adam beta1
 * @param weightDecay     decoupled weight decay per unit learning rate
 * @param labelSmoothing  cross-entropy smoothing in [0, 1)
 * @param warmup          fraction of steps of linear warm-up
 * @param startFactor     learning-rate factor at step 0
 * @param endFactor       learning-rate factor at the last step
 * @param biasLrScale     learning-rate multiplier of BatchNorm biases
 * @param flip            random horizontal flips
 * @param translate       random translation in pixels
 * @param ttaLevel        test-time augmentation level 0..2
 * @param lookaheadEvery  steps between Lookahead averaging (0 = off)
 * @param whitenBiasEpochs epochs during which a frozen input-whitening layer's bias trains
 * @param evalEvery       evaluate on the test set every this many epochs (and at the end)
 * @param seed            seed of every random choice
 */
public record TrainConfig(String name, int epochs, int batchSize, String optimizer, double lr, double momentum,
                          double weightDecay, double labelSmoothing, double warmup, double startFactor,
                          double endFactor, double biasLrScale, boolean flip, int translate, int ttaLevel,
                          int lookaheadEvery, int whitenBiasEpochs, int evalEvery, long seed) {
    public TrainConfig {
        require(epochs >= 1, "epochs must be >= 1, got " + epochs);
        require(batchSize >= 2, "batch size must be >= 2, got " + batchSize);
        require(optimizer.equals("sgd") || optimizer.equals("adam"), "optimizer must be sgd or adam, got " + optimizer);
        require(lr > 0 && Double.isFinite(lr), "learning rate must be finite and > 0, got " + lr);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0,1), got " + momentum);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight decay must be >= 0, got " + weightDecay);
        require(labelSmoothing >= 0 && labelSmoothing < 1, "label smoothing must be in [0,1), got " + labelSmoothing);
        require(warmup >= 0 && warmup < 1, "warm-up fraction must be in [0,1), got " + warmup);
        require(translate >= 0 && translate <= 8, "translate must be 0..8 pixels, got " + translate);
        require(ttaLevel >= 0 && ttaLevel <= 2, "tta level must be 0, 1 or 2, got " + ttaLevel);
        require(lookaheadEvery >= 0, "lookahead interval must be >= 0, got " + lookaheadEvery);
        require(evalEvery >= 1, "eval interval must be >= 1, got " + evalEvery);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public TrainConfig withEpochs(int e) {
        return new TrainConfig(name, e, batchSize, optimizer, lr, momentum, weightDecay, labelSmoothing, warmup,
                startFactor, endFactor, biasLrScale, flip, translate, ttaLevel, lookaheadEvery, whitenBiasEpochs,
                evalEvery, seed);
    }

    /** The same recipe without Lookahead (device synapses cannot hold float averages). */
    public TrainConfig withoutLookahead() {
        return new TrainConfig(name, epochs, batchSize, optimizer, lr, momentum, weightDecay, labelSmoothing, warmup,
                startFactor, endFactor, biasLrScale, flip, translate, ttaLevel, 0, whitenBiasEpochs, evalEvery, seed);
    }

    public TrainConfig withSeed(long s) {
        return new TrainConfig(name, epochs, batchSize, optimizer, lr, momentum, weightDecay, labelSmoothing, warmup,
                startFactor, endFactor, biasLrScale, flip, translate, ttaLevel, lookaheadEvery, whitenBiasEpochs,
                evalEvery, s);
    }
}
