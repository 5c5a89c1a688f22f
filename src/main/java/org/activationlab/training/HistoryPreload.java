package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.LayerStats;
import org.activationlab.engine.ModelStats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * For the UI benchmark only ({@code bench-ui --preload-epochs N}): makes a session look as if it
 * had trained for a long time, in a second, so that the frame cost after 100,000 epochs can be
 * measured without waiting hours. Each model's history gets {@code N} more entries whose
 * statistics scatter around the model's current ones (log-normal noise, like a long Adam run's
 * wobble, from a fixed seed; gradient statistics that are still 0 around typical values), and an activation switch is marked every
 * {@link #SWITCH_EVERY} epochs, about what a switch a second at 150 epochs/s leaves. The models
 * themselves do not change: nothing here is trained.
 */
final class HistoryPreload {

    /** Epochs between the preloaded switch markers. */
    static final int SWITCH_EVERY = 150;

    private HistoryPreload() {
    }

    /**
     * Appends {@code epochs} entries to every history after session epoch {@code firstEpoch - 1},
     * and the switch markers among them to {@code switches}.
     */
    static void append(int epochs, int firstEpoch, List<ModelTrack> tracks, List<SwitchEvent> switches,
                       List<Activation> cycle) {
        SplittableRandom random = new SplittableRandom(20261129);
        for (int e = 0; e < epochs; e++) {
            int epoch = firstEpoch + e;
            for (ModelTrack t : tracks) {
                t.recordPreloaded(scattered(t.stats(), random));
            }
            if (epoch % SWITCH_EVERY == 0 && !cycle.isEmpty()) {
                int k = epoch / SWITCH_EVERY;
                switches.add(new SwitchEvent(epoch, 0, cycle.get((k + cycle.size() - 1) % cycle.size()),
                        cycle.get(k % cycle.size()), SwitchMode.KEEP_WEIGHTS));
            }
        }
    }

    private static ModelStats scattered(ModelStats s, SplittableRandom random) {
        List<LayerStats> layers = new ArrayList<>(s.layers().size());
        for (LayerStats l : s.layers()) {
            // Before any training the gradient statistics are 0: scatter around typical values then.
            layers.add(new LayerStats(l.units(), l.hidden(), wobble(typical(l.gradientNorm(), 0.1), random),
                    wobble(typical(l.updateRatio(), 1e-3), random), jitter(l.deadFraction(), random),
                    jitter(l.sparsity(), random), l.histogram(), l.deadUnits(), l.learnedSlope(),
                    l.saturatedShare()));
        }
        return new ModelStats(s.name(), s.activation(), s.epoch(), s.trainLoss(),
                wobble(s.mse(), random), s.predictions(), s.gridPredictions(), layers, s.diverged(),
                s.divergedAtEpoch(), s.weights(), s.biases(), s.shape());
    }

    private static double typical(double value, double otherwise) {
        return value > 0 && Double.isFinite(value) ? value : otherwise;
    }

    private static double wobble(double value, SplittableRandom random) {
        return value * Math.exp(0.4 * gaussian(random));
    }

    private static double jitter(double share, SplittableRandom random) {
        return Math.max(0, Math.min(1, share + 0.02 * gaussian(random)));
    }

    /** A standard normal value (Box–Muller; SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
