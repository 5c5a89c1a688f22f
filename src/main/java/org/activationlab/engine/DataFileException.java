package org.activationlab.engine;

/** A data file that cannot be used; the message names the file and line. */
public final class DataFileException extends Exception {
    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
