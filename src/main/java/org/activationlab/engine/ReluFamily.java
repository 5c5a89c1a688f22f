package org.activationlab.engine;

/** ReLU and its relatives that keep a linear positive side: Leaky ReLU, PReLU, ELU, SELU. */
final class ReluFamily {

    static final String RELU_VANISHING = "no for x > 0 (f′ = 1); f′ = 0 for x < 0, so units can die";
    static final String LARGE_WEIGHTS = "possible with large weights (f′ = 1 for x > 0)";
    /** For the smooth relatives of ReLU, whose f′ only tends to 1 (GELU's and SiLU's overshoot it a little). */
    static final String LARGE_WEIGHTS_SMOOTH = "possible with large weights (f′ → 1 for large x)";

    private ReluFamily() {
    }

    static final class Relu extends Activation {
        Relu() {
            super("relu", "ReLU", "max(0, x)", new ActivationFacts.Described("[0, ∞)",
                    RELU_VANISHING, LARGE_WEIGHTS, "cheap", "hidden layers: the default choice"));
        }

        @Override
        public boolean isPiecewiseLinear() {
            return true;
        }

        @Override
        public double value(double x) {
            return x > 0 ? x : 0;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : 0;
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(pre[i], 0f);
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                gradPre[i] = pre[i] > 0f ? gradOut[i] : 0f;
            }
        }
    }

    /** Leaky ReLU (fixed slope) and PReLU (slope learned per layer) share one implementation. */
    static final class LeakyRelu extends Activation {
        /** Exact slope for value/derivative; the training loops use its float. */
        private final double slope;
        private final float slopeFloat;
        private final boolean learned;

        LeakyRelu(String id, String name, double slope, boolean learned) {
            super(id, name, learned ? "x if x > 0, else a·x (a learned)"
                            : "x if x > 0, else " + slope + "·x", leakyFacts(slope, learned));
            this.slope = slope;
            this.slopeFloat = (float) slope;
            this.learned = learned;
        }

        private static ActivationFacts.Described leakyFacts(double slope, boolean learned) {
            // A slope of 0 is ReLU itself, with ReLU's dead units.
            boolean flat = !learned && slope == 0;
            String vanishing = flat ? RELU_VANISHING : learned
                    ? "no: f′ = a (learned) for x < 0, so units do not die"
                    : "no: f′ = " + slope + " for x < 0, so units do not die";
            return new ActivationFacts.Described(flat ? "[0, ∞)" : "(−∞, ∞)", vanishing,
                    LARGE_WEIGHTS, "cheap", learned ? "hidden layers of deep image models (He et al. 2015)"
                    : "hidden layers, against dying ReLU");
        }

        /** The fixed slope, or PReLU's initial slope. */
        public double slope() {
            return slope;
        }

        @Override
        public double parameter() {
            return slope;
        }

        @Override
        public boolean isPiecewiseLinear() {
            return true;
        }

        @Override
        public boolean learnsParameter() {
            return learned;
        }

        @Override
        public float initialParameter() {
            return slopeFloat;
        }

        @Override
        public double value(double x) {
            return x > 0 ? x : slope * x;
        }

        @Override
        public double derivative(double x) {
            return x > 0 ? 1 : slope;
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            float a = learned ? parameter : slopeFloat;
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                float x = pre[i];
                out[i] = x > 0f ? x : a * x;
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            float a = learned ? parameter : slopeFloat;
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                gradPre[i] = pre[i] > 0f ? gradOut[i] : a * gradOut[i];
            }
        }

        @Override
        public double parameterGradient(float[] pre, float[] gradOut, int rows, int cols) {
            if (!learned) {
                return 0;
            }
            double sum = 0;
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                if (pre[i] <= 0f) {
                    sum += (double) pre[i] * gradOut[i];
                }
            }
            return sum;
        }
    }

    /** ELU, and SELU which is a scaled ELU with fixed constants. */
    static final class Elu extends Activation {
        /** PyTorch's SELU constants. */
        static final double SELU_ALPHA = 1.6732632423543772848170429916717;
        static final double SELU_SCALE = 1.0507009873554804934193349852946;

        private final double alpha;
        private final double scale;

        Elu(double alpha) {
            super("elu", "ELU", "x if x > 0, else " + (alpha == 1 ? "" : trim(alpha) + "·") + "(eˣ − 1)",
                    new ActivationFacts.Described("(−" + trim(alpha) + ", ∞)",
                            "only for very negative x (f′ = " + (alpha == 1 ? "" : trim(alpha) + "·")
                                    + "eˣ)", LARGE_WEIGHTS, "moderate (exp)",
                            "hidden layers; smooth, mean output nearer 0 than ReLU's"));
            this.alpha = alpha;
            this.scale = 1.0;
        }

        /** SELU. */
        Elu() {
            super("selu", "SELU", "λ·(x if x > 0, else α(eˣ − 1))",
                    new ActivationFacts.Described("(−1.758, ∞)",
                            "rarely: self-normalising in deep dense nets",
                            "rarely: self-normalising keeps activations near unit variance",
                            "moderate (exp)", "deep fully connected nets (with LeCun init)"));
            this.alpha = SELU_ALPHA;
            this.scale = SELU_SCALE;
        }

        public double alpha() {
            return alpha;
        }

        /** ELU's α; SELU's constants are fixed, not a choice. */
        @Override
        public double parameter() {
            return scale == 1.0 ? alpha : Double.NaN;
        }

        @Override
        public double value(double x) {
            return scale * (x > 0 ? x : alpha * Math.expm1(x));
        }

        @Override
        public double derivative(double x) {
            return scale * (x > 0 ? 1 : alpha * Math.exp(x));
        }

        /** eˣ − 1 from the intrinsic exp: expm1 is not one, and float needs no more precision. */
        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            double scaleAlpha = scale * alpha;
            for (int i = 0; i < n; i++) {
                // The same value as forwardWithDerivative's, which training uses.
                double x = pre[i];
                double e = Math.exp(Math.min(x, 0.0));
                out[i] = (float) (x > 0 ? scale * x : scaleAlpha * (e - 1));
            }
        }

        /**
         * f′ = scale·α·eˣ from its own exp, never from the output: f(x) + scale·α would be the
         * difference of two nearly equal floats, 0 for x < −17 and inaccurate well before.
         */
        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            double scaleAlpha = scale * alpha;
            float positive = (float) scale;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                gradPre[i] = (x > 0 ? positive : (float) (scaleAlpha * Math.exp(x))) * gradOut[i];
            }
        }

        /** One exp gives f and f′ for x ≤ 0: the training loop's backward is then a multiplication. */
        @Override
        public boolean forwardWithDerivative(float[] pre, float[] out, float[] derivative, int rows,
                                             int cols, float parameter) {
            int n = rows * cols;
            double scaleAlpha = scale * alpha;
            float positive = (float) scale;
            for (int i = 0; i < n; i++) {
                // No branch around the exp (measured faster): e^min(x, 0) is 1 for x > 0.
                double x = pre[i];
                double e = Math.exp(Math.min(x, 0.0));
                out[i] = (float) (x > 0 ? scale * x : scaleAlpha * (e - 1));
                derivative[i] = x > 0 ? positive : (float) (scaleAlpha * e);
            }
            return true;
        }
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
