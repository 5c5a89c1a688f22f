package org.activationlab.engine;

/**
 * One layer's statistics after an epoch. Arrays are copies owned by this record and must not be
 * modified.
 *
 * @param units            units in the layer
 * @param hidden           false for the (linear) output layer, whose activation statistics are 0
 * @param gradientNorm     mean over the epoch's steps of ‖∂loss/∂(W, b)‖₂
 * @param updateRatio      ‖ΔW‖ / ‖W‖ of the epoch's last step
 * @param deadFraction     share of units whose output is 0 for every training input
 * @param sparsity         share of zero outputs over all units and training inputs
 * @param histogram        counts of pre-activations over the training inputs in
 *                         {@link #HISTOGRAM_BINS} bins on [{@link #HISTOGRAM_MIN}, {@link #HISTOGRAM_MAX}];
 *                         values outside fall in the end bins
 * @param deadUnits        indices of the dead units
 * @param learnedSlope     PReLU's slope for this layer, NaN if it learns none
 * @param saturatedShare   share of pre-activations over the training inputs that lie in a
 *                         saturated tail of the activation ({@link Saturation}: where f′ → 0, from
 *                         |f′| &lt; {@link Saturation#THRESHOLD} on); 0 for the output layer, NaN for Softmax
 */
public record LayerStats(int units, boolean hidden, double gradientNorm, double updateRatio,
                         double deadFraction, double sparsity, int[] histogram, int[] deadUnits,
                         float learnedSlope, double saturatedShare) {

    public static final int HISTOGRAM_BINS = 48;
    public static final double HISTOGRAM_MIN = -6;
    public static final double HISTOGRAM_MAX = 6;

    /** The bin a pre-activation value falls in, clamped to the end bins. */
    public static int bin(float value) {
        if (value != value) {
            return HISTOGRAM_BINS / 2; // NaN
        }
        // Truncation equals floor here: anything below the range is clamped to bin 0 anyway.
        int b = (int) ((value - (float) HISTOGRAM_MIN) * BINS_PER_UNIT);
        return b < 0 ? 0 : Math.min(HISTOGRAM_BINS - 1, b);
    }

    private static final float BINS_PER_UNIT = (float) (HISTOGRAM_BINS / (HISTOGRAM_MAX - HISTOGRAM_MIN));
}
