package org.activationlab.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.files.GifWriter;
import org.activationlab.ui.files.PngExport;
import org.activationlab.ui.fit.FitChart;
import org.activationlab.ui.files.GifWriter;
import org.activationlab.ui.files.PngExport;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * An experiment's training as an animated GIF: the app's own trainer steps one epoch at a time
 * and after each epoch the fit chart (or the whole window) is drawn as the app draws it and
 * appended to a {@link GifWriter}. For {@code export-gif}; needs no display (see
 * {@link ExperimentImage#useHeadlessToolkit()}).
 */
public final class AnimationExport {

    private static final long STEP_TIMEOUT_SECONDS = 120;

    /** What a finished export made. */
    public record Result(int frames, int width, int height, boolean cancelled) {
    }

    private AnimationExport() {
    }

    /**
     * Trains {@code contents} epoch by epoch up to {@code epochs}, one frame after each epoch
     * (epochs 1…{@code epochs}), and writes the GIF to {@code out}. Blocks; not on the FX thread.
     *
     * @param progress  told the number of frames written so far (on this thread)
     * @param cancelled asked before each frame; the GIF then ends with the frames it has
     */
    public static Result write(ExperimentFile.Contents contents, int epochs, ExperimentImage.Part part,
                               double width, double height, double scale, double fps, OutputStream out,
                               IntConsumer progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException, TimeoutException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("write blocks: call it off the FX thread");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be ≥ 1, got " + epochs);
        }
        Objects.requireNonNull(part, "part");
        ExperimentImage.ensureToolkit();
        try (Trainer trainer = new Trainer(contents.config().withEpochLimit(epochs), Double.POSITIVE_INFINITY);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out);
             GifWriter gif = new GifWriter(stream, fps)) {
            Parent root = onFx(() -> scene(trainer, contents, part, width, height));
            int w = 0;
            int h = 0;
            boolean stopped = false;
            for (int epoch = 1; epoch <= epochs; epoch++) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                Snapshot s = step(trainer, epoch);
                BufferedImage frame = onFx(() -> draw(root, s, scale));
                gif.add(frame);
                w = frame.getWidth();
                h = frame.getHeight();
                progress.accept(gif.frames());
                if (s.models().stream().allMatch(m -> m.diverged())) {
                    break;
                }
            }
            return new Result(gif.frames(), w, h, stopped);
        }
    }

    /** Trains one more epoch and returns the snapshot of that epoch. */
    private static Snapshot step(Trainer trainer, int epoch) throws InterruptedException, TimeoutException {
        trainer.send(new TrainerCommand.Step());
        Snapshot s = trainer.await(x -> x.epoch() >= epoch || x.models().stream().allMatch(m -> m.diverged()),
                TimeUnit.SECONDS.toMillis(STEP_TIMEOUT_SECONDS));
        if (s.failure() != null) {
            throw new IllegalStateException("training failed: " + s.failure());
        }
        return s;
    }

    private static Parent scene(Trainer trainer, ExperimentFile.Contents contents, ExperimentImage.Part part,
                                double width, double height) {
        if (part == ExperimentImage.Part.WINDOW) {
            LabModel model = new LabModel(trainer);
            model.switchModeProperty().set(contents.switchMode());
            model.lessonIdProperty().set(contents.lessonId());
            return ActivationLabApp.createScene(new MainView(model), width, height).getRoot();
        }
        FitChart chart = new FitChart();
        chart.setId("fit-chart");
        StackPane pane = new StackPane(chart);
        Scene scene = new Scene(pane, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(ActivationLabApp.class.getResource(
                ActivationLabApp.STYLESHEET)).toExternalForm());
        return pane;
    }

    /** The view showing snapshot {@code s}, as pixels. */
    private static BufferedImage draw(Parent root, Snapshot s, double scale) {
        if (root instanceof MainView view) {
            view.model().pullSnapshot();
        } else {
            ((FitChart) root.lookup("#fit-chart")).setSnapshot(s);
        }
        root.applyCss();
        root.layout();
        for (Node n : root.lookupAll(".chart-canvas")) {
            if (n instanceof ChartCanvas chart) {
                chart.redrawIfDirty();
            }
        }
        return PngExport.render(root, scale);
    }

    private interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws InterruptedException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing failed: " + cause, cause);
        }
    }
}
