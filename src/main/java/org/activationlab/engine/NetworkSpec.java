package org.activationlab.engine;

import java.util.Objects;

/**
 * The shape and initialisation of a dense network {@code 1 → width × depth → 1}: one hidden
 * activation for every hidden layer, a linear output.
 *
 * @param depth        number of hidden layers, 1–8
 * @param width        units per hidden layer, 1–512
 * @param activation   the hidden activation
 * @param initializer  weight initialiser
 * @param initScale    factor on the initialiser's limit, (0, 100]
 * @param biasInit     constant every bias starts at (0 by default)
 */
public record NetworkSpec(int depth, int width, Activation activation, Initializer initializer,
                          double initScale, double biasInit) {

    public static final int MAX_DEPTH = 8;
    public static final int MAX_WIDTH = 512;

    public NetworkSpec {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(initializer, "initializer");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 1–" + MAX_DEPTH + ", got " + depth);
        }
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be 1–" + MAX_WIDTH + ", got " + width);
        }
        if (!(initScale > 0 && initScale <= 100)) {
            throw new IllegalArgumentException("init scale must be in (0, 100], got " + initScale);
        }
        if (!Double.isFinite(biasInit) || Math.abs(biasInit) > 100) {
            throw new IllegalArgumentException("bias init must be in [−100, 100], got " + biasInit);
        }
    }

    /** The classic experiment's shape: 1 → 64 → 64 → 1, Glorot uniform, zero biases. */
    public static NetworkSpec classic(Activation activation) {
        return new NetworkSpec(2, 64, activation, Initializer.GLOROT_UNIFORM, 1.0, 0.0);
    }

    public NetworkSpec withActivation(Activation newActivation) {
        return new NetworkSpec(depth, width, newActivation, initializer, initScale, biasInit);
    }

    /** Layer sizes including input and output, e.g. {@code [1, 64, 64, 1]}. */
    public int[] layerSizes() {
        int[] sizes = new int[depth + 2];
        sizes[0] = 1;
        for (int i = 1; i <= depth; i++) {
            sizes[i] = width;
        }
        sizes[depth + 1] = 1;
        return sizes;
    }

    /** "1-64-64-1". */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("1");
        for (int i = 0; i < depth; i++) {
            sb.append('-').append(width);
        }
        return sb.append("-1").toString();
    }
}
