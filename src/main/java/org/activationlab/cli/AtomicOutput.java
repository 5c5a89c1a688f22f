package org.activationlab.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An output file that appears complete or not at all: lines go to a hidden temporary file in the
 * target's directory, and {@link #commit()} moves it over the target with {@code ATOMIC_MOVE}
 * (falling back to {@code REPLACE_EXISTING} where the file system cannot move atomically).
 * Closing without committing deletes the temporary file and leaves the target untouched.
 *
 * <p>The temporary file is created with {@code CREATE_NEW} rather than
 * {@link Files#createTempFile}, so it gets the usual permissions (umask) instead of owner-only.
 */
final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final String label;
    private final Path temp;
    private final BufferedWriter writer;
    private boolean finished;

    private AtomicOutput(Path target, String label, Path temp, BufferedWriter writer) {
        this.target = target;
        this.label = label;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * Opens the temporary file for {@code target}.
     *
     * @param label how the file is named in messages, e.g. {@code --csv out.csv}
     * @throws CliException if the directory does not exist, the target is a directory, or the
     *                      temporary file cannot be created
     */
    static AtomicOutput open(Path target, String label) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new CliException("cannot write " + label + ": it is a directory");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException("cannot write " + label + ": directory " + dir + " does not exist");
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16) + ".tmp");
            try {
                BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return new AtomicOutput(absolute, label, temp, writer);
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw new CliException("cannot write " + label + ": " + reason(e), e);
                }
            } catch (IOException e) {
                throw new CliException("cannot write " + label + ": " + reason(e), e);
            }
        }
    }

    /** Appends one line (with {@code \n}). */
    void println(CharSequence line) {
        try {
            writer.append(line).append('\n');
        } catch (IOException e) {
            throw new CliException("cannot write " + label + ": " + reason(e), e);
        }
    }

    /** Finishes the file and moves it over the target. */
    void commit() {
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        finished = true;
        try {
            writer.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteTemp();
            throw new CliException("cannot write " + label + ": " + reason(e), e);
        }
    }

    /** Discards the temporary file unless {@link #commit()} succeeded. */
    @Override
    public void close() {
        if (!finished) {
            finished = true;
            try {
                writer.close();
            } catch (IOException ignored) {
                // the file is deleted anyway
            }
            deleteTemp();
        }
    }

    private void deleteTemp() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the hidden file is left behind
        }
    }

    /** A short reason for an I/O failure (the JDK's messages are often only the path). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
