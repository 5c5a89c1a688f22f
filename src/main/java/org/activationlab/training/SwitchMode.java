package org.activationlab.training;

/** What happens to a model's weights when its activation is switched. */
public enum SwitchMode {
    /** Start again from the seed's initial weights, so the comparison stays fair (default). */
    RESTART("restart from the same initial weights"),
    /** Keep the trained weights and continue with the new activation. */
    KEEP_WEIGHTS("keep the weights");

    private final String displayName;

    SwitchMode(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
