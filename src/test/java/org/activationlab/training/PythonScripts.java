package org.activationlab.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Python for the tests of the generated scripts; finds an interpreter, and one with PyTorch. */
final class PythonScripts {

    /** Where to look: the PATH's python3 first, then the distribution's (where Debian's python3-torch goes). */
    private static final List<String> CANDIDATES = List.of("python3", "/usr/bin/python3");

    record Result(int exitCode, String output) {
    }

    private PythonScripts() {
    }

    /** A working python3, or null. */
    static String python() {
        for (String candidate : CANDIDATES) {
            if (works(candidate, "import sys")) {
                return candidate;
            }
        }
        return null;
    }

    /** A python3 that imports torch and numpy, or null. */
    static String pythonWithTorch() {
        for (String candidate : CANDIDATES) {
            if (works(candidate, "import numpy, torch")) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean works(String python, String code) {
        try {
            return run(List.of(python, "-c", code), Path.of("."), 120, TimeUnit.SECONDS).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs a command, output and errors together; a command that outlives the timeout is killed. */
    static Result run(List<String> command, Path workingDir, long timeout, TimeUnit unit) throws IOException {
        Path log = Files.createTempFile("python-output", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished;
            try {
                finished = process.waitFor(timeout, unit);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished = false;
            }
            if (!finished) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + " " + unit + ": " + command);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
