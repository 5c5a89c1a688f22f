package org.activationlab.engine;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each optimiser's update rule (Keras') against numbers worked out by hand in the test. */
class OptimizerTest {

    private static final double TOL = 2e-6;

    private static Parameter parameter(float[] w) {
        Parameter p = new Parameter("w", 1, w.length);
        System.arraycopy(w, 0, p.value().data, 0, w.length);
        return p;
    }

    private static void setGradient(Parameter p, float... g) {
        System.arraycopy(g, 0, p.gradient().data, 0, g.length);
    }

    private static void assertValues(double[] expected, Parameter p, double tol) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], p.value().data[i], tol, p.name() + "[" + i + "]");
        }
    }

    @Test
    void adamFirstStepIsAboutTheLearningRateTimesTheSignOfTheGradient() {
        Parameter p = parameter(new float[] {1.0f, -2.0f, 0.5f});
        setGradient(p, 0.5f, -0.25f, 0f);
        Optimizer adam = new Optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 0.1), List.of(p));
        adam.step();
        assertEquals(1, adam.iterations());
        // t = 1: m = 0.1·g, v = 0.001·g², α = 0.1·√0.001/0.1 = 0.0316228;
        // step = α·m/(√v + ε) = 0.1·0.0316228·g / (0.0316228·|g| + 1e-7) ≈ 0.1·sign(g)
        //   g = 0.5:   0.1·0.0158114/(0.0158114 + 1e-7)  = 0.0999994
        //   g = −0.25: −0.1·0.0079057/(0.0079057 + 1e-7) = −0.0999987
        //   g = 0:     m = 0, no step
        assertValues(new double[] {0.9000006, -1.9000013, 0.5}, p, TOL);
    }

    @Test
    void adamTwoStepsWithKerasEpsilonHatForm() {
        // A large ε so that where it is added (to √v, not to the bias-corrected √v̂) matters.
        double lr = 0.05;
        double b1 = 0.8;
        double b2 = 0.99;
        double eps = 0.01;
        Parameter p = parameter(new float[] {0.3f, -0.7f, 2.0f});
        Optimizer adam = new Optimizer(new OptimizerSpec(OptimizerKind.ADAM, lr, 0.9, b1, b2, 0.9, eps),
                List.of(p));
        double[] w = {0.3f, -0.7f, 2.0f};
        double[] m = new double[3];
        double[] v = new double[3];
        float[][] grads = {{0.02f, -0.5f, 3f}, {-0.01f, -0.4f, 1f}};
        for (int t = 1; t <= 2; t++) {
            float[] g = grads[t - 1];
            setGradient(p, g);
            adam.step();
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < 3; i++) {
                m[i] = m[i] + (g[i] - m[i]) * (1 - b1);
                v[i] = v[i] + ((double) g[i] * g[i] - v[i]) * (1 - b2);
                w[i] -= alpha * m[i] / (Math.sqrt(v[i]) + eps);
            }
            assertValues(w, p, TOL);
        }
        // By hand for the first coordinate: t=1: m=0.004, v=4e-6, α=0.05·√0.01/0.2=0.025,
        // w = 0.3 − 0.025·0.004/(0.002 + 0.01) = 0.29166667;
        // t=2: m=0.004+(−0.01−0.004)·0.2=0.0012, v=4e-6+(1e-4−4e-6)·0.01=4.96e-6,
        // α=0.05·√0.0199/0.36=0.01959269, w = 0.29166667 − 0.01959269·0.0012/(0.00222711 + 0.01)
        //   = 0.28974379
        assertEquals(0.28974379, p.value().data[0], TOL);
        // The textbook form, ε added to the bias-corrected √v̂, would give 0.26020360 instead:
        // t=1: m̂=0.02, v̂=4e-4, w = 0.3 − 0.05·0.02/(0.02 + 0.01) = 0.26666667;
        // t=2: m̂=0.0012/0.36, v̂=4.96e-6/0.0199, w = 0.26666667 − 0.05·m̂/(√v̂ + 0.01) = 0.26020360
        assertEquals(0.26020360, 0.26666667 - 0.05 * (0.0012 / 0.36) / (Math.sqrt(4.96e-6 / 0.0199) + 0.01), 1e-7);
        assertTrue(Math.abs(p.value().data[0] - 0.26020360) > 0.02);
        assertEquals(2, adam.iterations());
    }

    @Test
    void sgd() {
        Parameter p = parameter(new float[] {1f, -1f, 0f});
        Optimizer sgd = new Optimizer(OptimizerSpec.of(OptimizerKind.SGD, 0.1), List.of(p));
        setGradient(p, 2f, -3f, 0.5f);
        sgd.step();
        assertValues(new double[] {0.8, -0.7, -0.05}, p, TOL);
        setGradient(p, 1f, 1f, 1f);
        sgd.step();
        assertValues(new double[] {0.7, -0.8, -0.15}, p, TOL);
        assertEquals(2, sgd.iterations());
    }

    @Test
    void momentum() {
        Parameter p = parameter(new float[] {1f, -1f, 0f});
        Optimizer opt = new Optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.1), List.of(p));
        // v = 0.9·v − 0.1·g; w += v
        setGradient(p, 2f, -3f, 0.5f);
        opt.step();
        // v1 = (−0.2, 0.3, −0.05)
        assertValues(new double[] {0.8, -0.7, -0.05}, p, TOL);
        setGradient(p, 1f, 1f, 1f);
        opt.step();
        // v2 = 0.9·v1 − 0.1 = (−0.28, 0.17, −0.145)
        assertValues(new double[] {0.52, -0.53, -0.195}, p, TOL);
        setGradient(p, 0f, 0f, 0f);
        opt.step();
        // v3 = 0.9·v2 = (−0.252, 0.153, −0.1305): momentum keeps moving without a gradient
        assertValues(new double[] {0.268, -0.377, -0.3255}, p, TOL);
    }

    @Test
    void nesterov() {
        Parameter p = parameter(new float[] {1f, -1f, 0f});
        Optimizer opt = new Optimizer(OptimizerSpec.of(OptimizerKind.NESTEROV, 0.1), List.of(p));
        // v = 0.9·v − 0.1·g; w += 0.9·v − 0.1·g
        setGradient(p, 2f, -3f, 0.5f);
        opt.step();
        // v1 = (−0.2, 0.3, −0.05); Δw = (−0.38, 0.57, −0.095)
        assertValues(new double[] {0.62, -0.43, -0.095}, p, TOL);
        setGradient(p, 1f, 1f, 1f);
        opt.step();
        // v2 = (−0.28, 0.17, −0.145); Δw = 0.9·v2 − 0.1 = (−0.352, 0.053, −0.2305)
        assertValues(new double[] {0.268, -0.377, -0.3255}, p, TOL);
    }

    @Test
    void rmsprop() {
        // ε = 0.01 so that it visibly sits inside the square root: w −= lr·g/√(s + ε)
        Parameter p = parameter(new float[] {1f, -1f, 0f});
        Optimizer opt = new Optimizer(new OptimizerSpec(OptimizerKind.RMSPROP, 0.01, 0, 0.9, 0.999, 0.9, 0.01),
                List.of(p));
        setGradient(p, 2f, -3f, 0.1f);
        opt.step();
        // s1 = 0.1·g² = (0.4, 0.9, 0.001); Δw = −0.01·g/√(s1 + 0.01)
        //    = (−0.02/√0.41, 0.03/√0.91, −0.001/√0.011) = (−0.0312348, 0.0314485, −0.0095346)
        assertValues(new double[] {0.9687652, -0.9685515, -0.0095346}, p, TOL);
        setGradient(p, 1f, 1f, 1f);
        opt.step();
        // s2 = 0.9·s1 + 0.1 = (0.46, 0.91, 0.1009); Δw = −0.01/√(s2 + 0.01)
        //    = (−0.0145865, −0.0104257, −0.0300285)
        assertValues(new double[] {0.9541787, -0.9789772, -0.0395632}, p, TOL);
    }

    @Test
    void everyParameterKeepsItsOwnState() {
        Parameter a = parameter(new float[] {1f});
        Parameter b = parameter(new float[] {1f, 1f});
        Optimizer opt = new Optimizer(OptimizerSpec.of(OptimizerKind.MOMENTUM, 0.1), List.of(a, b));
        setGradient(a, 1f);
        setGradient(b, 0f, -1f);
        opt.step();
        opt.step();
        // a: v1 = −0.1, v2 = −0.19 → 0.71; b[0] untouched; b[1]: v1 = 0.1, v2 = 0.19 → 1.29
        assertValues(new double[] {0.71}, a, TOL);
        assertValues(new double[] {1, 1.29}, b, TOL);
    }

    @Test
    void specDefaultsAreKeras() {
        OptimizerSpec adam = OptimizerSpec.of(OptimizerKind.ADAM);
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertEquals(0.01, OptimizerSpec.of(OptimizerKind.SGD).learningRate());
        assertEquals(0.001, OptimizerSpec.of(OptimizerKind.RMSPROP).learningRate());
        assertEquals(0.9, OptimizerSpec.of(OptimizerKind.RMSPROP).rho());
        assertEquals(0.9, OptimizerSpec.of(OptimizerKind.MOMENTUM).momentum());
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerKind.ADAM, -1));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerKind.ADAM, 0));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerKind.ADAM, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> OptimizerSpec.of(OptimizerKind.ADAM, 11));
    }
}
