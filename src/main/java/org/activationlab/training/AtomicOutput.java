package org.activationlab.training;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * An output file that appears complete or not at all: what is written goes to a hidden
 * temporary file in the target's directory, and {@link #commit()} moves it over the target with
 * {@code ATOMIC_MOVE} (falling back to {@code REPLACE_EXISTING} where the file system cannot move
 * atomically). Closing without committing deletes the temporary file and leaves the target
 * untouched, so a failed save never destroys the file the user had.
 *
 * <p>A temporary file left open when the JVM is stopped (Ctrl+C, SIGTERM) is deleted by a shutdown
 * hook. Text goes through {@link #println}, bytes (an image) through {@link #stream()}; a file uses
 * one or the other. The temporary file is created with {@code CREATE_NEW} rather than
 * {@link Files#createTempFile}, so it gets the usual permissions (umask) instead of owner-only.
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path target;
    private final String label;
    private final Path temp;
    private final OutputStream stream;
    private final BufferedWriter writer;
    private boolean finished;

    private AtomicOutput(Path target, String label, Path temp, OutputStream stream) {
        this.target = target;
        this.label = label;
        this.temp = temp;
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    /**
     * Opens the temporary file for {@code target}.
     *
     * @param label how the file is named in messages, e.g. {@code --csv out.csv}
     * @throws OutputFileException if the directory does not exist, the target is a directory, or
     *                             the temporary file cannot be created
     */
    public static AtomicOutput open(Path target, String label) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new OutputFileException("cannot write " + label + ": it is a directory");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // Moving a file over /dev/null or a named pipe would replace it with a regular file.
            throw new OutputFileException("cannot write " + label + ": it is not a regular file (a device, "
                    + "a named pipe or a socket)");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new OutputFileException("cannot write " + label + ": directory " + dir + " does not exist");
        }
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve(tempName(absolute.getFileName().toString(),
                    Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16)));
            // Registered before the file exists: a SIGTERM right after it appears must find it.
            CLEANUP.get();
            PENDING.add(temp);
            try {
                OutputStream stream = new BufferedOutputStream(Files.newOutputStream(temp,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
                return new AtomicOutput(absolute, label, temp, stream);
            } catch (FileAlreadyExistsException e) {
                PENDING.remove(temp); // someone else's file: never ours to delete
                if (attempt == 10) {
                    throw new OutputFileException("cannot write " + label + ": " + reason(e), e);
                }
            } catch (IOException e) {
                PENDING.remove(temp);
                throw new OutputFileException("cannot write " + label + ": " + reason(e), e);
            }
        }
    }

    /** Longest file name most file systems allow, in bytes. */
    static final int MAX_NAME_BYTES = 255;

    /** Temporary files not yet committed or discarded, deleted if the JVM is stopped (Ctrl+C, SIGTERM). */
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Supplier<Thread> CLEANUP = new Supplier<>() {
        private Thread hook;

        @Override
        public synchronized Thread get() {
            if (hook == null) {
                hook = new Thread(AtomicOutput::deletePending, "activation-lab-temp-cleanup");
                Runtime.getRuntime().addShutdownHook(hook);
            }
            return hook;
        }
    };

    private static void deletePending() {
        for (Path temp : PENDING) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the JVM is stopping: nothing more can be done
            }
        }
    }

    /**
     * The hidden temporary name for {@code name}: ".name.&lt;random&gt;.tmp", with the name shortened
     * (by whole characters) so that the whole stays within {@value #MAX_NAME_BYTES} bytes, so that a
     * legal target name of 245–255 bytes can still be written.
     */
    static String tempName(String name, String random) {
        String suffix = "." + random + ".tmp";
        int room = MAX_NAME_BYTES - 1 - suffix.length();
        StringBuilder prefix = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > room) {
                break;
            }
            prefix.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return "." + prefix + suffix;
    }

    /** Appends one line (with {@code \n}). */
    public void println(CharSequence line) {
        try {
            writer.append(line).append('\n');
        } catch (IOException e) {
            throw new OutputFileException("cannot write " + label + ": " + reason(e), e);
        }
    }

    /** The bytes of the temporary file, for binary content; not to be closed by the caller. */
    public OutputStream stream() {
        return stream;
    }

    /** Finishes the file and moves it over the target. */
    public void commit() {
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
            PENDING.remove(temp);
        } catch (IOException e) {
            deleteTemp();
            throw new OutputFileException("cannot write " + label + ": " + reason(e), e);
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
        PENDING.remove(temp);
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
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A file that cannot be written; the message names it and says why, for the user. */
    public static final class OutputFileException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public OutputFileException(String message) {
            super(message);
        }

        public OutputFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
