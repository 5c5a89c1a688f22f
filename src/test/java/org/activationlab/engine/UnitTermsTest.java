package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The output as b + Σ wᵢ·hᵢ(x): checked against the network's own forward pass. */
class UnitTermsTest {

    private static final Dataset DATA = Dataset.generate(TargetFunction.SIN, 300, -6, 6, 0, 0);

    private static ModelRun trained(Activation activation, int depth, int width, int epochs) {
        ModelRun run = new ModelRun("m", DATA, new NetworkSpec(depth, width, activation,
                Initializer.GLOROT_UNIFORM, 1, 0.05), OptimizerSpec.of(OptimizerKind.ADAM, 0.01), 16, 7);
        for (int e = 0; e < epochs; e++) {
            run.trainEpoch();
        }
        return run;
    }

    /** The network's own forward pass at xs, in batches it accepts. */
    private static float[] forward(Mlp network, float[] xs) {
        float[] out = new float[xs.length];
        int batch = network.maxBatch();
        for (int start = 0; start < xs.length; start += batch) {
            int rows = Math.min(batch, xs.length - start);
            FMatrixRMaj in = new FMatrixRMaj(rows, 1);
            System.arraycopy(xs, start, in.data, 0, rows);
            FMatrixRMaj y = network.forward(in);
            System.arraycopy(y.data, 0, out, start, rows);
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 2e-5 * (1 + Math.abs(expected[i])), what + " at " + i);
        }
    }

    @Test
    void sumOfTermsPlusBiasIsTheNetworksOutput() {
        for (Activation a : List.of(Activations.RELU, Activations.TANH, Activations.PRELU, Activations.GELU,
                Activations.SOFTMAX, Activations.leakyRelu(0.2), Activations.LINEAR)) {
            for (int depth : new int[] {1, 3}) {
                ModelRun run = trained(a, depth, 12, 4);
                ModelStats stats = run.measure();
                float[] grid = DATA.gridX();
                UnitTerms terms = UnitTerms.of(stats, grid);
                assertEquals(12, terms.units());
                String what = a.id() + " depth " + depth;
                assertClose(forward(run.network(), grid), terms.sum(), what + " vs forward pass");
                assertClose(stats.gridPredictions(), terms.sum(), what + " vs the snapshot's predictions");
            }
        }
    }

    @Test
    void aUnitLeftOutIsTheNetworkWithThatOutputWeightAtZero() {
        ModelRun run = trained(Activations.RELU, 2, 16, 6);
        ModelStats stats = run.measure();
        UnitTerms terms = UnitTerms.of(stats, DATA.x());
        BitSet off = new BitSet();
        off.set(3);
        off.set(9);
        float[] without = terms.sum(off);
        // independent: zero the two weights in the real network and run it
        FMatrixRMaj wOut = run.network().weights(2);
        wOut.data[3] = 0;
        wOut.data[9] = 0;
        assertClose(forward(run.network(), DATA.x()), without, "units 3 and 9 off");
        assertEquals(stats.mse(), UnitTerms.mse(terms.sum(), DATA.y()), 1e-5 * (1 + stats.mse()));
    }

    @Test
    void aReluUnitsTermIsAHingeWithItsKinkWhereItsPreActivationCrossesZero() {
        // 1 → 2 → 1 by hand: h0 = relu(x − 1), h1 = relu(−2x); output 3·h0 − 0.5·h1 + 0.25
        List<float[]> w = List.of(new float[] {1, -2}, new float[] {3, -0.5f});
        List<float[]> b = List.of(new float[] {-1, 0}, new float[] {0.25f});
        float[] xs = {-2, -1, 0, 0.5f, 1.5f, 2};
        UnitTerms t = UnitTerms.of(Activations.RELU, w, b, null, xs);
        float[] expected0 = {0, 0, 0, 0, 1.5f, 3};
        float[] expected1 = {-2, -1, 0, 0, 0, 0};
        assertClose(expected0, t.term(0), "unit 0");
        assertClose(expected1, t.term(1), "unit 1");
        assertEquals(0.25, t.bias(), 0);
        assertEquals(1, t.switchPoints(0).size());
        assertEquals(1.0, t.switchPoints(0).get(0), 1e-6);
        assertEquals(0.0, t.switchPoints(1).get(0), 1e-6);
        assertTrue(t.piecewiseLinear());
        assertEquals(2, t.contributing().cardinality());
    }

    @Test
    void deadAndConstantUnitsDoNotCountAsShapingTheCurve() {
        // unit 0 dead (pre < 0 everywhere), unit 1 a plain line, unit 2 a tiny wiggle
        List<float[]> w = List.of(new float[] {0, 1, 1}, new float[] {5, 1, 1e-5f});
        List<float[]> b = List.of(new float[] {-1, 10, 0}, new float[] {0});
        float[] xs = {-1, 0, 1};
        UnitTerms t = UnitTerms.of(Activations.RELU, w, b, null, xs);
        BitSet c = t.contributing();
        assertFalse(c.get(0), "dead");
        assertTrue(c.get(1), "a line changes the curve");
        assertFalse(c.get(2), "1e-5 of a range of 2");
        assertEquals(0, t.termSize(0), 0);
    }
}
