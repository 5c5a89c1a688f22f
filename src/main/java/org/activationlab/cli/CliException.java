package org.activationlab.cli;

/**
 * Bad input on the command line that the user can fix: an out-of-range number, an unknown name,
 * an unusable file. Its message is printed as one line, {@code error: <message>}, and the command
 * exits with {@link ActivationLabCommand#EXIT_USAGE}.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
