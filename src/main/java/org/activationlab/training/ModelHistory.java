package org.activationlab.training;

import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;

import java.util.ArrayList;
import java.util.List;

/**
 * A model's statistics over the session's epochs, one value per epoch (index 0 = epoch 0).
 * Immutable.
 *
 * @param mse           mean squared error after each epoch
 * @param trainLoss     the mean batch loss of the model's last epoch (NaN before its first),
 *                      recorded by training itself, so present in unmeasured epochs too
 * @param modelEpoch    the model's own epoch count at each session epoch (a restart sets it to 0)
 * @param measured      1 where the epoch's statistics were measured, 0 where training skipped
 *                      the measurement and the other series repeat the last measured value
 * @param gradientNorm  per dense layer, the mean gradient norm of each epoch
 * @param updateRatio   per dense layer, the update/parameter ratio of each epoch's last step
 * @param deadFraction  per hidden layer, the share of dead units
 * @param sparsity      per hidden layer, the share of zero outputs
 * @param learnedSlope  per hidden layer, PReLU's learned slope (NaN while the model is no PReLU)
 */
public record ModelHistory(Series mse, Series trainLoss, Series modelEpoch, Series measured,
                           List<Series> gradientNorm, List<Series> updateRatio,
                           List<Series> deadFraction, List<Series> sparsity,
                           List<Series> learnedSlope) {

    /** Whether the statistics at session epoch {@code epoch} were measured then. */
    public boolean measuredAt(int epoch) {
        return measured.get(epoch) != 0;
    }

    /** Trainer-side builder; records one epoch's {@link ModelStats} at a time. */
    static final class Builder {
        private final Series.Builder mse = new Series.Builder();
        private final Series.Builder trainLoss = new Series.Builder();
        private final Series.Builder modelEpoch = new Series.Builder();
        private final Series.Builder measured = new Series.Builder();
        private final List<Series.Builder> gradientNorm = new ArrayList<>();
        private final List<Series.Builder> updateRatio = new ArrayList<>();
        private final List<Series.Builder> deadFraction = new ArrayList<>();
        private final List<Series.Builder> sparsity = new ArrayList<>();
        private final List<Series.Builder> learnedSlope = new ArrayList<>();

        Builder(int layers) {
            for (int i = 0; i < layers; i++) {
                gradientNorm.add(new Series.Builder());
                updateRatio.add(new Series.Builder());
                if (i < layers - 1) {
                    deadFraction.add(new Series.Builder());
                    sparsity.add(new Series.Builder());
                    learnedSlope.add(new Series.Builder());
                }
            }
        }

        /**
         * @param wasMeasured whether {@code stats} are this epoch's (false: an older measurement)
         * @param epoch       the model's own epoch count now
         * @param loss        the mean batch loss of its last epoch (known whether measured or not)
         */
        void add(ModelStats stats, boolean wasMeasured, int epoch, double loss) {
            mse.add((float) stats.mse());
            trainLoss.add((float) loss);
            modelEpoch.add(epoch);
            measured.add(wasMeasured ? 1 : 0);
            List<LayerStats> layers = stats.layers();
            for (int i = 0; i < gradientNorm.size() && i < layers.size(); i++) {
                LayerStats l = layers.get(i);
                gradientNorm.get(i).add((float) l.gradientNorm());
                updateRatio.get(i).add((float) l.updateRatio());
                if (i < deadFraction.size()) {
                    deadFraction.get(i).add((float) l.deadFraction());
                    sparsity.get(i).add((float) l.sparsity());
                    learnedSlope.get(i).add(l.learnedSlope());
                }
            }
        }

        ModelHistory view() {
            return new ModelHistory(mse.view(), trainLoss.view(), modelEpoch.view(), measured.view(),
                    views(gradientNorm), views(updateRatio),
                    views(deadFraction), views(sparsity), views(learnedSlope));
        }

        private static List<Series> views(List<Series.Builder> builders) {
            List<Series> list = new ArrayList<>(builders.size());
            for (Series.Builder b : builders) {
                list.add(b.view());
            }
            return List.copyOf(list);
        }
    }
}
