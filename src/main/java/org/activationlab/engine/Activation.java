package org.activationlab.engine;

import java.util.Objects;

/**
 * An activation function together with its derivative: the single source for training and for
 * drawing the side panels. Element-wise activations implement {@link #value} and
 * {@link #derivative}; the array methods used by the training loop have defaults built on them
 * and are overridden where a tight loop matters (ReLU, Linear, …) or where the function is not
 * element-wise ({@link Softmax}).
 *
 * <p>Instances are immutable. Parameterised activations (Leaky ReLU's slope, ELU's α, GELU's
 * approximation) are separate instances; PReLU learns its slope per layer and receives the
 * current value through the {@code parameter} argument of the array methods.
 */
public abstract class Activation {

    private final String id;
    private final String displayName;
    private final String formula;
    private final ActivationFacts.Described described;
    /** Worked out on first use: the subclass's fields (ELU's α, …) are not set in this constructor. */
    private volatile ActivationFacts facts;

    protected Activation(String id, String displayName, String formula, ActivationFacts.Described described) {
        this.id = Objects.requireNonNull(id);
        this.displayName = Objects.requireNonNull(displayName);
        this.formula = Objects.requireNonNull(formula);
        this.described = Objects.requireNonNull(described);
    }

    /** Identifier used on the command line and in files, e.g. {@code relu}, {@code leaky_relu}. */
    public final String id() {
        return id;
    }

    public final String displayName() {
        return displayName;
    }

    /** The formula as display text, e.g. {@code max(0, x)}. */
    public final String formula() {
        return formula;
    }

    /** The facts shown on the info card, measured from f and f′ where they can be (computed once). */
    public final ActivationFacts facts() {
        ActivationFacts f = facts;
        if (f == null) {
            // Racing threads compute the same immutable value; either result may be kept.
            f = ActivationFacts.of(this, described);
            facts = f;
        }
        return f;
    }

    /** Where f′ tends to 0 ({@link Saturation}): the saturated tails counted and shaded. */
    public final Saturation.Tails saturation() {
        return facts().saturation();
    }

    /**
     * f(x); for PReLU with its initial slope; for Softmax the first output of softmax([x, 0]),
     * which is σ(x) (see {@link #plotNote()}).
     */
    public abstract double value(double x);

    /** f′(x), consistent with {@link #value}. */
    public abstract double derivative(double x);

    /**
     * What the plot of {@link #value} shows when it is not simply f(x) of one number, as a short
     * caption; empty for element-wise functions. Softmax: "softmax([x, 0])₁ = σ(x)".
     */
    public String plotNote() {
        return "";
    }

    /** True for functions across a layer's units (Softmax): f′ is then a Jacobian, not a number. */
    public boolean isVectorFunction() {
        return false;
    }

    /**
     * True if f is made of straight pieces joined only at x = 0, with slope 1 for x > 0 (ReLU,
     * Leaky ReLU, PReLU, and the identity as the case of one piece): a network of them is then
     * piecewise linear in its input, with a kink wherever a unit's pre-activation crosses 0.
     * The slope for x < 0 is {@code derivative(-1)}, or PReLU's learned slope.
     */
    public boolean isPiecewiseLinear() {
        return false;
    }

    /**
     * The value this instance was made with of its adjustable parameter: Leaky ReLU's slope,
     * PReLU's initial slope, ELU's α; NaN if it has none.
     */
    public double parameter() {
        return Double.NaN;
    }

    /** True if the layer learns a parameter of this activation (PReLU's slope). */
    public boolean learnsParameter() {
        return false;
    }

    /** Initial value of the learned parameter (only meaningful if {@link #learnsParameter()}). */
    public float initialParameter() {
        return 0f;
    }

    /**
     * Forward pass over the first {@code rows*cols} elements: {@code out = f(pre)}.
     *
     * @param parameter the layer's learned parameter (PReLU), ignored otherwise
     */
    public void forward(float[] pre, float[] out, int rows, int cols, float parameter) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            out[i] = (float) value(pre[i]);
        }
    }

    /**
     * Forward pass that also writes f′(pre) into {@code derivative}, for activations whose
     * derivative costs another exp in {@link #backward} but falls out of the forward pass; the
     * backward pass is then a multiplication. Returns false (and does nothing) for the others.
     */
    public boolean forwardWithDerivative(float[] pre, float[] out, float[] derivative, int rows,
                                         int cols, float parameter) {
        return false;
    }

    /**
     * Backward pass: {@code gradPre = f′(pre) ⊙ gradOut} for element-wise functions, the
     * Jacobian-vector product row by row for vector functions.
     */
    public void backward(float[] pre, float[] out, float[] gradOut, float[] gradPre,
                         int rows, int cols, float parameter) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            gradPre[i] = (float) derivative(pre[i]) * gradOut[i];
        }
    }

    /** ∂loss/∂parameter summed over the elements (only for {@link #learnsParameter()}). */
    public double parameterGradient(float[] pre, float[] gradOut, int rows, int cols) {
        return 0;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
