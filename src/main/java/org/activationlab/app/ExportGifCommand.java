package org.activationlab.app;

import org.activationlab.cli.ActivationLabCommand;
import org.activationlab.cli.CliException;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentFile;
import org.activationlab.ui.AnimationExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code export-gif}: a saved experiment's training as an animated GIF, one frame per epoch, headless. */
@Command(name = "export-gif", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
        description = {"Trains the experiment saved in FILE epoch by epoch and writes an animated, "
                + "looping GIF of the fit chart (or the whole window) with one frame per epoch, for "
                + "slides. Needs no display.",
                "The frames are WIDTH x HEIGHT times --scale pixels."},
        footer = {"", "Exit codes: 0 success, 2 bad input."})
final class ExportGifCommand implements Callable<Integer> {

    static final int MAX_EPOCHS = 2000;
    static final int MIN_SIDE = 100;
    static final int MAX_SIDE = 4000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "The experiment file.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT.gif", description = "The GIF to write.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs to train, one frame each, 1–2000 (default: the file's epoch limit, "
                    + "or 100 if it has none).")
    Integer epochs;

    @Option(names = "--fps", defaultValue = "20", paramLabel = "N",
            description = "Frames per second, 1–50 (default: ${DEFAULT-VALUE}).")
    double fps;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "FACTOR",
            description = "Pixels per point, 0.5–2 (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--width", defaultValue = "1280", paramLabel = "W",
            description = "Width in points, 100–4000 (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "720", paramLabel = "H",
            description = "Height in points, 100–4000 (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--window", description = "Draw the whole window, not only the fit chart.")
    boolean window;

    @Override
    public Integer call() throws Exception {
        if (!(fps >= 1 && fps <= 50)) {
            throw new CliException("--fps must be in [1, 50], got " + fps);
        }
        if (!(scale >= 0.5 && scale <= 2)) {
            throw new CliException("--scale must be in [0.5, 2], got " + scale);
        }
        ExportInput.checkSide("--width", width, MIN_SIDE, MAX_SIDE);
        ExportInput.checkSide("--height", height, MIN_SIDE, MAX_SIDE);
        if (epochs != null && (epochs < 1 || epochs > MAX_EPOCHS)) {
            throw new CliException("--epochs must be 1–" + MAX_EPOCHS + ", got " + epochs);
        }
        ExperimentFile.Opened opened = ExportInput.read(file, out, spec);
        int frames = ExportInput.epochs(epochs, opened, MAX_EPOCHS);
        // Opened before training, so a bad --out fails at once rather than after a long run.
        try (AtomicOutput gif = AtomicOutput.open(out, "--out " + out)) {
            ExperimentImage.useHeadlessToolkit();
            ExperimentImage.ensureToolkit();
            AnimationExport.Result result = AnimationExport.write(opened.contents(), frames,
                    window ? AnimationExport.Part.WINDOW : AnimationExport.Part.FIT_CHART, width, height, scale,
                    fps, gif.stream(), n -> { }, () -> false);
            gif.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d frames of %d×%d pixels at %s fps, %d KB%n",
                    out, result.frames(), result.width(), result.height(), trim(fps), Files.size(out) / 1024);
            spec.commandLine().getOut().flush();
        }
        return ActivationLabCommand.EXIT_OK;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
