package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/** PLACEHOLDER until the tuned kernels land. */
public final class MatrixKernels {
    public MatrixKernels(int maxDim) { }
    public void multAddBias(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj bias, FMatrixRMaj c) {
        CommonOps_FDRM.mult(a, b, c);
        if (bias != null) for (int i = 0; i < c.numRows; i++) for (int j = 0; j < c.numCols; j++) c.data[i*c.numCols+j] += bias.data[j];
    }
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { CommonOps_FDRM.multTransA(a, b, c); }
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) { CommonOps_FDRM.multTransB(a, b, c); }
}
