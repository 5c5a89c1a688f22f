package org.activationlab.training;

/**
 * An experiment file (or a lesson's {@code config}) that cannot be used: not JSON, cut short, not
 * an experiment, or a value out of range. The message is for the user and names the problem, with
 * the field and the value where there is one ({@code network.depth must be 1–8, got 9}).
 */
public final class ExperimentFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ExperimentFileException(String message) {
        this(null, message, null);
    }

    public ExperimentFileException(String message, Throwable cause) {
        this(null, message, cause);
    }

    /**
     * @param field the field's path in the file, e.g. {@code network.depth}, or null; the message
     *              starts with it
     */
    public ExperimentFileException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = field;
    }

    /** The field at fault, e.g. {@code network.depth}, or null if the whole file is. */
    public String field() {
        return field;
    }
}
