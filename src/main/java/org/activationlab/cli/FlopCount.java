package org.activationlab.cli;

/**
 * Floating-point operations of one training epoch, counted from the network's shape alone (the
 * same count for every activation), for {@code bench}'s GFLOP/s figure.
 *
 * <p>What is counted, one multiply or add or compare = 1 FLOP:
 * <ul>
 *   <li>dense matrix products, per sample and dense layer with {@code in} inputs and {@code out}
 *       units: forward {@code 2·in·out}; backward weight gradient {@code 2·in·out}; backward input
 *       gradient {@code 2·in·out} for every layer but the first (the network input needs none);</li>
 *   <li>element-wise work per sample: bias add and bias gradient, {@code out} each per layer;
 *       activation and its derivative product, 1 each per hidden unit (nominal: GELU costs more,
 *       Linear is a copy); the MSE loss, 4 (difference, square, sum, gradient scale);</li>
 *   <li>Adam, per parameter and step: {@value #ADAM_FLOPS_PER_PARAMETER} (first moment 3, second
 *       moment 4, update 5 counting √ as one).</li>
 * </ul>
 * Not counted: the statistics {@code ModelRun} gathers while training (gradient norms, about
 * 2 FLOPs per parameter and step, and the last step's update ratio), shuffling and copying
 * batches. For 1-64-64-1 on 1000 points with batch 32 this gives 25.22 M FLOPs of matrix
 * products and 27.41 M in all per epoch.
 */
final class FlopCount {

    /** FLOPs of Keras' Adam update for one parameter (see the class comment). */
    static final int ADAM_FLOPS_PER_PARAMETER = 12;
    /** FLOPs of the MSE loss and its gradient per sample. */
    static final int LOSS_FLOPS_PER_SAMPLE = 4;

    /** The count of one epoch, split into matrix products and everything else. */
    record Epoch(double matmul, double elementwise) {
        double total() {
            return matmul + elementwise;
        }
    }

    private FlopCount() {
    }

    /**
     * One epoch of training with Adam.
     *
     * @param layerSizes sizes including input and output, e.g. {@code [1, 64, 64, 1]}
     * @param points     training points (samples per epoch)
     * @param batchSize  mini-batch size; the last partial batch is one more step
     */
    static Epoch perEpoch(int[] layerSizes, int points, int batchSize) {
        long matmulPerSample = 0;
        long elementwisePerSample = LOSS_FLOPS_PER_SAMPLE;
        long parameters = 0;
        int layers = layerSizes.length - 1;
        for (int l = 0; l < layers; l++) {
            long in = layerSizes[l];
            long out = layerSizes[l + 1];
            matmulPerSample += 2 * in * out;           // forward: in·W
            matmulPerSample += 2 * in * out;           // backward: ∂W = inᵀ·∂z
            if (l > 0) {
                matmulPerSample += 2 * in * out;       // backward: ∂in = ∂z·Wᵀ
            }
            elementwisePerSample += 2 * out;           // + b, and ∂b = Σ ∂z
            if (l < layers - 1) {
                elementwisePerSample += 2 * out;       // f(z), and f′(z) ⊙ ∂out
            }
            parameters += in * out + out;
        }
        long steps = (points + batchSize - 1) / batchSize;
        double matmul = (double) matmulPerSample * points;
        double elementwise = (double) elementwisePerSample * points
                + (double) ADAM_FLOPS_PER_PARAMETER * parameters * steps;
        return new Epoch(matmul, elementwise);
    }
}
