package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A dense network {@code 1 → width × depth → 1} trained with mean squared error. Every buffer is
 * allocated in the constructor for batches of up to {@code maxBatch} rows; {@link #forward} and
 * {@link #backward} allocate nothing.
 */
public final class Mlp {

    private final NetworkSpec spec;
    private final List<DenseLayer> layers;
    private final MatrixKernels kernels;
    private final int maxBatch;
    private Activation activation;

    /**
     * Builds the network and draws its initial weights from {@code seed}: the same spec (apart
     * from the activation) and seed always give the same initial weights.
     */
    public Mlp(NetworkSpec spec, long seed, int maxBatch) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be ≥ 1");
        }
        this.spec = spec;
        this.maxBatch = maxBatch;
        this.activation = spec.activation();
        int[] sizes = spec.layerSizes();
        List<DenseLayer> list = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        int maxDim = maxBatch;
        for (int i = 1; i < sizes.length; i++) {
            boolean output = i == sizes.length - 1;
            DenseLayer layer = new DenseLayer(i, sizes[i - 1], sizes[i],
                    output ? Activations.LINEAR : activation, maxBatch);
            spec.initializer().fill(layer.weights.value().data, sizes[i - 1], sizes[i],
                    spec.initScale(), random);
            spec.initializer().fillBiases(layer.bias.value().data, sizes[i - 1], sizes[i], spec.biasInit(), random);
            list.add(layer);
            maxDim = Math.max(maxDim, sizes[i]);
        }
        this.layers = Collections.unmodifiableList(list);
        this.kernels = new MatrixKernels(maxDim);
    }

    public NetworkSpec spec() {
        return spec.withActivation(activation);
    }

    public Activation activation() {
        return activation;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /** Number of dense layers (hidden layers + the output layer). */
    public int layerCount() {
        return layers.size();
    }

    public int hiddenLayerCount() {
        return layers.size() - 1;
    }

    /** Changes the hidden activation and keeps every weight (PReLU slopes start afresh). */
    public void setActivation(Activation newActivation) {
        activation = newActivation;
        for (int i = 0; i < layers.size() - 1; i++) {
            layers.get(i).setActivation(newActivation, i + 1);
        }
    }

    /** Every trainable parameter, in a fixed order: W1, b1, (a1), W2, b2, … */
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        for (DenseLayer layer : layers) {
            layer.collectParameters(list);
        }
        return list;
    }

    /** The weights (inputs × units) of dense layer {@code index} (0 = first hidden layer). */
    public FMatrixRMaj weights(int index) {
        return layers.get(index).weights.value();
    }

    /** ∂loss/∂W of dense layer {@code index} from the last backward pass. */
    public FMatrixRMaj weightGradient(int index) {
        return layers.get(index).weights.gradient();
    }

    /** ∂loss/∂b of dense layer {@code index} from the last backward pass. */
    public FMatrixRMaj biasGradient(int index) {
        return layers.get(index).bias.gradient();
    }

    public FMatrixRMaj bias(int index) {
        return layers.get(index).bias.value();
    }

    /** PReLU's learned slope of hidden layer {@code index}, or NaN if it learns none. */
    public float learnedSlope(int index) {
        DenseLayer layer = layers.get(index);
        return layer.slope == null ? Float.NaN : layer.slopeValue();
    }

    /** Pre-activations of layer {@code index} from the last forward pass (batch × units). */
    public FMatrixRMaj preActivations(int index) {
        return layers.get(index).pre;
    }

    /** Outputs of layer {@code index} from the last forward pass (batch × units). */
    public FMatrixRMaj outputs(int index) {
        return layers.get(index).out;
    }

    /**
     * Forward pass of a batch.
     *
     * @param input batch × 1 inputs (at most {@code maxBatch} rows)
     * @return the network's outputs, batch × 1: a buffer of this network, overwritten by the next pass
     */
    public FMatrixRMaj forward(FMatrixRMaj input) {
        return forward(input, false);
    }

    /**
     * Forward pass of a batch that {@link #backward} will follow: activations may keep their
     * derivatives on the way, which saves the backward pass work.
     */
    public FMatrixRMaj forwardForTraining(FMatrixRMaj input) {
        return forward(input, true);
    }

    private FMatrixRMaj forward(FMatrixRMaj input, boolean training) {
        int batch = input.numRows;
        if (batch > maxBatch || input.numCols != 1) {
            throw new IllegalArgumentException("input must be at most " + maxBatch + " × 1, got "
                    + batch + " × " + input.numCols);
        }
        FMatrixRMaj current = input;
        // Indexed loops: an iterator over the unmodifiable list would allocate every batch.
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            layer.resize(batch);
            layer.forward(current, kernels, training);
            current = layer.out;
        }
        return current;
    }

    /**
     * Backward pass for the mean squared error of the last {@link #forward} against
     * {@code target}: fills every parameter's gradient.
     *
     * @return the batch's mean squared error
     */
    public double backward(FMatrixRMaj input, FMatrixRMaj target) {
        DenseLayer last = layers.get(layers.size() - 1);
        int batch = last.out.numRows;
        float[] prediction = last.out.data;
        float[] grad = last.gradOut.data;
        float[] y = target.data;
        double sum = 0;
        float scale = 2f / batch;
        for (int i = 0; i < batch; i++) {
            float diff = prediction[i] - y[i];
            sum += (double) diff * diff;
            grad[i] = scale * diff;
        }
        for (int i = layers.size() - 1; i >= 0; i--) {
            DenseLayer layer = layers.get(i);
            FMatrixRMaj layerInput = i == 0 ? input : layers.get(i - 1).out;
            FMatrixRMaj gradInput = i == 0 ? null : layers.get(i - 1).gradOut;
            layer.backward(layerInput, gradInput, kernels);
        }
        return sum / batch;
    }
}
