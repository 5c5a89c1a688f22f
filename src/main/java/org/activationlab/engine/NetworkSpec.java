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

    public static final int MAX_DEPTH = Setting.DEPTH.maxInt();
    public static final int MAX_WIDTH = Setting.WIDTH.maxInt();

    public NetworkSpec {
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(initializer, "initializer");
        Setting.DEPTH.check(depth);
        Setting.WIDTH.check(width);
        Setting.INIT_SCALE.check(initScale);
        Setting.BIAS_INIT.check(biasInit);
    }

    /** The classic experiment's shape: 1 → 64 → 64 → 1, Glorot uniform, zero biases. */
    public static NetworkSpec classic(Activation activation) {
        return new NetworkSpec(Setting.DEPTH.defaultInt(), Setting.WIDTH.defaultInt(), activation,
                Initializer.byId(Setting.INITIALIZER.defaultText()).orElseThrow(),
                Setting.INIT_SCALE.defaultValue(), Setting.BIAS_INIT.defaultValue());
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
