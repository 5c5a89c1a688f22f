package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;

/** A trainable tensor and its gradient, of the same shape; optimisers walk these. */
public final class Parameter {
    private final String name;
    private final FMatrixRMaj value;
    private final FMatrixRMaj gradient;

    public Parameter(String name, int rows, int cols) {
        this.name = name;
        this.value = new FMatrixRMaj(rows, cols);
        this.gradient = new FMatrixRMaj(rows, cols);
    }

    public String name() {
        return name;
    }

    public FMatrixRMaj value() {
        return value;
    }

    public FMatrixRMaj gradient() {
        return gradient;
    }

    public int size() {
        return value.numRows * value.numCols;
    }
}
