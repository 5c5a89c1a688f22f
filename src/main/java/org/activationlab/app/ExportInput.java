package org.activationlab.app;

import org.activationlab.cli.CliException;
import org.activationlab.cli.TrainCommand;
import org.activationlab.engine.Echo;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.ExperimentFileException;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;

/**
 * What {@code export-png} and {@code export-gif} check and read the same way: picture sides, the
 * output that must not be the input, the experiment file with its warnings, the epochs to train.
 */
final class ExportInput {

    private ExportInput() {
    }

    /** A picture side in points, {@code min}–{@code max}. */
    static void checkSide(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CliException(option + " must be " + min + "–" + max + ", got " + value);
        }
    }

    /**
     * Reads the experiment file, refusing an output that would overwrite it; warnings go to the
     * command's error stream, prefixed with the file.
     */
    static ExperimentFile.Opened read(Path file, Path out, CommandSpec spec) {
        if (TrainCommand.sameFile(out, file)) {
            throw new CliException("--out " + Echo.of(out.toString()) + " is the experiment file: writing it "
                    + "would destroy the input (choose another name)");
        }
        ExperimentFile.Opened opened;
        try {
            opened = ExperimentFile.read(file);
        } catch (ExperimentFileException e) {
            throw new CliException(Echo.of(file.toString()) + ": " + e.getMessage(), e);
        }
        for (String warning : opened.warnings()) {
            spec.commandLine().getErr().println("warning: " + file + ": " + warning);
        }
        return opened;
    }

    /** The epochs asked for, else the file's epoch limit (at most {@code max}), else 100. */
    static int epochs(Integer given, ExperimentFile.Opened opened, int max) {
        int limit = opened.config().epochLimit();
        return given != null ? given : limit > 0 ? Math.min(limit, max) : 100;
    }
}
