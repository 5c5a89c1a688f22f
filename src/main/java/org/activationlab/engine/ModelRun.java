package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One model being trained on a dataset exactly like Keras' {@code fit}: mean squared error,
 * mini-batches with the last partial batch kept, the order reshuffled every epoch from a seeded
 * random generator. {@link #trainEpoch()} allocates nothing; {@link #measure()} computes the
 * statistics a view shows and returns them as an immutable {@link ModelStats}.
 *
 * <p>Not thread-safe: one trainer thread owns it.
 */
public final class ModelRun {

    public static final int MAX_BATCH = Setting.BATCH_SIZE.maxInt();
    /** Salt that separates the shuffling stream from the weight stream of the same seed. */
    private static final long SHUFFLE_SALT = 0x9E3779B97F4A7C15L;

    private final String name;
    private final Dataset data;
    /** The data's least-squares line, for the fit chart to hold a linear network against. */
    private final LinearCollapse.Line bestLine;
    private NetworkSpec spec;
    private OptimizerSpec optimizerSpec;
    private int batchSize;
    private long seed;

    private Mlp network;
    private Optimizer optimizer;
    private SplittableRandom shuffleRandom;
    private final int[] order;
    private FMatrixRMaj batchX;
    private FMatrixRMaj batchY;

    private int epoch;
    /** Batches of the epoch under way already trained; 0 between epochs. */
    private int batchInEpoch;
    private double epochLossSum;
    private double lastTrainLoss = Double.NaN;
    private boolean diverged;
    private int divergedAtEpoch = -1;

    // Per-epoch gradient statistics, gathered during training without allocating.
    private double[] gradientNormSum;
    private int stepsThisEpoch;
    private float[][] weightsBeforeLastStep;
    private double[] lastUpdateRatio;

    public ModelRun(String name, Dataset data, NetworkSpec spec, OptimizerSpec optimizerSpec,
                    int batchSize, long seed) {
        this.name = name;
        this.data = data;
        this.order = new int[data.size()];
        this.bestLine = LinearCollapse.leastSquares(data.x(), data.y());
        this.spec = spec;
        this.optimizerSpec = optimizerSpec;
        this.batchSize = checkBatch(batchSize);
        this.seed = seed;
        restart(spec.activation());
    }

    private static int checkBatch(int batchSize) {
        Setting.BATCH_SIZE.check(batchSize);
        return batchSize;
    }

    public String name() {
        return name;
    }

    public Dataset data() {
        return data;
    }

    public Mlp network() {
        return network;
    }

    public Activation activation() {
        return network.activation();
    }

    public int epoch() {
        return epoch;
    }

    public boolean diverged() {
        return diverged;
    }

    /** The mean batch loss of the last epoch trained (NaN before the first). */
    public double lastTrainLoss() {
        return lastTrainLoss;
    }

    public OptimizerSpec optimizerSpec() {
        return optimizerSpec;
    }

    public int batchSize() {
        return batchSize;
    }

    /**
     * Starts again from epoch 0 with this activation and the initial weights of the seed: the
     * same seed always gives the same initial weights, so the comparison stays fair.
     */
    public void restart(Activation activation) {
        spec = spec.withActivation(activation);
        int batch = Math.min(batchSize, data.size());
        network = new Mlp(spec, seed, batch);
        optimizer = new Optimizer(optimizerSpec, network.parameters());
        shuffleRandom = new SplittableRandom(seed ^ SHUFFLE_SALT);
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        batchX = new FMatrixRMaj(batch, 1);
        batchY = new FMatrixRMaj(batch, 1);
        int layers = network.layerCount();
        gradientNormSum = new double[layers];
        lastUpdateRatio = new double[layers];
        weightsBeforeLastStep = new float[layers][];
        for (int i = 0; i < layers; i++) {
            FMatrixRMaj w = network.weights(i);
            weightsBeforeLastStep[i] = new float[w.numRows * w.numCols];
        }
        epoch = 0;
        batchInEpoch = 0;
        lastTrainLoss = Double.NaN;
        diverged = false;
        divergedAtEpoch = -1;
    }

    /**
     * Switches the activation and keeps the weights. The optimiser's moments start afresh, since
     * they were gathered on another loss surface.
     */
    public void switchActivationKeepingWeights(Activation activation) {
        network.setActivation(activation);
        spec = spec.withActivation(activation);
        optimizer = new Optimizer(optimizerSpec, network.parameters());
    }

    /** Takes effect from the next step; the optimiser's state starts afresh. */
    public void setOptimizer(OptimizerSpec newSpec) {
        optimizerSpec = newSpec;
        optimizer = new Optimizer(newSpec, network.parameters());
    }

    /** Restarts from the initial weights: the batch size is part of the network's buffers. */
    public void setBatchSize(int newBatchSize) {
        batchSize = checkBatch(newBatchSize);
        restart(network.activation());
    }

    /** Restarts with new initial weights and shuffling order. */
    public void setSeed(long newSeed) {
        seed = newSeed;
        restart(network.activation());
    }

    /**
     * Trains one epoch (the rest of it, if {@link #trainBatch()} started it); does nothing once
     * the model has diverged.
     *
     * @return the mean batch loss, weighted by batch size (NaN or infinite if it diverged)
     */
    public double trainEpoch() {
        if (diverged) {
            return Double.NaN;
        }
        while (!trainBatch()) {
            // one batch at a time: the same steps as a caller that stops between batches
        }
        return lastTrainLoss;
    }

    /** Mini-batches in one epoch. */
    public int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** Batches of the current epoch already trained (0 between epochs). */
    public int batchInEpoch() {
        return batchInEpoch;
    }

    /**
     * Trains the next mini-batch of the current epoch, starting the epoch (reshuffling) if none
     * is under way. Allocates nothing. Stopping between batches and going on later trains
     * exactly what {@link #trainEpoch()} would have.
     *
     * @return true if this batch ended the epoch (or the model has diverged and trains no more)
     */
    public boolean trainBatch() {
        if (diverged) {
            return true;
        }
        if (batchInEpoch == 0) {
            shuffle();
            java.util.Arrays.fill(gradientNormSum, 0);
            stepsThisEpoch = 0;
            epochLossSum = 0;
        }
        int n = order.length;
        int batches = batchesPerEpoch();
        int b = batchInEpoch;
        int start = b * batchSize;
        int rows = Math.min(batchSize, n - start);
        batchX.reshape(rows, 1, false);
        batchY.reshape(rows, 1, false);
        float[] xs = data.x();
        float[] ys = data.y();
        for (int r = 0; r < rows; r++) {
            int idx = order[start + r];
            batchX.data[r] = xs[idx];
            batchY.data[r] = ys[idx];
        }
        network.forwardForTraining(batchX);
        double loss = network.backward(batchX, batchY);
        epochLossSum += loss * rows;
        accumulateGradientNorms();
        boolean last = b == batches - 1;
        if (last) {
            rememberWeights();
        }
        optimizer.step();
        if (!last) {
            batchInEpoch++;
            return false;
        }
        computeUpdateRatios();
        batchInEpoch = 0;
        epoch++;
        lastTrainLoss = epochLossSum / n;
        if (!Double.isFinite(lastTrainLoss)) {
            markDiverged();
        }
        return true;
    }

    private void markDiverged() {
        if (!diverged) {
            diverged = true;
            divergedAtEpoch = epoch;
        }
    }

    /** Fisher–Yates over the previous order, from the run's own seeded stream. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffleRandom.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void accumulateGradientNorms() {
        for (int l = 0; l < gradientNormSum.length; l++) {
            double sq = sumOfSquares(network.weightGradient(l)) + sumOfSquares(network.biasGradient(l));
            gradientNormSum[l] += Math.sqrt(sq);
        }
        stepsThisEpoch++;
    }

    private void rememberWeights() {
        for (int l = 0; l < weightsBeforeLastStep.length; l++) {
            FMatrixRMaj w = network.weights(l);
            System.arraycopy(w.data, 0, weightsBeforeLastStep[l], 0, w.numRows * w.numCols);
        }
    }

    private void computeUpdateRatios() {
        for (int l = 0; l < weightsBeforeLastStep.length; l++) {
            FMatrixRMaj w = network.weights(l);
            float[] before = weightsBeforeLastStep[l];
            double delta = 0;
            double norm = 0;
            int n = w.numRows * w.numCols;
            for (int i = 0; i < n; i++) {
                double d = w.data[i] - before[i];
                delta += d * d;
                norm += (double) before[i] * before[i];
            }
            lastUpdateRatio[l] = norm == 0 ? 0 : Math.sqrt(delta / norm);
        }
    }

    /**
     * Σ d², in four running sums: one sum is a chain of dependent additions (the JIT may not
     * reorder them), four independent chains keep the adder busy, and this runs after every batch.
     */
    private static double sumOfSquares(FMatrixRMaj m) {
        int n = m.numRows * m.numCols;
        float[] d = m.data;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a = d[i], b = d[i + 1], c = d[i + 2], e = d[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += e * e;
        }
        for (; i < n; i++) {
            s0 += (double) d[i] * d[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Predicts y for each x (any number of points), in chunks of the network's batch size. */
    public float[] predict(float[] xs) {
        float[] out = new float[xs.length];
        FMatrixRMaj in = new FMatrixRMaj(network.maxBatch(), 1);
        for (int start = 0; start < xs.length; start += network.maxBatch()) {
            int rows = Math.min(network.maxBatch(), xs.length - start);
            in.reshape(rows, 1, false);
            System.arraycopy(xs, start, in.data, 0, rows);
            FMatrixRMaj y = network.forward(in);
            System.arraycopy(y.data, 0, out, start, rows);
        }
        return out;
    }

    /**
     * Evaluates the model on every training point and on the plotting grid and returns the
     * statistics of the epoch just trained.
     */
    public ModelStats measure() {
        return measure(() -> false);
    }

    /**
     * {@link #measure()}, giving up between chunks of points once {@code stop} says so (at the
     * drawer's largest shape measuring 100,000 points takes many seconds).
     *
     * @throws java.util.concurrent.CancellationException if stopped; the model is unchanged
     */
    public ModelStats measure(java.util.function.BooleanSupplier stop) {
        int hidden = network.hiddenLayerCount();
        int[][] nonZeroPerUnit = new int[hidden][];
        long[] zeroOutputs = new long[hidden];
        int[][] histograms = new int[hidden][LayerStats.HISTOGRAM_BINS];
        long[] saturated = new long[hidden];
        for (int l = 0; l < hidden; l++) {
            nonZeroPerUnit[l] = new int[network.weights(l).numCols];
        }
        float[] xs = data.x();
        float[] ys = data.y();
        float[] predictions = new float[xs.length];
        FMatrixRMaj in = new FMatrixRMaj(network.maxBatch(), 1);
        double squaredError = 0;
        for (int start = 0; start < xs.length; start += network.maxBatch()) {
            if (stop.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("measuring " + name + " was stopped");
            }
            int rows = Math.min(network.maxBatch(), xs.length - start);
            in.reshape(rows, 1, false);
            System.arraycopy(xs, start, in.data, 0, rows);
            FMatrixRMaj y = network.forward(in);
            for (int r = 0; r < rows; r++) {
                float p = y.data[r];
                predictions[start + r] = p;
                double d = p - ys[start + r];
                squaredError += d * d;
            }
            for (int l = 0; l < hidden; l++) {
                countActivations(l, rows, nonZeroPerUnit[l], histograms[l], zeroOutputs);
                int count = Saturation.count(network.activation(), network.preActivations(l).data,
                        rows * nonZeroPerUnit[l].length);
                saturated[l] = count < 0 || saturated[l] < 0 ? -1 : saturated[l] + count;
            }
        }
        double mse = squaredError / xs.length;
        if (!Double.isFinite(mse)) {
            markDiverged();
        }
        float[] grid = data.gridX() == xs ? predictions : predict(data.gridX());
        List<LayerStats> layers = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            double gradNorm = stepsThisEpoch == 0 ? 0 : gradientNormSum[l] / stepsThisEpoch;
            if (l < hidden) {
                int units = nonZeroPerUnit[l].length;
                int dead = 0;
                for (int count : nonZeroPerUnit[l]) {
                    dead += count == 0 ? 1 : 0;
                }
                int[] deadUnits = new int[dead];
                for (int u = 0, k = 0; u < units; u++) {
                    if (nonZeroPerUnit[l][u] == 0) {
                        deadUnits[k++] = u;
                    }
                }
                layers.add(new LayerStats(units, true, gradNorm, lastUpdateRatio[l],
                        (double) dead / units, (double) zeroOutputs[l] / ((long) units * xs.length),
                        histograms[l], deadUnits, network.learnedSlope(l),
                        saturated[l] < 0 ? Double.NaN : (double) saturated[l] / ((long) units * xs.length)));
            } else {
                layers.add(new LayerStats(1, false, gradNorm, lastUpdateRatio[l], 0, 0,
                        new int[0], new int[0], Float.NaN, 0));
            }
        }
        List<float[]> weights = new ArrayList<>(network.layerCount());
        List<float[]> biases = new ArrayList<>(network.layerCount());
        for (int l = 0; l < network.layerCount(); l++) {
            FMatrixRMaj w = network.weights(l);
            FMatrixRMaj b = network.bias(l);
            weights.add(java.util.Arrays.copyOf(w.data, w.numRows * w.numCols));
            biases.add(java.util.Arrays.copyOf(b.data, b.numCols));
        }
        FunctionShape shape = FunctionShape.of(network.activation(), weights, biases, layers, data, bestLine);
        return new ModelStats(name, network.activation(), epoch, lastTrainLoss, mse, predictions,
                grid, layers, diverged, divergedAtEpoch, weights, biases, shape);
    }

    private void countActivations(int layer, int rows, int[] nonZero, int[] histogram, long[] zeros) {
        FMatrixRMaj pre = network.preActivations(layer);
        FMatrixRMaj out = network.outputs(layer);
        int units = out.numCols;
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            for (int u = 0; u < units; u++) {
                if (out.data[o + u] != 0f) {
                    nonZero[u]++;
                } else {
                    zeros[layer]++;
                }
                histogram[LayerStats.bin(pre.data[o + u])]++;
            }
        }
    }
}
