package org.activationlab.training.lesson;

import org.activationlab.engine.LinearCollapse;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.ModelStats;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.lesson.LessonRuns.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import static org.activationlab.training.lesson.LessonRuns.median;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every number and claim in the bundled lessons' Watch lines, checked on the step's own
 * configuration (models, network, optimiser, batch, epochs) for seeds 1–5: a plain claim must
 * hold for each seed, a claim the text calls "usually" for the median. The runs are those of the
 * engine, without the UI; each configuration is trained once and shared between its steps.
 */
class LessonClaimsTest {

    private static final String L1 = "01-with-vs-without.json";
    private static final String L2 = "02-why-relu.json";
    private static final String L3 = "03-vanishing-gradients.json";
    private static final String L4 = "04-exploding-gradients.json";
    private static final String L5 = "05-dying-relu.json";
    private static final String L6 = "06-saturation.json";
    private static final String L7 = "07-softmax.json";

    /** The traces of model {@code model} for each seed. */
    private static List<Trace> model(String file, int step, int model) throws LessonFormatException {
        List<Trace> traces = new ArrayList<>();
        for (List<Trace> seed : LessonRuns.run(file, step)) {
            traces.add(seed.get(model));
        }
        return traces;
    }

    /** The claim holds for every seed. */
    private static void each(List<Trace> traces, String claim, Predicate<Trace> holds, ToDoubleFunction<Trace> shown) {
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < traces.size(); i++) {
            if (!holds.test(traces.get(i))) {
                failed.add("seed " + LessonRuns.SEEDS[i] + ": " + shown.applyAsDouble(traces.get(i)));
            }
        }
        if (!failed.isEmpty()) {
            fail(traces.get(0).model() + ": " + claim + " fails for " + failed);
        }
    }

    private static void in(List<Trace> traces, String claim, ToDoubleFunction<Trace> value, double lo, double hi) {
        each(traces, claim + " in [" + lo + ", " + hi + "]", t -> {
            double v = value.applyAsDouble(t);
            return v >= lo && v <= hi;
        }, value);
    }

    /** The median over the seeds lies in [lo, hi] (for what the text calls "usually"). */
    private static void usually(List<Trace> traces, String claim, ToDoubleFunction<Trace> value, double lo, double hi) {
        double m = median(traces.stream().mapToDouble(value).toArray());
        assertTrue(m >= lo && m <= hi, traces.get(0).model() + ": " + claim + ", median " + m);
    }

    /** The smallest and largest of a per-layer value over the hidden layers and measured epochs ≥ from. */
    private static double[] range(Trace t, double[][] perEpoch, int from, boolean withOutput) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int e : t.epochsFrom(from)) {
            int layers = perEpoch[e].length - (withOutput ? 0 : 1);
            for (int l = 0; l < layers; l++) {
                lo = Math.min(lo, perEpoch[e][l]);
                hi = Math.max(hi, perEpoch[e][l]);
            }
        }
        return new double[]{lo, hi};
    }

    private static int out(Trace t) {
        return t.gradient()[t.epochs()].length - 1;
    }

    @Test
    void lesson1WithAndWithout() throws LessonFormatException {
        List<Trace> relu = model(L1, 0, 0);
        List<Trace> linear = model(L1, 0, 1);
        in(relu, "ReLU's MSE after 100 epochs below 0.003", Trace::finalMse, 0, 0.003);
        in(linear, "the linear MSE from epoch 1 on", t -> range(t, mseColumn(t), 1, true)[0], 0.42, 0.49);
        in(linear, "the linear MSE's maximum from epoch 1 on", t -> range(t, mseColumn(t), 1, true)[1], 0.42, 0.49);
        // Step 2: about 0.43, within 0.01 of the least-squares line's MSE on the same data.
        ExperimentConfig c = LessonRuns.config(L1, 1);
        float[] x = c.data().x();
        float[] y = c.data().y();
        LinearCollapse.Line best = LinearCollapse.leastSquares(x, y);
        double bestMse = 0;
        for (int i = 0; i < x.length; i++) {
            double d = best.slope() * x[i] + best.intercept() - y[i];
            bestMse += d * d / x.length;
        }
        double lineMse = bestMse;
        in(model(L1, 1, 1), "the linear MSE", Trace::finalMse, 0.42, 0.44);
        in(model(L1, 1, 1), "the linear MSE above the best line's " + lineMse, t -> t.finalMse() - lineMse, 0, 0.01);
        // Step 3: the middle first.
        each(model(L1, 2, 0), "at epoch 10 the error inside |x| < π is below the error beyond",
                t -> t.innerOuter()[10][0] < t.innerOuter()[10][1], t -> t.innerOuter()[10][0] / t.innerOuter()[10][1]);
    }

    /** MSE per epoch as a one-column table, for {@link #range}. */
    private static double[][] mseColumn(Trace t) {
        double[][] m = new double[t.mse().length][];
        for (int e = 0; e < m.length; e++) {
            m[e] = new double[]{t.mse()[e]};
        }
        return m;
    }

    @Test
    void lesson2WhyRelu() throws LessonFormatException {
        List<Trace> relu = model(L2, 0, 0);
        each(relu, "at most 17 pieces (16 kinks) at every epoch",
                t -> java.util.Arrays.stream(t.epochsFrom(0)).allMatch(e -> t.pieces()[e] >= 1 && t.pieces()[e] <= 17),
                t -> java.util.Arrays.stream(t.pieces()).max().orElse(0));
        in(relu, "the MSE after 100 epochs", Trace::finalMse, 0.003, 0.08);
        List<Trace> tanh = model(L2, 1, 1);
        each(tanh, "Tanh has no kinks", t -> t.pieces()[t.epochs()] == 0, t -> t.pieces()[t.epochs()]);
        in(tanh, "Tanh's MSE", Trace::finalMse, 0, 0.1);
        in(model(L2, 1, 0), "ReLU's MSE", Trace::finalMse, 0, 0.1);
        in(model(L2, 2, 0), "ReLU's sparsity, lowest", t -> range(t, t.sparsity(), 0, false)[0], 0.5, 0.75);
        in(model(L2, 2, 0), "ReLU's sparsity, highest", t -> range(t, t.sparsity(), 0, false)[1], 0.5, 0.75);
        in(model(L2, 2, 1), "Tanh's sparsity", t -> range(t, t.sparsity(), 0, false)[1], 0, 0);
    }

    @Test
    void lesson3VanishingGradients() throws LessonFormatException {
        List<Trace> sigmoid = model(L3, 0, 0);
        List<Trace> relu = model(L3, 0, 1);
        in(sigmoid, "first layer / output after one epoch", t -> t.gradient()[1][0] / t.gradient()[1][out(t)], 0, 1e-4);
        in(sigmoid, "first layer's gradient after one epoch", t -> t.gradient()[1][0], 0.8e-5, 3.5e-5);
        in(sigmoid, "output's gradient after one epoch", t -> t.gradient()[1][out(t)], 0.6, 1.6);
        in(relu, "ReLU's smallest gradient after one epoch", t -> min(t.gradient()[1]), 0.065, 0.35);
        in(relu, "ReLU's largest gradient after one epoch", t -> max(t.gradient()[1]), 0.065, 0.35);
        in(model(L3, 1, 0), "Sigmoid's MSE", Trace::finalMse, 0.49, 0.51);
        in(model(L3, 1, 1), "ReLU's MSE", Trace::finalMse, 0, 0.03);
        each(model(L3, 2, 1), "ReLU's layers within a factor of 5 at every epoch",
                t -> java.util.Arrays.stream(t.epochsFrom(1)).allMatch(e -> max(t.gradient()[e]) <= 5 * min(t.gradient()[e])),
                t -> java.util.Arrays.stream(t.epochsFrom(1)).mapToDouble(e -> max(t.gradient()[e]) / min(t.gradient()[e])).max().orElse(0));
        each(model(L3, 2, 0), "Sigmoid's output / first layer above 1e4, first layer lowest, at every epoch",
                t -> java.util.Arrays.stream(t.epochsFrom(1)).allMatch(e -> t.gradient()[e][out(t)] > 1e4 * t.gradient()[e][0]
                        && t.gradient()[e][0] == min(t.gradient()[e])),
                t -> 0);
        List<Trace> tanh = model(L3, 3, 0);
        in(tanh, "Tanh's smallest gradient", t -> range(t, t.gradient(), 1, true)[0], 0.03, 3);
        in(tanh, "Tanh's largest gradient", t -> range(t, t.gradient(), 1, true)[1], 0.03, 3);
        in(tanh, "Tanh's MSE", Trace::finalMse, 0, 0.02);
        List<Trace> relu4 = model(L3, 3, 1);
        for (int i = 0; i < tanh.size(); i++) {
            assertTrue(tanh.get(i).finalMse() <= 1.5 * relu4.get(i).finalMse(), "seed " + LessonRuns.SEEDS[i]
                    + ": Tanh about as good as ReLU: " + tanh.get(i).finalMse() + " vs " + relu4.get(i).finalMse());
        }
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    @Test
    void lesson4ExplodingGradients() throws LessonFormatException {
        List<Trace> relu = model(L4, 0, 0);
        in(relu, "the epoch of divergence", t -> t.divergedAt(), 4, 6);
        in(relu, "the first layer's gradient after one epoch", t -> t.gradient()[1][0], 10, 1000);
        in(relu, "the largest first-layer gradient before NaN", t -> range(t, t.gradient(), 1, true)[1], 1000, Double.MAX_VALUE);
        // Step 2: the loss at the start, and growing with each step.
        in(relu, "the MSE at epoch 0", t -> t.mse()[0], 10, 1000);
        each(relu, "the loss grows with each epoch", t -> t.mse()[1] > t.mse()[0] && t.mse()[2] > t.mse()[1], t -> t.mse()[1]);
        List<Trace> small = model(L4, 2, 0);
        in(small, "diverged", t -> t.divergedAt(), -1, -1);
        in(small, "the largest gradient", t -> range(t, t.gradient(), 1, true)[1], 0, 2);
        each(small, "the loss falls with every epoch", t -> {
            int[] e = t.epochsFrom(0);
            for (int i = 1; i < e.length; i++) {
                if (!(t.mse()[e[i]] < t.mse()[e[i - 1]])) {
                    return false;
                }
            }
            return true;
        }, t -> 0);
        in(small, "the MSE after 50 epochs", Trace::finalMse, 0.40, 0.48);
        List<Trace> slow = model(L4, 3, 0);
        in(slow, "diverged", t -> t.divergedAt(), -1, -1);
        in(slow, "the MSE at epoch 0", t -> t.mse()[0], 10, 1000);
        in(slow, "the MSE at epoch 20", t -> t.mse()[20], 0, 0.5);
        each(slow, "the norms shrink", t -> java.util.stream.IntStream.range(0, out(t) + 1)
                .allMatch(l -> t.gradient()[t.epochs()][l] < t.gradient()[1][l]), t -> 0);
    }

    @Test
    void lesson5DyingRelu() throws LessonFormatException {
        List<Trace> big = model(L5, 0, 0);
        in(big, "layer 1 dead at epoch 0", t -> t.dead()[0][0], 0, 0);
        in(big, "layer 2 dead at epoch 0", t -> t.dead()[0][1], 0.15, 0.30);
        in(big, "layer 2 dead after one epoch", t -> t.dead()[1][1], 0.55, 0.80);
        in(big, "layer 1 dead after 100 epochs", t -> t.dead()[t.epochs()][0], 0.55, 0.75);
        in(big, "layer 2 dead after 100 epochs", t -> t.dead()[t.epochs()][1], 0.80, 1);
        in(big, "the MSE", Trace::finalMse, 0, 0.01);

        List<Trace> born = model(L5, 1, 0);
        in(born, "layer 2 dead at every epoch", t -> range(t, t.dead(), 0, false)[0] == 0 ? 0 : min(col(t, 1)), 1, 1);
        in(born, "layer 1 dead at epoch 0", t -> t.dead()[0][0], 0.45, 0.65);
        in(born, "layer 1's dead share changes by", t -> max(col(t, 0)) - min(col(t, 0)), 0, 0);
        in(born, "pieces at any epoch (fewest)", t -> java.util.Arrays.stream(t.epochsFrom(0)).map(e -> t.pieces()[e]).min().orElse(0), 1, 1);
        in(born, "pieces at any epoch (most)", t -> java.util.Arrays.stream(t.epochsFrom(0)).map(e -> t.pieces()[e]).max().orElse(0), 1, 1);
        in(born, "the MSE", Trace::finalMse, 0.49, 0.51);

        List<Trace> leaky = model(L5, 2, 0);
        in(leaky, "dead Leaky ReLU units at any epoch", t -> range(t, t.dead(), 0, false)[1], 0, 0);
        in(leaky, "Leaky ReLU's MSE", Trace::finalMse, 0, 0.002);
        in(model(L5, 2, 1), "ReLU's pieces (flat)", t -> t.pieces()[t.epochs()], 1, 1);

        List<Trace> prelu = model(L5, 3, 0);
        in(prelu, "layer 1's learned slope", t -> t.slopes()[t.epochs()][0], 0.2, 0.3);
        usually(prelu, "layer 2's learned slope", t -> t.slopes()[t.epochs()][1], 0.3, 0.5);
        in(prelu, "dead PReLU units", t -> range(t, t.dead(), 0, false)[1], 0, 0);
        usually(prelu, "PReLU's MSE", Trace::finalMse, 0, 0.001);

        List<Trace> elu = model(L5, 4, 0);
        in(elu, "dead ELU units", t -> range(t, t.dead(), 0, false)[1], 0, 0);
        in(elu, "ELU's MSE", Trace::finalMse, 0, 0.0002);
        double eluMedian = median(elu.stream().mapToDouble(Trace::finalMse).toArray());
        assertTrue(eluMedian < median(prelu.stream().mapToDouble(Trace::finalMse).toArray())
                && eluMedian < median(leaky.stream().mapToDouble(Trace::finalMse).toArray()), "ELU usually fits best");
    }

    /** Layer {@code layer}'s dead share at every measured epoch. */
    private static double[] col(Trace t, int layer) {
        return java.util.Arrays.stream(t.epochsFrom(0)).mapToDouble(e -> t.dead()[e][layer]).toArray();
    }

    @Test
    void lesson6Saturation() throws LessonFormatException {
        for (int m = 0; m < 2; m++) {
            List<Trace> plain = model(L6, 0, m);
            in(plain, "saturated at epoch 0", t -> max(hidden(t.saturated()[0])), 0, 0.01);
            in(plain, "saturated after 100 epochs", t -> max(hidden(t.saturated()[t.epochs()])), 0, 0.15);
        }
        List<Trace> sigmoid1 = model(L6, 0, 0);
        in(sigmoid1, "Sigmoid's MSE at scale 1", Trace::finalMse, 0.07, 0.13);
        in(model(L6, 0, 1), "Tanh's MSE at scale 1", Trace::finalMse, 0, 0.005);

        List<Trace> sigmoid8 = model(L6, 1, 0);
        List<Trace> tanh8 = model(L6, 1, 1);
        in(sigmoid8, "Sigmoid's saturated share at epoch 0, lowest layer", t -> min(hidden(t.saturated()[0])), 0.45, 0.65);
        in(sigmoid8, "Sigmoid's saturated share at epoch 0, highest layer", t -> max(hidden(t.saturated()[0])), 0.45, 0.65);
        in(tanh8, "Tanh's saturated share at epoch 0, lowest layer", t -> min(hidden(t.saturated()[0])), 0.5, 0.8);
        in(tanh8, "Tanh's saturated share at epoch 0, highest layer", t -> max(hidden(t.saturated()[0])), 0.5, 0.8);
        for (List<Trace> traces : List.of(sigmoid8, tanh8)) {
            in(traces, "share beyond ±6 at epoch 0 (spikes)", t -> min(hidden(t.beyondSix()[0])), 0.1, 1);
            in(traces, "change of the saturated shares in 100 epochs", t -> {
                double[] a = hidden(t.saturated()[0]);
                double[] b = hidden(t.saturated()[t.epochs()]);
                double d = 0;
                for (int l = 0; l < a.length; l++) {
                    d = Math.max(d, Math.abs(a[l] - b[l]));
                }
                return d;
            }, 0, 0.07);
        }
        in(sigmoid8, "Sigmoid's MSE at scale 8", Trace::finalMse, 0, 0.06);
        in(tanh8, "Tanh's MSE at scale 8", Trace::finalMse, 0, 0.005);
        for (int i = 0; i < sigmoid8.size(); i++) {
            assertTrue(sigmoid8.get(i).finalMse() < sigmoid1.get(i).finalMse(), "seed " + LessonRuns.SEEDS[i]
                    + ": Sigmoid fits better at scale 8 than at scale 1");
            double ratio = sigmoid8.get(i).mse()[0] / sigmoid1.get(i).mse()[0];
            assertTrue(ratio >= 10, "seed " + LessonRuns.SEEDS[i] + ": the loss starts ten times higher: " + ratio);
        }
        in(model(L6, 2, 0), "Sigmoid's MSE at epoch 0, scale 8", t -> t.mse()[0], 7 * 0.95, 145);
        in(sigmoid1, "Sigmoid's MSE at epoch 0, scale 1", t -> t.mse()[0], 0.5, 2.35);
        each(model(L6, 2, 0), "the loss falls steeply in the first epochs", t -> t.mse()[2] < t.mse()[0] / 5, t -> t.mse()[2]);
    }

    private static double[] hidden(double[] perLayer) {
        return java.util.Arrays.copyOf(perLayer, perLayer.length - 1);
    }

    @Test
    void lesson7SoftmaxNetwork() throws LessonFormatException {
        List<Trace> softmax = model(L7, 2, 0);
        in(softmax, "MSE after one epoch", t -> t.mse()[1], 0.49, 0.51);
        in(softmax, "MSE after 100 epochs", Trace::finalMse, 0.03, 0.05);
        in(model(L7, 2, 1), "ReLU's MSE", Trace::finalMse, 0, 0.003);
    }

    /**
     * Every question of the bundled lessons: at the end of its step's run the reveal rule marks
     * the answer the lesson expects, on seeds 1–5 and on the lesson's own seed (the window's), as
     * the window would mark it (it is the same rule, on the same end-of-run statistics).
     */
    @Test
    void everyQuestionMarksTheExpectedAnswerOnEverySeed() throws LessonFormatException {
        int questions = 0;
        List<String> failed = new ArrayList<>();
        for (Lesson lesson : LessonLoader.load(LessonLoader.bundled()).lessons()) {
            for (int step = 0; step < lesson.stepCount(); step++) {
                LessonQuestion q = lesson.step(step).question();
                if (q == null) {
                    continue;
                }
                questions++;
                List<String> names = lesson.step(step).settings().config().modelNames();
                List<List<Trace>> runs = new ArrayList<>(LessonRuns.run(lesson.file(), step));
                List<Long> seeds = new ArrayList<>(java.util.stream.LongStream.of(LessonRuns.SEEDS).boxed().toList());
                runs.add(LessonRuns.runOwnSeed(lesson.file(), step));
                seeds.add(lesson.step(step).settings().config().seed());
                for (int i = 0; i < runs.size(); i++) {
                    List<ModelStats> finals = runs.get(i).stream().map(Trace::last).toList();
                    int marked = q.rule().answer(finals);
                    if (marked != q.expected()) {
                        failed.add(lesson.file() + " step " + (step + 1) + ", seed " + seeds.get(i) + ": marked '"
                                + q.answers().get(marked) + "', expected '" + q.expectedAnswer() + "' ("
                                + q.rule().evidence(finals, names) + ")");
                    }
                }
            }
        }
        assertTrue(questions >= 4, "at least four lessons ask a question, found " + questions);
        assertEquals(List.of(), failed);
    }

    /** Lesson 5 step 2 on the lesson's own seed too: the output is flat, one piece, no kinks. */
    @Test
    void bornDeadNetworkIsOneFlatPiece() throws LessonFormatException {
        ExperimentConfig c = LessonRuns.config(L5, 1);
        ModelRun run = new ModelRun("relu", c.data(), c.network().withActivation(c.models().get(0)),
                c.optimizer(), c.batchSize(), c.seed());
        ModelStats s = run.measure();
        float[] y = run.predict(new float[]{-6, 0, 6});
        assertEquals(y[0], y[1], 1e-6, "flat output");
        assertEquals(y[0], y[2], 1e-6, "flat output");
        assertEquals(1, s.shape().pieces(), "a flat line is one piece, kinks " + java.util.Arrays.toString(s.shape().kinks()));
    }
}
