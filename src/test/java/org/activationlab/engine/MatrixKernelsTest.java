package org.activationlab.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MatrixKernelsTest {

    private static final int MAX_DIM = 512;

    private final MatrixKernels kernels = new MatrixKernels(MAX_DIM);
    private final Random random = new Random(42);

    /**
     * (m, k, n) triples. Besides the network's shapes (batch 32, partial batch 8, single sample
     * 1; widths 1, 64, 512) they cover every code path: k or n of 1 (scalar paths), small m
     * (multTransB without transposition), counts not divisible by 4 (remainder rows), and odd m
     * with widths of at least 256 (two-row kernel plus a leftover row).
     */
    static Stream<Arguments> shapes() {
        int[][] shapes = {
            {1, 1, 1}, {32, 1, 64}, {32, 64, 1}, {8, 64, 64}, {32, 64, 64}, {3, 5, 7},
            {32, 512, 512}, {1, 64, 64}, {2, 64, 64}, {4, 64, 64}, {1, 64, 1}, {1, 1, 64},
            {32, 1, 1}, {5, 6, 3}, {7, 301, 257}, {33, 7, 256}, {8, 512, 64}, {1, 512, 512},
        };
        return Arrays.stream(shapes).map(s -> Arguments.of(s[0], s[1], s[2]));
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @MethodSource("shapes")
    void multAddBiasMatchesEjml(int m, int k, int n) {
        FMatrixRMaj a = randomMatrix(m, k), b = randomMatrix(k, n), bias = randomMatrix(1, n);
        FMatrixRMaj expected = new FMatrixRMaj(m, n);
        CommonOps_FDRM.mult(a, b, expected);

        FMatrixRMaj c = new FMatrixRMaj(m, n);
        kernels.multAddBias(a, b, null, c);
        assertClose(expected, c);

        addBiasToRows(expected, bias);
        kernels.multAddBias(a, b, bias, c);
        assertClose(expected, c);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @MethodSource("shapes")
    void multTransAWithColumnSumsGivesTheProductAndTheColumnSumsOfB(int m, int k, int n) {
        FMatrixRMaj a = randomMatrix(m, k), b = randomMatrix(m, n);
        FMatrixRMaj expected = new FMatrixRMaj(k, n);
        CommonOps_FDRM.multTransA(a, b, expected);
        FMatrixRMaj expectedSums = new FMatrixRMaj(1, n);
        CommonOps_FDRM.sumCols(b, expectedSums);

        FMatrixRMaj c = new FMatrixRMaj(k, n);
        FMatrixRMaj sums = new FMatrixRMaj(1, n);
        Arrays.fill(sums.data, Float.NaN);
        kernels.multTransAWithColumnSums(a, b, c, sums);
        assertClose(expected, c);
        assertClose(expectedSums, sums);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @MethodSource("shapes")
    void multTransAMatchesEjml(int m, int k, int n) {
        FMatrixRMaj a = randomMatrix(m, k), b = randomMatrix(m, n);
        FMatrixRMaj expected = new FMatrixRMaj(k, n);
        CommonOps_FDRM.multTransA(a, b, expected);

        FMatrixRMaj c = new FMatrixRMaj(k, n);
        kernels.multTransA(a, b, c);
        assertClose(expected, c);
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @MethodSource("shapes")
    void multTransBMatchesEjml(int m, int k, int n) {
        FMatrixRMaj a = randomMatrix(m, n), b = randomMatrix(k, n);
        FMatrixRMaj expected = new FMatrixRMaj(m, k);
        CommonOps_FDRM.multTransB(a, b, expected);

        FMatrixRMaj c = new FMatrixRMaj(m, k);
        kernels.multTransB(a, b, c);
        assertClose(expected, c);
    }

    /** The output is overwritten, not accumulated into: stale contents of c must not leak in. */
    @Test
    void overwritesPreviousContentsOfC() {
        FMatrixRMaj a = randomMatrix(32, 64), b = randomMatrix(64, 64);
        FMatrixRMaj expected = new FMatrixRMaj(32, 64);
        CommonOps_FDRM.mult(a, b, expected);
        FMatrixRMaj c = new FMatrixRMaj(32, 64);
        Arrays.fill(c.data, 1e6f);
        kernels.multAddBias(a, b, null, c);
        assertClose(expected, c);
    }

    /**
     * The last batch of an epoch is smaller: matrices are reshaped from 32 to 8 rows and keep
     * their longer backing arrays. The kernels must read only the first numRows*numCols elements
     * (the tails of the inputs hold NaN, which would poison any result that read them) and must
     * leave the tail of c untouched.
     */
    @ParameterizedTest(name = "k={0} n={1}")
    @MethodSource("reshapeWidths")
    void worksOnMatricesReshapedToFewerRows(int k, int n) {
        final int full = 32, part = 8;
        final float sentinel = 12345f;

        // multAddBias: a (8×k of 32×k), b k×n, c (8×n of 32×n).
        FMatrixRMaj a = reshapedRandom(full, part, k), b = randomMatrix(k, n);
        FMatrixRMaj bias = randomMatrix(1, n);
        FMatrixRMaj c = reshapedSentinel(full, part, n, sentinel);
        FMatrixRMaj expected = new FMatrixRMaj(part, n);
        CommonOps_FDRM.mult(a, b, expected);
        addBiasToRows(expected, bias);
        kernels.multAddBias(a, b, bias, c);
        assertClose(expected, c);
        assertTailUntouched(c, sentinel);

        // multTransA: a (8×k of 32×k), b (8×n of 32×n), c k×n with a longer array.
        FMatrixRMaj dz = reshapedRandom(full, part, n);
        FMatrixRMaj dw = new FMatrixRMaj(k + 3, n);
        Arrays.fill(dw.data, sentinel);
        dw.reshape(k, n);
        expected = new FMatrixRMaj(k, n);
        CommonOps_FDRM.multTransA(a, dz, expected);
        kernels.multTransA(a, dz, dw);
        assertClose(expected, dw);
        assertTailUntouched(dw, sentinel);

        // multTransB: a (8×n of 32×n), b k×n, c (8×k of 32×k).
        FMatrixRMaj da = reshapedSentinel(full, part, k, sentinel);
        expected = new FMatrixRMaj(part, k);
        CommonOps_FDRM.multTransB(dz, b, expected);
        kernels.multTransB(dz, b, da);
        assertClose(expected, da);
        assertTailUntouched(da, sentinel);
    }

    static Stream<Arguments> reshapeWidths() {
        return Stream.of(Arguments.of(64, 64), Arguments.of(1, 64), Arguments.of(64, 1),
                Arguments.of(300, 300), Arguments.of(5, 3));
    }

    @Test
    void mismatchedShapesThrow() {
        FMatrixRMaj a = randomMatrix(4, 5), b = randomMatrix(5, 6);
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(a, randomMatrix(4, 6), null, new FMatrixRMaj(4, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(a, b, null, new FMatrixRMaj(4, 5)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(a, b, null, new FMatrixRMaj(5, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(a, b, randomMatrix(1, 5), new FMatrixRMaj(4, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(a, b, randomMatrix(2, 6), new FMatrixRMaj(4, 6)));

        // multTransA: a m×k, b m×n, c k×n.
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransA(a, randomMatrix(5, 6), new FMatrixRMaj(5, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransA(a, randomMatrix(4, 6), new FMatrixRMaj(4, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransA(a, randomMatrix(4, 6), new FMatrixRMaj(5, 7)));

        // multTransB: a m×n, b k×n, c m×k.
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransB(a, randomMatrix(6, 4), new FMatrixRMaj(4, 6)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransB(a, randomMatrix(6, 5), new FMatrixRMaj(6, 4)));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multTransB(a, randomMatrix(6, 5), new FMatrixRMaj(4, 5)));
    }

    @Test
    void dimensionsAboveMaxDimThrow() {
        MatrixKernels small = new MatrixKernels(8);
        assertThrows(IllegalArgumentException.class, () -> small.multAddBias(
                randomMatrix(2, 9), randomMatrix(9, 2), null, new FMatrixRMaj(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> small.multTransA(
                randomMatrix(9, 2), randomMatrix(9, 2), new FMatrixRMaj(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> small.multTransB(
                randomMatrix(2, 2), randomMatrix(9, 2), new FMatrixRMaj(2, 9)));
        assertThrows(IllegalArgumentException.class, () -> new MatrixKernels(0));
    }

    @Test
    void outputAliasingAnInputThrows() {
        FMatrixRMaj sq = randomMatrix(6, 6), other = randomMatrix(6, 6);
        FMatrixRMaj bias = randomMatrix(1, 6), row = randomMatrix(1, 6), w = randomMatrix(6, 6);

        assertThrows(IllegalArgumentException.class, () -> kernels.multAddBias(sq, other, null, sq));
        assertThrows(IllegalArgumentException.class, () -> kernels.multAddBias(other, sq, null, sq));
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(randomMatrix(1, 6), w, row, row));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransA(sq, other, sq));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransA(other, sq, sq));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransB(sq, other, sq));
        assertThrows(IllegalArgumentException.class, () -> kernels.multTransB(other, sq, sq));

        // A distinct matrix object wrapping the same array is aliasing too.
        FMatrixRMaj sameData = FMatrixRMaj.wrap(6, 6, sq.data);
        assertThrows(IllegalArgumentException.class,
                () -> kernels.multAddBias(sq, other, bias, sameData));
        // Failed calls must not have touched the operands.
        FMatrixRMaj c = new FMatrixRMaj(6, 6);
        kernels.multAddBias(sq, other, bias, c);
        FMatrixRMaj expected = new FMatrixRMaj(6, 6);
        CommonOps_FDRM.mult(sq, other, expected);
        addBiasToRows(expected, bias);
        assertClose(expected, c);
    }

    @Test
    void makesNoAllocationsPerCall() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean,
                "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);

        // One shape per code path: the vector kernel, the two-row kernel, and the scalar ones.
        int[][] shapes = {{32, 64, 64}, {8, 64, 64}, {5, 300, 300}, {1, 64, 64}, {32, 1, 64},
            {32, 64, 1}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            FMatrixRMaj a = randomMatrix(m, k), b = randomMatrix(k, n), bias = randomMatrix(1, n);
            FMatrixRMaj c = new FMatrixRMaj(m, n);
            FMatrixRMaj dz = randomMatrix(m, n), dw = new FMatrixRMaj(k, n);
            FMatrixRMaj da = new FMatrixRMaj(m, k);

            assertNoAllocation(threads, "multAddBias " + Arrays.toString(s),
                    () -> kernels.multAddBias(a, b, bias, c));
            assertNoAllocation(threads, "multTransA " + Arrays.toString(s),
                    () -> kernels.multTransA(a, dz, dw));
            assertNoAllocation(threads, "multTransB " + Arrays.toString(s),
                    () -> kernels.multTransB(dz, b, da));
        }
    }

    private static void assertNoAllocation(com.sun.management.ThreadMXBean threads, String what,
            Runnable call) {
        for (int i = 0; i < 200; i++) {
            call.run();
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
            call.run();
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, what + " allocated " + allocated + " bytes in 1000 calls");
    }

    @ParameterizedTest(name = "m={0} k={1} n={2}")
    @MethodSource("shapes")
    void isDeterministic(int m, int k, int n) {
        FMatrixRMaj a = randomMatrix(m, k), b = randomMatrix(k, n), bias = randomMatrix(1, n);
        FMatrixRMaj dz = randomMatrix(m, n);
        MatrixKernels fresh = new MatrixKernels(MAX_DIM);

        FMatrixRMaj c1 = new FMatrixRMaj(m, n), c2 = new FMatrixRMaj(m, n);
        kernels.multAddBias(a, b, bias, c1);
        kernels.multAddBias(a, b, bias, c2);
        assertBitIdentical(c1, c2);
        fresh.multAddBias(a, b, bias, c2);
        assertBitIdentical(c1, c2);

        FMatrixRMaj dw1 = new FMatrixRMaj(k, n), dw2 = new FMatrixRMaj(k, n);
        kernels.multTransA(a, dz, dw1);
        kernels.multTransA(a, dz, dw2);
        assertBitIdentical(dw1, dw2);
        fresh.multTransA(a, dz, dw2);
        assertBitIdentical(dw1, dw2);

        FMatrixRMaj da1 = new FMatrixRMaj(m, k), da2 = new FMatrixRMaj(m, k);
        kernels.multTransB(dz, b, da1);
        kernels.multTransB(dz, b, da2);
        assertBitIdentical(da1, da2);
        fresh.multTransB(dz, b, da2);
        assertBitIdentical(da1, da2);
    }

    // ---------------------------------------------------------------------------------------

    private FMatrixRMaj randomMatrix(int rows, int cols) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            x.data[i] = random.nextFloat() * 2f - 1f;
        }
        return x;
    }

    /** A fullRows×cols matrix reshaped to rows×cols, with NaN in the unused tail of its array. */
    private FMatrixRMaj reshapedRandom(int fullRows, int rows, int cols) {
        FMatrixRMaj x = randomMatrix(fullRows, cols);
        x.reshape(rows, cols);
        Arrays.fill(x.data, rows * cols, x.data.length, Float.NaN);
        return x;
    }

    private static FMatrixRMaj reshapedSentinel(int fullRows, int rows, int cols, float value) {
        FMatrixRMaj x = new FMatrixRMaj(fullRows, cols);
        Arrays.fill(x.data, value);
        x.reshape(rows, cols);
        return x;
    }

    private static void addBiasToRows(FMatrixRMaj x, FMatrixRMaj bias) {
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                x.data[i * x.numCols + j] += bias.data[j];
            }
        }
    }

    private static void assertClose(FMatrixRMaj expected, FMatrixRMaj actual) {
        assertEquals(expected.numRows, actual.numRows, "rows");
        assertEquals(expected.numCols, actual.numCols, "cols");
        for (int i = 0; i < expected.numRows * expected.numCols; i++) {
            float e = expected.data[i], x = actual.data[i];
            float tolerance = 1e-4f * (1f + Math.abs(e));
            assertTrue(Math.abs(e - x) <= tolerance, "element " + i + " (row "
                    + i / expected.numCols + ", col " + i % expected.numCols + "): expected " + e
                    + " but was " + x);
        }
    }

    private static void assertTailUntouched(FMatrixRMaj x, float sentinel) {
        for (int i = x.numRows * x.numCols; i < x.data.length; i++) {
            assertEquals(sentinel, x.data[i], "element " + i + " beyond numRows*numCols");
        }
    }

    private static void assertBitIdentical(FMatrixRMaj x, FMatrixRMaj y) {
        int size = x.numRows * x.numCols;
        int[] xb = new int[size], yb = new int[size];
        for (int i = 0; i < size; i++) {
            xb[i] = Float.floatToRawIntBits(x.data[i]);
            yb[i] = Float.floatToRawIntBits(y.data[i]);
        }
        assertArrayEquals(xb, yb);
    }
}
