package org.activationlab.app;

import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AnimationExport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.files.PngExport;
import org.activationlab.ui.fit.FitChart;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An experiment trained for some epochs and drawn as the app draws it, without a window: the
 * fit chart alone, or the whole window's content, as an image (for {@code export-png}). Training
 * runs on the app's own trainer, so the picture is the one the app would show after as many
 * epochs.
 */
public final class ExperimentImage {

    /** What to draw. */
    public enum Part { FIT_CHART, WINDOW }

    private static final long FX_TIMEOUT_SECONDS = 60;
    /**
     * JavaFX warns on every start from the class path ("Unsupported JavaFX configuration"); on the
     * command line that is noise around the one line the command prints, so that message alone is
     * filtered out. Held here because a logger nobody references may be collected, filter and all.
     */
    private static final java.util.logging.Logger PLATFORM_LOGGER =
            java.util.logging.Logger.getLogger("javafx");

    private ExperimentImage() {
    }

    /**
     * Makes JavaFX render without a display (Monocle's headless glass, the software pipeline),
     * unless a toolkit is already running or a platform was chosen. Must run before the toolkit
     * starts: JavaFX reads these properties once.
     */
    public static void useHeadlessToolkit() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("java.awt.headless", "true");
        PLATFORM_LOGGER.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Starts the JavaFX toolkit if it is not running yet; on the command line it stays up for
     * later renders whether this started it or not.
     */
    static void ensureToolkit() throws InterruptedException {
        AnimationExport.ensureToolkit();
        Platform.setImplicitExit(false);
    }

    /**
     * Trains the experiment in {@code contents} for {@code epochs} epochs (as fast as it goes) and
     * draws {@code part} at {@code width} × {@code height}, {@code scale} times as many pixels.
     * Blocks; must not be called on the FX thread.
     */
    public static BufferedImage render(ExperimentFile.Contents contents, int epochs, Part part,
                                       double width, double height, double scale)
            throws InterruptedException, TimeoutException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("render blocks: call it off the FX thread");
        }
        Objects.requireNonNull(part, "part");
        try (Trainer trainer = new Trainer(contents.config().withEpochLimit(epochs), Double.POSITIVE_INFINITY)) {
            Snapshot trained = train(trainer, epochs);
            // Shown at the file's own speed, as the app would after opening it.
            trainer.send(new TrainerCommand.SetSpeed(contents.epochsPerSecond()));
            trainer.await(s -> s.sequence() > trained.sequence(), TimeUnit.SECONDS.toMillis(FX_TIMEOUT_SECONDS));
            ensureToolkit();
            return AnimationExport.onFx(() -> draw(trainer, contents, part, width, height, scale),
                    FX_TIMEOUT_SECONDS);
        }
    }

    /** Plays until the limit (or until every model diverged) and returns the last snapshot. */
    private static Snapshot train(Trainer trainer, int epochs) throws InterruptedException, TimeoutException {
        if (epochs == 0) {
            return trainer.latest();
        }
        long before = trainer.latest().sequence();
        trainer.send(new TrainerCommand.Play());
        // No deadline that a slow machine could miss: a long run is the user's choice (Ctrl+C).
        Snapshot s = trainer.await(x -> x.sequence() > before && !x.playing(), TimeUnit.DAYS.toMillis(1));
        if (s.failure() != null) {
            throw new IllegalStateException("training failed: " + s.failure());
        }
        return s;
    }

    private static BufferedImage draw(Trainer trainer, ExperimentFile.Contents contents, Part part,
                                      double width, double height, double scale) {
        LabModel model = new LabModel(trainer);
        model.switchModeProperty().set(contents.switchMode());
        model.lessonIdProperty().set(contents.lessonId());
        MainView view = new MainView(model);
        Parent root;
        if (part == Part.WINDOW) {
            root = ActivationLabApp.createScene(view, width, height).getRoot();
        } else {
            root = fitChartAlone(view, trainer.latest(), width, height);
        }
        // Charts draw when laid out at their size, with the colours the stylesheet gives them.
        root.applyCss();
        root.layout();
        return PngExport.render(root, scale);
    }

    /**
     * The window's own fit chart — with everything the window's features draw on it (the kink
     * ticks and the linear net's equation among them) — taken out of the window and laid out
     * alone at {@code width} × {@code height}: what File ▸ Export ▸ Fit chart as PNG renders, at
     * the size asked for.
     */
    static Parent fitChartAlone(MainView view, Snapshot snapshot, double width, double height) {
        FitChart chart = view.fitChart();
        chart.setSnapshot(snapshot);
        StackPane pane = new StackPane(chart);
        Scene scene = new Scene(pane, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(ActivationLabApp.class.getResource(
                ActivationLabApp.STYLESHEET)).toExternalForm());
        return pane;
    }
}
