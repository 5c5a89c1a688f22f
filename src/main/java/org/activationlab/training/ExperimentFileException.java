package org.activationlab.training;

/**
 * An experiment file that cannot be opened: not JSON, cut short, not an experiment, or a value
 * out of range. The message is for the user and names the problem, with the field and the value
 * where there is one ({@code network.depth must be 1–8, got 9}).
 */
public final class ExperimentFileException extends Exception {

    private static final long serialVersionUID = 1L;

    public ExperimentFileException(String message) {
        super(message);
    }

    public ExperimentFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
