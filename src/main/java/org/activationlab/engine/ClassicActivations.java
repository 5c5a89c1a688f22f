package org.activationlab.engine;

/** The classic activations: Sigmoid, Tanh and the identity (no activation at all). */
final class ClassicActivations {

    private ClassicActivations() {
    }

    static final class Sigmoid extends Activation {
        Sigmoid() {
            super("sigmoid", "Sigmoid", "1 / (1 + e⁻ˣ)",
                    new ActivationFacts.Described("(0, 1)",
                            "yes: f′ ≤ 0.25, and below 0.05 for |x| > 2.9",
                            "rare, but possible with large weights (f′ ≤ 0.25)", "moderate (exp)",
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

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                out[i] = (float) (1 / (1 + Math.exp(-pre[i])));
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                float s = out[i];
                gradPre[i] = s * (1f - s) * gradOut[i];
            }
        }
    }

    static final class Tanh extends Activation {
        Tanh() {
            super("tanh", "Tanh", "(eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)",
                    new ActivationFacts.Described("(−1, 1)", "yes: f′ below 0.05 for |x| > 2.2",
                            "rare, but possible with large weights (f′ ≤ 1)",
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
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                out[i] = (float) MathFunctions.fastTanh(pre[i]);
            }
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
                    new ActivationFacts.Described("(−∞, ∞)", "no (f′ = 1), but the net is one line",
                            "possible with large weights (f′ = 1)", "free",
                            "regression outputs; stacked linear layers collapse to one line"));
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x) {
            return 1;
        }

        /** One piece: a stack of linear layers is one straight line. */
        @Override
        public boolean isPiecewiseLinear() {
            return true;
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
