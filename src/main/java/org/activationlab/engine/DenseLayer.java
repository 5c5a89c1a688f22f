package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/**
 * One dense layer {@code out = f(in·W + b)} with every buffer the training loop needs, allocated
 * once for the largest batch and reshaped (without allocating) to smaller ones.
 */
final class DenseLayer {

    final int inputs;
    final int units;
    final Parameter weights;
    final Parameter bias;
    /** PReLU's learned slope (1×1), or null for other activations. */
    Parameter slope;
    Activation activation;

    /** Pre-activations z = in·W + b, batch × units. */
    final FMatrixRMaj pre;
    /** Outputs f(z), batch × units. */
    final FMatrixRMaj out;
    /** ∂loss/∂out, batch × units. */
    final FMatrixRMaj gradOut;
    /** ∂loss/∂z, batch × units. */
    final FMatrixRMaj gradPre;

    DenseLayer(int index, int inputs, int units, Activation activation, int maxBatch) {
        this.inputs = inputs;
        this.units = units;
        this.weights = new Parameter("W" + index, inputs, units);
        this.bias = new Parameter("b" + index, 1, units);
        this.pre = new FMatrixRMaj(maxBatch, units);
        this.out = new FMatrixRMaj(maxBatch, units);
        this.gradOut = new FMatrixRMaj(maxBatch, units);
        this.gradPre = new FMatrixRMaj(maxBatch, units);
        setActivation(activation, index);
    }

    /** Switches the activation; a learned PReLU slope starts at its initial value. */
    void setActivation(Activation newActivation, int index) {
        activation = newActivation;
        if (newActivation.learnsParameter()) {
            slope = new Parameter("a" + index, 1, 1);
            slope.value().data[0] = newActivation.initialParameter();
        } else {
            slope = null;
        }
    }

    float slopeValue() {
        return slope == null ? 0f : slope.value().data[0];
    }

    void resize(int batch) {
        pre.reshape(batch, units, false);
        out.reshape(batch, units, false);
        gradOut.reshape(batch, units, false);
        gradPre.reshape(batch, units, false);
    }

    /** True while {@link #gradPre} holds f′(pre) from a training forward pass. */
    private boolean derivativeCached;

    /**
     * @param training whether a backward pass follows: then f′ may be computed on the way
     *                 (into {@link #gradPre}, which the backward pass overwrites anyway)
     */
    void forward(FMatrixRMaj input, MatrixKernels kernels, boolean training) {
        kernels.multAddBias(input, weights.value(), bias.value(), pre);
        derivativeCached = training && activation.forwardWithDerivative(pre.data, out.data,
                gradPre.data, pre.numRows, units, slopeValue());
        if (!derivativeCached) {
            activation.forward(pre.data, out.data, pre.numRows, units, slopeValue());
        }
    }

    /**
     * From {@link #gradOut} (already set by the layer above or the loss), computes the
     * gradients of W, b and the slope, and — if {@code gradInput} is not null — ∂loss/∂input.
     */
    void backward(FMatrixRMaj input, FMatrixRMaj gradInput, MatrixKernels kernels) {
        int rows = pre.numRows;
        if (derivativeCached) {
            float[] d = gradPre.data;
            float[] g = gradOut.data;
            int n = rows * units;
            for (int i = 0; i < n; i++) {
                d[i] *= g[i];
            }
            derivativeCached = false;
        } else {
            activation.backward(pre.data, out.data, gradOut.data, gradPre.data, rows, units, slopeValue());
        }
        if (slope != null) {
            slope.gradient().data[0] =
                    (float) activation.parameterGradient(pre.data, gradOut.data, rows, units);
        }
        // ∂loss/∂W = inputᵀ·∂loss/∂z and ∂loss/∂b = the column sums of ∂loss/∂z, in one pass.
        kernels.multTransAWithColumnSums(input, gradPre, weights.gradient(), bias.gradient());
        if (gradInput != null) {
            kernels.multTransB(gradPre, weights.value(), gradInput);
        }
    }

    void collectParameters(List<Parameter> into) {
        into.add(weights);
        into.add(bias);
        if (slope != null) {
            into.add(slope);
        }
    }

    List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>(3);
        collectParameters(list);
        return list;
    }
}
