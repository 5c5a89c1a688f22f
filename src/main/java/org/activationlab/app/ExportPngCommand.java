package org.activationlab.app;

import org.activationlab.cli.ActivationLabCommand;
import org.activationlab.cli.CliException;
import org.activationlab.training.AtomicOutput;
import org.activationlab.training.ExperimentFile;
import org.activationlab.ui.files.PngExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code export-png}: a saved experiment, trained headless, drawn to a PNG (no display needed). */
@Command(name = "export-png", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
        description = {"Trains the experiment saved in FILE (the app's File > Save, or train "
                + "--save-experiment) and draws the fit chart, or the whole window, to a PNG as the "
                + "app shows it. Needs no display.",
                "The image is WIDTH x HEIGHT times --scale pixels."},
        footer = {"", "Exit codes: 0 success, 2 bad input."})
final class ExportPngCommand implements Callable<Integer> {

    static final int MAX_EPOCHS = org.activationlab.engine.Setting.EPOCHS.maxInt();
    static final int MIN_SIDE = 100;
    static final int MAX_SIDE = 8000;
    /** The largest canvas a chart is drawn on: a 2× picture of a 4K screen fits. */
    static final int MAX_PIXELS_PER_SIDE = 8192;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.json", description = "The experiment file.")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT.png", description = "The PNG to write.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs to train before drawing, 0–1000000 (default: the file's epoch "
                    + "limit, or 100 if it has none).")
    Integer epochs;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "FACTOR",
            description = "Pixels per point, 0.5–4: 2 for slides (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--width", defaultValue = "1280", paramLabel = "W",
            description = "Width in points, 100–8000 (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "800", paramLabel = "H",
            description = "Height in points, 100–8000 (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--window", description = "Draw the whole window, not only the fit chart.")
    boolean window;

    @Override
    public Integer call() throws Exception {
        if (!(scale >= 0.5 && scale <= 4)) {
            throw new CliException("--scale must be in [0.5, 4], got " + scale);
        }
        ExportInput.checkSide("--width", width, MIN_SIDE, MAX_SIDE);
        ExportInput.checkSide("--height", height, MIN_SIDE, MAX_SIDE);
        long pixelWidth = Math.round(width * scale);
        long pixelHeight = Math.round(height * scale);
        if (pixelWidth > MAX_PIXELS_PER_SIDE || pixelHeight > MAX_PIXELS_PER_SIDE) {
            throw new CliException("the image would be " + pixelWidth + "×" + pixelHeight + " pixels; at most "
                    + MAX_PIXELS_PER_SIDE + " on a side (lower --width, --height or --scale)");
        }
        if (epochs != null && (epochs < 0 || epochs > MAX_EPOCHS)) {
            throw new CliException("--epochs must be 0–" + MAX_EPOCHS + ", got " + epochs);
        }
        ExperimentFile.Opened opened = ExportInput.read(file, out, spec);
        int trainEpochs = ExportInput.epochs(epochs, opened, MAX_EPOCHS);
        // Opened before training, so a bad --out fails at once rather than after a long run.
        try (AtomicOutput png = AtomicOutput.open(out, "--out " + out)) {
            ExperimentImage.useHeadlessToolkit();
            // ImageIO's disk cache writes a file of its own in java.io.tmpdir, whose closer fails
            // with a NullPointerException at exit when the disk is full: write from memory instead.
            ImageIO.setUseCache(false);
            BufferedImage image = ExperimentImage.render(opened.contents(), trainEpochs,
                    window ? ExperimentImage.Part.WINDOW : ExperimentImage.Part.FIT_CHART, width, height, scale);
            PngExport.write(image, png, "--out " + out);
            png.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d×%d pixels, %s after %d epochs%n",
                    out, image.getWidth(), image.getHeight(), window ? "window" : "fit chart", trainEpochs);
            spec.commandLine().getOut().flush();
        }
        return ActivationLabCommand.EXIT_OK;
    }
}
