package org.activationlab.training;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Training the models of a session side by side on workers gives every model's numbers bit for
 * bit as one thread does, for the same seed: weights, predictions and every history series.
 */
class ParallelSessionTest {

    private static ExperimentConfig config(boolean race) {
        ExperimentConfig c = ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 300, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
        return race ? c.withModels(Activations.all()) : c;
    }

    /** Every number the session holds, as raw bits, in a fixed order. */
    private static List<int[]> bits(TrainingSession s) {
        List<int[]> all = new ArrayList<>();
        for (ModelStats m : s.stats()) {
            m.weights().forEach(w -> all.add(raw(w)));
            m.biases().forEach(b -> all.add(raw(b)));
            all.add(raw(m.predictions()));
        }
        for (ModelHistory h : s.histories()) {
            all.add(raw(h.mse().toArray()));
            all.add(raw(h.measured().toArray()));
            h.gradientNorm().forEach(x -> all.add(raw(x.toArray())));
            h.updateRatio().forEach(x -> all.add(raw(x.toArray())));
            h.deadFraction().forEach(x -> all.add(raw(x.toArray())));
        }
        return all;
    }

    private static int[] raw(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    private static void assertSameBits(TrainingSession expected, TrainingSession actual) {
        List<int[]> a = bits(expected);
        List<int[]> b = bits(actual);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k), "array " + k);
        }
    }

    @Test
    void theClassicPairOnTwoWorkersIsBitIdenticalToOneThread() throws Exception {
        compare(config(false), 6, 2);
    }

    @Test
    void aRaceOnTwoWorkersIsBitIdenticalToOneThread() throws Exception {
        compare(config(true), 3, 2);
    }

    @Test
    void moreWorkersThanModelsChangeNothing() throws Exception {
        compare(config(false), 3, 5);
    }

    private static void compare(ExperimentConfig config, int epochs, int workers) throws Exception {
        TrainingSession alone = TrainingSession.build(config);
        TrainingSession parallel = TrainingSession.build(config);
        // Measure every other epoch so that measured and unmeasured entries are both compared.
        try (EpochWorkers w = new EpochWorkers(workers, "parallel-session")) {
            for (int e = 0; e < epochs; e++) {
                boolean measure = e % 2 == 0 || e == epochs - 1;
                alone.trainEpoch(() -> false, () -> false, i -> measure);
                parallel.trainEpoch(w, () -> false, () -> false, i -> measure);
            }
        }
        assertEquals(alone.epoch(), parallel.epoch());
        assertSameBits(alone, parallel);
    }
}
