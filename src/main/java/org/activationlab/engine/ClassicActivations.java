package org.activationlab.engine;

/** The classic activations: Sigmoid, Tanh and the identity (no activation at all). */
final class ClassicActivations {

    private ClassicActivations() {
    }

    static final class Sigmoid extends Activation {
        Sigmoid() {
            super("sigmoid", "Sigmoid", "1 / (1 + e⁻ˣ)",
                    new ActivationFacts("(0, 1)", false, true,
                            "yes: f′ ≤ 0.25, vanishes for |x| > 5", "no", "moderate (exp)",
                            "binary-classification outputs, gates in LSTMs"));
        }

        @Override
        public double value(double x) {
            return MathFunctions.sigmoid(x);
        }

        @Override
        public double derivative(double x) {
            double s = MathFunctions.sigmoid(x);
            return s * (1 - s);
        }
    }

    static final class Tanh extends Activation {
        Tanh() {
            super("tanh", "Tanh", "(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)",
                    new ActivationFacts("(−1, 1)", true, true, "yes: f′ vanishes for |x| > 3", "no",
                            "moderate (exp)", "RNN hidden states, small nets"));
        }

        @Override
        public double value(double x) {
            return Math.tanh(x);
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(x);
            return 1 - t * t;
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                float t = out[i];
                gradPre[i] = (1f - t * t) * gradOut[i];
            }
        }
    }

    static final class Linear extends Activation {
        Linear() {
            super("linear", "Linear (none)", "x",
                    new ActivationFacts("(−∞, ∞)", true, false, "no", "possible",
                            "free", "regression outputs; hidden layers collapse to one line"));
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1;
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            System.arraycopy(pre, 0, out, 0, rows * cols);
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            System.arraycopy(gradOut, 0, gradPre, 0, rows * cols);
        }
    }
}
