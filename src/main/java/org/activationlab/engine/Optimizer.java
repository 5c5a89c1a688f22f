package org.activationlab.engine;

import java.util.List;

/**
 * Applies one update to every parameter from its gradient, with Keras' update rules. All state
 * arrays are allocated in the constructor; {@link #step()} allocates nothing.
 */
public final class Optimizer {

    private final OptimizerSpec spec;
    private final List<Parameter> parameters;
    /** Momentum velocity, RMSprop's mean square, or Adam's first moment, per parameter. */
    private final float[][] first;
    /** Adam's second moment per parameter. */
    private final float[][] second;
    private long iterations;

    public Optimizer(OptimizerSpec spec, List<Parameter> parameters) {
        this.spec = spec;
        this.parameters = List.copyOf(parameters);
        int n = this.parameters.size();
        first = new float[n][];
        second = new float[n][];
        for (int i = 0; i < n; i++) {
            int size = this.parameters.get(i).size();
            first[i] = new float[size];
            second[i] = spec.kind() == OptimizerKind.ADAM ? new float[size] : null;
        }
    }

    public OptimizerSpec spec() {
        return spec;
    }

    /** Number of steps taken so far (Keras' {@code iterations}). */
    public long iterations() {
        return iterations;
    }

    /** One update of every parameter from its current gradient. */
    public void step() {
        iterations++;
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            float[] w = parameter.value().data;
            float[] g = parameter.gradient().data;
            int n = parameter.size();
            switch (spec.kind()) {
                case SGD -> sgd(w, g, n);
                case MOMENTUM -> momentum(w, g, first[p], n, false);
                case NESTEROV -> momentum(w, g, first[p], n, true);
                case RMSPROP -> rmsprop(w, g, first[p], n);
                case ADAM -> adam(w, g, first[p], second[p], n);
                default -> throw new IllegalStateException(spec.kind().toString());
            }
        }
    }

    private void sgd(float[] w, float[] g, int n) {
        float lr = (float) spec.learningRate();
        for (int i = 0; i < n; i++) {
            w[i] -= lr * g[i];
        }
    }

    /** Keras: {@code v = μ·v − lr·g}; {@code w += v}, or {@code w += μ·v − lr·g} (Nesterov). */
    private void momentum(float[] w, float[] g, float[] v, int n, boolean nesterov) {
        float lr = (float) spec.learningRate();
        float mu = (float) spec.momentum();
        for (int i = 0; i < n; i++) {
            float vi = mu * v[i] - lr * g[i];
            v[i] = vi;
            w[i] += nesterov ? mu * vi - lr * g[i] : vi;
        }
    }

    /** Keras: {@code s = ρ·s + (1 − ρ)·g²}; {@code w −= lr·g / √(s + ε)}. */
    private void rmsprop(float[] w, float[] g, float[] s, int n) {
        float lr = (float) spec.learningRate();
        float rho = (float) spec.rho();
        float eps = (float) spec.epsilon();
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float si = rho * s[i] + (1f - rho) * gi * gi;
            s[i] = si;
            w[i] -= lr * gi / (float) Math.sqrt(si + eps);
        }
    }

    /**
     * Keras' Adam in the ε-hat form: the bias corrections are folded into the step size,
     * {@code α = lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ)}, and ε is added to √v (not to the corrected √v̂).
     */
    private void adam(float[] w, float[] g, float[] m, float[] v, int n) {
        double t = iterations;
        double alpha = spec.learningRate() * Math.sqrt(1 - Math.pow(spec.beta2(), t))
                / (1 - Math.pow(spec.beta1(), t));
        float a = (float) alpha;
        float oneMinusB1 = (float) (1 - spec.beta1());
        float oneMinusB2 = (float) (1 - spec.beta2());
        float eps = (float) spec.epsilon();
        for (int i = 0; i < n; i++) {
            float gi = g[i];
            float mi = m[i] + (gi - m[i]) * oneMinusB1;
            float vi = v[i] + (gi * gi - v[i]) * oneMinusB2;
            m[i] = mi;
            v[i] = vi;
            w[i] -= a * mi / ((float) Math.sqrt(vi) + eps);
        }
    }
}
