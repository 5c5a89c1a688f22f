package org.activationlab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Opens the files a user hands the app (experiments, CSV data, lessons) only if they are what they
 * claim to be: a regular file, not a directory, a device ({@code /dev/zero} reports a size of 0 and
 * never ends) or a named pipe (opening one blocks until someone writes to it). Reading stops at a
 * size limit whatever size the file reports.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** A file that cannot be used as input; the message says why, without the file's name. */
    public static final class InputFileException extends Exception {
        private static final long serialVersionUID = 1L;

        public InputFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks that {@code file} is a regular file (following links) of at most {@code maxBytes}.
     *
     * @param what what the file should hold, for messages, e.g. "an experiment"
     */
    public static void checkRegular(Path file, long maxBytes, String what) throws InputFileException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputFileException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new InputFileException("permission denied", e);
        } catch (IOException e) {
            throw new InputFileException("cannot be read: " + reason(e), e);
        }
        if (attributes.isDirectory()) {
            throw new InputFileException("it is a directory, not a file", null);
        }
        if (!attributes.isRegularFile()) {
            throw new InputFileException("not a regular file (a device, a named pipe or a socket)", null);
        }
        if (attributes.size() > maxBytes) {
            throw new InputFileException("the file is too large for " + what + " (" + (attributes.size() >> 20)
                    + " MB; at most " + (maxBytes >> 20) + " MB)", null);
        }
    }

    /** The bytes of a regular file of at most {@code maxBytes} (checked while reading, too). */
    public static byte[] readAllBytes(Path file, long maxBytes, String what) throws InputFileException {
        checkRegular(file, maxBytes, what);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new InputFileException("the file is too large for " + what + " (more than "
                        + (maxBytes >> 20) + " MB)", null);
            }
            return bytes;
        } catch (AccessDeniedException e) {
            throw new InputFileException("permission denied", e);
        } catch (IOException e) {
            throw new InputFileException("cannot be read: " + reason(e), e);
        }
    }

    /** A short reason for an I/O failure (the JDK's messages are often only the path). */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : Echo.of(message);
    }
}
