package org.activationlab.engine;

import java.util.Locale;
import java.util.Optional;

/** The optimisers on offer, with Keras' default learning rates. */
public enum OptimizerKind {
    SGD("sgd", "SGD", 0.01),
    MOMENTUM("momentum", "SGD + momentum", 0.01),
    NESTEROV("nesterov", "SGD + Nesterov momentum", 0.01),
    RMSPROP("rmsprop", "RMSprop", 0.001),
    ADAM("adam", "Adam", 0.001);

    private final String id;
    private final String displayName;
    private final double defaultLearningRate;

    OptimizerKind(String id, String displayName, double defaultLearningRate) {
        this.id = id;
        this.displayName = displayName;
        this.defaultLearningRate = defaultLearningRate;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    public static Optional<OptimizerKind> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        for (OptimizerKind k : values()) {
            if (k.id.equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
