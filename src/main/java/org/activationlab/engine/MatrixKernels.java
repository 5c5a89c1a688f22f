package org.activationlab.engine;

import java.util.Arrays;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * Float matrix products for the training hot loop, tuned for HotSpot C2 on JDK 17.
 *
 * <p>Why not EJML's {@code CommonOps_FDRM}: its loops index {@code c[co + j] += s * b[bo + j]}
 * with two different offsets into the arrays, which C2 on JDK 17 does not auto-vectorise
 * (~7-9 GFLOP/s at 32&times;64&times;64 on an AVX-512 EPYC). C2 <em>does</em> vectorise a loop
 * that walks zero-offset arrays, {@code acc[j] += s0*b0[j] + s1*b1[j] + s2*b2[j] + s3*b3[j]}
 * (~28-34 GFLOP/s there, ~70-90 at 32&times;512&times;512). So every product is rewritten in the same "axpy" form:
 * <ol>
 *   <li>the operand that every output row reuses is copied (or, for {@link #multTransB},
 *       transposed) into preallocated zero-offset row arrays;</li>
 *   <li>each output row is accumulated in a zero-offset scratch row, four source rows per pass;</li>
 *   <li>the finished row is copied into {@code c.data} with {@link System#arraycopy}.</li>
 * </ol>
 * Where the vector loop would have one-element rows, or the copy would cost more than it saves
 * (n = 1 in {@link #multAddBias}; k = 1 or fewer than {@value #MIN_ROWS_TO_TRANSPOSE} rows in
 * {@link #multTransB}), plain scalar dot products are used instead.
 *
 * <p>Guarantees: no allocation per call (all scratch is made in the constructor); results are
 * deterministic (a fixed summation order chosen only from the shapes, and Java float arithmetic is
 * strict, so interpreted, C2-scalar and C2-vector code give the same bits); only the first
 * {@code numRows * numCols} elements of each {@code data} array are read or written, so matrices
 * reshaped to a smaller last batch are safe. Shapes are checked: mismatches, dimensions above
 * {@code maxDim} and an output that aliases an input throw {@link IllegalArgumentException}.
 *
 * <p>Not thread-safe: one instance per thread (the scratch is shared between calls).
 */
public final class MatrixKernels {

    /**
     * Extra floats per scratch row. Unpadded rows of 1024 floats sit 4 KiB apart, so the same
     * column of every row falls in the same L1 cache set and the rows evict each other (measured:
     * 28 instead of 33 GFLOP/s at 32×64×64); one extra cache line per row spreads them out.
     */
    private static final int ROW_PAD = 16;

    /**
     * Output rows at least this wide are accumulated two at a time, sharing the loads of the
     * scratch rows (measured ~1.6-1.8x faster at width 512). Below it C2's unrolled vector loop is
     * longer than the row and the pair loop runs mostly scalar (~2.5x slower at width 64).
     */
    private static final int MIN_WIDTH_FOR_PAIRS = 256;
    /** multTransB transposes b only when it has at least this many output rows to amortise it. */
    private static final int MIN_ROWS_TO_TRANSPOSE = 4;

    /**
     * {@code -Dactivationlab.kernels=ejml} routes every product through EJML's
     * {@code CommonOps_FDRM} instead, so the benchmark can show what the tuned loops are worth.
     */
    public static final boolean EJML_ONLY = "ejml".equals(System.getProperty("activationlab.kernels"));

    private final int maxDim;
    /** Zero-offset copy of the reused operand: row r holds source row r (length up to maxDim). */
    private final float[][] rows;
    /** Zero-offset accumulators for one or two output rows. */
    private final float[] acc, acc1;
    /** Zero-offset copy of the bias row. */
    private final float[] biasRow;
    /** Coefficients 1, for column sums through {@link #accumulate}. */
    private final float[] ones;

    /**
     * Preallocates all scratch for products whose dimensions never exceed maxDim (rows or cols,
     * e.g. max(batch, width) = up to 1024). Memory used is about {@code 4 * maxDim * maxDim} bytes.
     */
    public MatrixKernels(int maxDim) {
        if (maxDim < 1) {
            throw new IllegalArgumentException("maxDim must be >= 1, got " + maxDim);
        }
        this.maxDim = maxDim;
        this.rows = new float[maxDim][maxDim + ROW_PAD];
        this.acc = new float[maxDim];
        this.acc1 = new float[maxDim];
        this.biasRow = new float[maxDim];
        this.ones = new float[maxDim];
        Arrays.fill(ones, 1f);
    }

    /**
     * c = a·b, then adds the 1×n row vector bias to every row if bias != null.
     * a: m×k, b: k×n, c: m×n (c must already have shape m×n).
     *
     * @throws IllegalArgumentException on mismatched shapes, a dimension above maxDim, or if c is
     *         (or shares its data array with) a, b or bias
     */
    public void multAddBias(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj bias, FMatrixRMaj c) {
        final int m = a.numRows, k = a.numCols, n = b.numCols;
        requireShape("b", b, k, n);
        requireShape("c", c, m, n);
        if (bias != null) {
            requireShape("bias", bias, 1, n);
            requireNotAliased(c, bias, "bias");
        }
        requireNotAliased(c, a, "a");
        requireNotAliased(c, b, "b");
        requireWithinMax(m, k, n);

        final float[] ad = a.data, bd = b.data, cd = c.data;

        if (EJML_ONLY) {
            CommonOps_FDRM.mult(a, b, c);
            if (bias != null) {
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        cd[i * n + j] += bias.data[j];
                    }
                }
            }
            return;
        }

        if (n == 1) {
            // Last layer: c[i] = bias + dot(a row i, b). A one-element row gives the vector loop
            // nothing to do, so plain scalar dot products are faster.
            for (int i = 0; i < m; i++) {
                float s = 0f;
                final int ao = i * k;
                for (int p = 0; p < k; p++) {
                    s += ad[ao + p] * bd[p];
                }
                cd[i] = bias == null ? s : s + bias.data[0];
            }
            return;
        }

        if (bias != null) {
            System.arraycopy(bias.data, 0, biasRow, 0, n);
        }
        copyRows(bd, k, n);
        // Output row i = sum over p of a[i][p] * b row p: coefficients walk row i of a.
        axpyRows(ad, k, 1, k, m, n, bias != null, cd);
    }

    /**
     * c = aᵀ·b. a: m×k, b: m×n, c: k×n (weight gradient: dW = Aᵀ·dZ).
     *
     * @throws IllegalArgumentException on mismatched shapes, a dimension above maxDim, or if c is
     *         (or shares its data array with) a or b
     */
    public void multTransA(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        final int m = a.numRows, k = a.numCols, n = b.numCols;
        requireShape("b", b, m, n);
        requireShape("c", c, k, n);
        requireNotAliased(c, a, "a");
        requireNotAliased(c, b, "b");
        requireWithinMax(m, k, n);

        final float[] ad = a.data, bd = b.data, cd = c.data;

        if (EJML_ONLY) {
            CommonOps_FDRM.multTransA(a, b, c);
            return;
        }

        if (n == 1) {
            // Last layer: c (k×1) has the layout of the single row bᵀ·a, so accumulate that one
            // k-wide row from the rows of a instead of k one-element rows.
            copyRows(ad, m, k);
            axpyRows(bd, 0, 1, m, 1, k, false, cd);
            return;
        }

        copyRows(bd, m, n);
        // Output row p = sum over i of a[i][p] * b row i: coefficients walk column p of a.
        axpyRows(ad, 1, k, m, k, n, false, cd);
    }

    /**
     * c = aᵀ·b as {@link #multTransA}, and {@code sums} (1×n) = the column sums of b: the weight
     * and the bias gradient of a layer in one pass. The sums are taken from b's rows while they
     * sit in the zero-offset scratch, by the products' own vectorised loop; summed straight from
     * b's backing array (a different offset per row) the loop does not vectorise.
     */
    public void multTransAWithColumnSums(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c, FMatrixRMaj sums) {
        final int m = b.numRows, n = b.numCols;
        requireShape("sums", sums, 1, n);
        requireNotAliased(sums, b, "b");
        multTransA(a, b, c);
        final float[] s = sums.data;
        if (EJML_ONLY || n == 1) {
            // The scratch holds a, not b (or nothing): sum b directly; n == 1 is a plain sum.
            final float[] bd = b.data;
            Arrays.fill(s, 0, n, 0f);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    s[j] += bd[i * n + j];
                }
            }
            return;
        }
        // The same tuned loop as the products, with every coefficient 1.
        accumulate(ones, 0, 1, m, n);
        System.arraycopy(acc, 0, s, 0, n);
    }

    /**
     * c = a·bᵀ. a: m×n, b: k×n, c: m×k (input gradient: dA = dZ·Wᵀ).
     *
     * <p>The natural form is a dot product per element, and C2 does not vectorise float
     * reductions (their order is fixed), so b is transposed into the scratch rows first, which
     * turns the product into the same vectorisable axpy form as {@link #multAddBias}. With fewer
     * than {@value #MIN_ROWS_TO_TRANSPOSE} output rows, or one output column, the transposition
     * costs more than it saves and plain dot products are used.
     *
     * @throws IllegalArgumentException on mismatched shapes, a dimension above maxDim, or if c is
     *         (or shares its data array with) a or b
     */
    public void multTransB(FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        final int m = a.numRows, n = a.numCols, k = b.numRows;
        requireShape("b", b, k, n);
        requireShape("c", c, m, k);
        requireNotAliased(c, a, "a");
        requireNotAliased(c, b, "b");
        requireWithinMax(m, k, n);

        final float[] ad = a.data, bd = b.data, cd = c.data;

        if (EJML_ONLY) {
            CommonOps_FDRM.multTransB(a, b, c);
            return;
        }

        if (m < MIN_ROWS_TO_TRANSPOSE || k == 1) {
            for (int i = 0; i < m; i++) {
                final int ao = i * n;
                for (int p = 0; p < k; p++) {
                    final int bo = p * n;
                    float s = 0f;
                    for (int j = 0; j < n; j++) {
                        s += ad[ao + j] * bd[bo + j];
                    }
                    cd[i * k + p] = s;
                }
            }
            return;
        }

        // rows[j][p] = b[p][j]: the scratch rows become bᵀ (n rows of length k).
        for (int p = 0; p < k; p++) {
            final int bo = p * n;
            for (int j = 0; j < n; j++) {
                rows[j][p] = bd[bo + j];
            }
        }
        // Output row i = sum over j of a[i][j] * bᵀ row j: coefficients walk row i of a.
        axpyRows(ad, n, 1, n, m, k, false, cd);
    }

    /** Copies the first {@code count} rows of a row-major {@code count×width} array into scratch. */
    private void copyRows(float[] src, int count, int width) {
        for (int r = 0; r < count; r++) {
            System.arraycopy(src, r * width, rows[r], 0, width);
        }
    }

    /**
     * Computes {@code outRows} output rows of width {@code width} into {@code out} (row-major),
     * output row o being {@code sum over r < count of coef[o*rowStep + r*stride] * rows[r]}, plus
     * biasRow if addBias. Wide rows are done two at a time so each load of a scratch row feeds both.
     */
    private void axpyRows(float[] coef, int rowStep, int stride, int count, int outRows, int width,
            boolean addBias, float[] out) {
        int o = 0;
        if (width >= MIN_WIDTH_FOR_PAIRS) {
            for (; o + 1 < outRows; o += 2) {
                accumulatePair(coef, o * rowStep, (o + 1) * rowStep, stride, count, width);
                if (addBias) {
                    addBias(acc, width);
                    addBias(acc1, width);
                }
                System.arraycopy(acc, 0, out, o * width, width);
                System.arraycopy(acc1, 0, out, (o + 1) * width, width);
            }
        }
        for (; o < outRows; o++) {
            accumulate(coef, o * rowStep, stride, count, width);
            if (addBias) {
                addBias(acc, width);
            }
            System.arraycopy(acc, 0, out, o * width, width);
        }
    }

    private void addBias(float[] row, int width) {
        final float[] bias = this.biasRow;
        for (int j = 0; j < width; j++) {
            row[j] += bias[j];
        }
    }

    /**
     * acc[0..width) = sum over r < count of coef[off + r*stride] * rows[r][0..width).
     * Four scratch rows per pass so each vectorised pass over acc does four multiply-adds per load
     * and store of acc (eight rows per pass was measured not to vectorise at all).
     */
    private void accumulate(float[] coef, int off, int stride, int count, int width) {
        final float[] acc = this.acc;
        final float[][] rows = this.rows;
        int r = 0;
        if (count >= 4) {
            // The first four rows set acc instead of adding to zeros: one pass over acc less.
            final float s0 = coef[off];
            final float s1 = coef[off + stride];
            final float s2 = coef[off + 2 * stride];
            final float s3 = coef[off + 3 * stride];
            final float[] b0 = rows[0], b1 = rows[1], b2 = rows[2], b3 = rows[3];
            for (int j = 0; j < width; j++) {
                acc[j] = s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
            }
            r = 4;
        } else {
            Arrays.fill(acc, 0, width, 0f);
        }
        for (; r + 3 < count; r += 4) {
            final int co = off + r * stride;
            final float s0 = coef[co];
            final float s1 = coef[co + stride];
            final float s2 = coef[co + 2 * stride];
            final float s3 = coef[co + 3 * stride];
            final float[] b0 = rows[r], b1 = rows[r + 1], b2 = rows[r + 2], b3 = rows[r + 3];
            for (int j = 0; j < width; j++) {
                acc[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
            }
        }
        for (; r < count; r++) {
            final float s = coef[off + r * stride];
            final float[] b0 = rows[r];
            for (int j = 0; j < width; j++) {
                acc[j] += s * b0[j];
            }
        }
    }

    /**
     * {@link #accumulate} for two output rows at once (into acc and acc1), with the same
     * arithmetic per element, so the result does not depend on which of the two is used.
     */
    private void accumulatePair(float[] coef, int off0, int off1, int stride, int count,
            int width) {
        final float[] acc = this.acc, acc1 = this.acc1;
        final float[][] rows = this.rows;
        // Zero-fill, not a copy from a preset row, and no first pass that sets the rows instead of
        // adding to them (as accumulate's does): with either, C2's code for the loop below
        // measured 3-5x slower at width 512.
        Arrays.fill(acc, 0, width, 0f);
        Arrays.fill(acc1, 0, width, 0f);
        int r = 0;
        for (; r + 3 < count; r += 4) {
            final int c0 = off0 + r * stride, c1 = off1 + r * stride;
            final float s0 = coef[c0], s1 = coef[c0 + stride];
            final float s2 = coef[c0 + 2 * stride], s3 = coef[c0 + 3 * stride];
            final float t0 = coef[c1], t1 = coef[c1 + stride];
            final float t2 = coef[c1 + 2 * stride], t3 = coef[c1 + 3 * stride];
            final float[] b0 = rows[r], b1 = rows[r + 1], b2 = rows[r + 2], b3 = rows[r + 3];
            for (int j = 0; j < width; j++) {
                final float x0 = b0[j], x1 = b1[j], x2 = b2[j], x3 = b3[j];
                acc[j] += s0 * x0 + s1 * x1 + s2 * x2 + s3 * x3;
                acc1[j] += t0 * x0 + t1 * x1 + t2 * x2 + t3 * x3;
            }
        }
        for (; r < count; r++) {
            final float s = coef[off0 + r * stride], t = coef[off1 + r * stride];
            final float[] b0 = rows[r];
            for (int j = 0; j < width; j++) {
                acc[j] += s * b0[j];
                acc1[j] += t * b0[j];
            }
        }
    }

    private void requireWithinMax(int m, int k, int n) {
        if (m > maxDim || k > maxDim || n > maxDim) {
            throw new IllegalArgumentException("dimensions " + m + "x" + k + "x" + n
                    + " exceed maxDim " + maxDim);
        }
    }

    private static void requireShape(String name, FMatrixRMaj x, int rows, int cols) {
        if (x.numRows != rows || x.numCols != cols) {
            throw new IllegalArgumentException(name + " is " + x.numRows + "x" + x.numCols
                    + ", expected " + rows + "x" + cols);
        }
    }

    private static void requireNotAliased(FMatrixRMaj c, FMatrixRMaj in, String name) {
        if (c == in || c.data == in.data) {
            throw new IllegalArgumentException("c must not alias " + name);
        }
    }
}
