package org.activationlab.engine;

/** Smooth modern activations: GELU, SiLU/Swish, Softplus, Mish. */
final class SmoothActivations {

    private static final double SQRT_2_OVER_PI = Math.sqrt(2.0 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;
    /** PyTorch's Softplus reverts to the identity above this (β = 1). */
    private static final double SOFTPLUS_THRESHOLD = 20.0;

    private SmoothActivations() {
    }

    static final class Gelu extends Activation {
        private final boolean tanhApproximation;

        Gelu(boolean tanhApproximation) {
            super(tanhApproximation ? "gelu_tanh" : "gelu",
                    tanhApproximation ? "GELU (tanh)" : "GELU",
                    tanhApproximation ? "½x(1 + tanh(√(2/π)(x + 0.044715x³)))" : "x·Φ(x)",
                    new ActivationFacts.Described("[−0.17, ∞)", "only for very negative x",
                            ReluFamily.LARGE_WEIGHTS_SMOOTH,
                            tanhApproximation ? "moderate (tanh)" : "expensive (erf)",
                            "Transformers (BERT, GPT)"));
            this.tanhApproximation = tanhApproximation;
        }

        /** φ(x) out of {@link MathFunctions#normalCdfTraining}, one per thread (models train side by side). */
        private final ThreadLocal<double[]> density = ThreadLocal.withInitial(() -> new double[1]);

        public boolean isTanhApproximation() {
            return tanhApproximation;
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            double[] density = this.density.get();
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                out[i] = (float) (tanhApproximation
                        ? 0.5 * x * (1 + MathFunctions.fastTanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x)))
                        : x * MathFunctions.normalCdfTraining(x, density));
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            double[] density = this.density.get();
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                double d;
                if (tanhApproximation) {
                    double t = MathFunctions.fastTanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
                    double sech2 = 1 - t * t;
                    d = 0.5 * (1 + t) + (sech2 == 0 ? 0
                            : 0.5 * x * sech2 * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x));
                } else {
                    d = MathFunctions.normalCdfTraining(x, density) + x * density[0];
                }
                gradPre[i] = (float) d * gradOut[i];
            }
        }

        /** Exact GELU: Φ and φ once per element, from one Taylor step, in the forward pass (the tanh form: no gain). */
        @Override
        public boolean forwardWithDerivative(float[] pre, float[] out, float[] derivative, int rows,
                                             int cols, float parameter) {
            if (tanhApproximation) {
                return false;
            }
            int n = rows * cols;
            double[] density = this.density.get();
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                double cdf = MathFunctions.normalCdfTraining(x, density);
                out[i] = (float) (x * cdf);
                derivative[i] = (float) (cdf + x * density[0]);
            }
            return true;
        }

        @Override
        public double value(double x) {
            if (tanhApproximation) {
                return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x)));
            }
            return x * MathFunctions.normalCdf(x);
        }

        @Override
        public double derivative(double x) {
            if (tanhApproximation) {
                double t = Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));
                double inner = SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * x * x);
                double sech2 = 1 - t * t;
                // sech² is exactly 0 where the product with a huge inner derivative would be inf·0.
                return 0.5 * (1 + t) + (sech2 == 0 ? 0 : 0.5 * x * sech2 * inner);
            }
            return MathFunctions.normalCdf(x) + x * MathFunctions.normalPdf(x);
        }
    }

    /*
     * The array methods below are what training runs. Each class has its own loops (so every
     * call site stays monomorphic) and uses only Math.exp, which the JIT turns into one
     * instruction sequence; value() and derivative() keep the textbook forms for plots and tests.
     */

    static final class Silu extends Activation {
        Silu() {
            super("silu", "SiLU / Swish", "x·σ(x)",
                    new ActivationFacts.Described("[−0.28, ∞)", "only for very negative x",
                            ReluFamily.LARGE_WEIGHTS_SMOOTH,
                            "moderate (exp)", "EfficientNet, modern CNNs and LLM MLPs"));
        }

        @Override
        public double value(double x) {
            return x * MathFunctions.sigmoid(x);
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                out[i] = (float) (x / (1 + Math.exp(-x)));
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                // σ(x) = f(x)/x from the forward pass, except near 0 where the quotient is 0/0.
                double s = x > 1e-3 || x < -1e-3 ? out[i] / x : 1 / (1 + Math.exp(-x));
                gradPre[i] = (float) (s * (1 + x * (1 - s))) * gradOut[i];
            }
        }

        @Override
        public double derivative(double x) {
            double s = MathFunctions.sigmoid(x);
            return s * (1 + x * (1 - s));
        }
    }

    static final class Softplus extends Activation {
        Softplus() {
            super("softplus", "Softplus", "ln(1 + eˣ)",
                    new ActivationFacts.Described("(0, ∞)", "for very negative x (f′ = σ(x))",
                            ReluFamily.LARGE_WEIGHTS_SMOOTH, "moderate (exp, log)",
                            "where outputs must be positive (scales, rates)"));
        }

        @Override
        public double value(double x) {
            return x > SOFTPLUS_THRESHOLD ? x : MathFunctions.softplus(x);
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                // The same value as forwardWithDerivative's, which training uses.
                double x = pre[i];
                double u = Math.exp(-Math.abs(x));
                out[i] = (float) (x > SOFTPLUS_THRESHOLD ? x : Math.max(x, 0) + MathFunctions.log1pUnit(u));
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                gradPre[i] = (x > SOFTPLUS_THRESHOLD ? 1f : (float) (1 / (1 + Math.exp(-x)))) * gradOut[i];
            }
        }

        /**
         * f = max(x, 0) + ln(1 + u) and f′ = σ(x) from one u = e^−|x| ≤ 1: ln(1 + u) by its
         * series in s = u/(2 + u) ≤ 1/3 ({@link MathFunctions#log1pUnit}), which costs a third
         * of {@link Math#log} in this loop. Exact where PyTorch's threshold makes f the identity.
         */
        @Override
        public boolean forwardWithDerivative(float[] pre, float[] out, float[] derivative, int rows,
                                             int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                double u = Math.exp(-Math.abs(x));
                double inverse = 1 / (1 + u);
                out[i] = (float) (x > SOFTPLUS_THRESHOLD ? x : Math.max(x, 0) + MathFunctions.log1pUnit(u));
                derivative[i] = (float) (x > SOFTPLUS_THRESHOLD ? 1 : x >= 0 ? inverse : u * inverse);
            }
            return true;
        }

        @Override
        public double derivative(double x) {
            return x > SOFTPLUS_THRESHOLD ? 1 : MathFunctions.sigmoid(x);
        }
    }

    static final class Mish extends Activation {
        Mish() {
            super("mish", "Mish", "x·tanh(ln(1 + eˣ))",
                    new ActivationFacts.Described("[−0.31, ∞)", "only for very negative x",
                            ReluFamily.LARGE_WEIGHTS_SMOOTH,
                            "expensive (exp, log, tanh)", "YOLOv4 and other vision models"));
        }

        @Override
        public double value(double x) {
            return x * Math.tanh(MathFunctions.softplus(x));
        }

        /** tanh(ln(1 + eˣ)) = (e²ˣ + 2eˣ) / (e²ˣ + 2eˣ + 2), one exp; 1 to double precision above 20. */
        private static double tanhSoftplus(double e) {
            double p = e * (e + 2);
            return p / (p + 2);
        }

        @Override
        public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                // The same value as forwardWithDerivative's, which training uses.
                double x = pre[i];
                double e = Math.exp(Math.min(x, 20.0));
                out[i] = (float) (x > 20 ? x : x * tanhSoftplus(e));
            }
        }

        @Override
        public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                             int rows, int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                double d;
                if (x > 20) {
                    d = 1;
                } else {
                    double e = Math.exp(x);
                    double t = tanhSoftplus(e);
                    d = t + x * (1 - t * t) * (e / (1 + e));
                }
                gradPre[i] = (float) d * gradOut[i];
            }
        }

        /**
         * One exp for f and f′; above 20, f = x and f′ = 1 to double precision. Written without a
         * branch around the exp and with σ as 1 − 1/(1 + eˣ): the branchy form measured twice as
         * slow (the JIT's code for it waits on each exp in turn).
         */
        @Override
        public boolean forwardWithDerivative(float[] pre, float[] out, float[] derivative, int rows,
                                             int cols, float parameter) {
            int n = rows * cols;
            for (int i = 0; i < n; i++) {
                double x = pre[i];
                double e = Math.exp(Math.min(x, 20.0));
                double t = tanhSoftplus(e);
                double sigmoid = 1 - 1 / (1 + e);
                out[i] = (float) (x > 20 ? x : x * t);
                derivative[i] = (float) (x > 20 ? 1 : t + x * (1 - t * t) * sigmoid);
            }
            return true;
        }

        @Override
        public double derivative(double x) {
            double t = Math.tanh(MathFunctions.softplus(x));
            return t + x * (1 - t * t) * MathFunctions.sigmoid(x);
        }
    }
}
