package org.activationlab.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.chart.ChartCanvas;
import org.activationlab.ui.files.GifWriter;
import org.activationlab.ui.files.PngExport;
import org.activationlab.ui.fit.FitChart;
import org.activationlab.ui.fit.LossChart;

import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * An experiment's training as an animated GIF: a trainer of its own steps one epoch at a time
 * and after each epoch of the range the fit chart (with the loss chart, or the whole window) is
 * drawn as the app draws it and appended to a {@link GifWriter}. The one renderer of both
 * {@code export-gif} and File ▸ Export ▸ Animation; in the shell because it draws several
 * features' views (features may not import each other, and the app layer is not visible to the
 * window). Without a display it needs the headless toolkit ({@code ExperimentImage.useHeadlessToolkit}).
 */
public final class AnimationExport {

    private static final long STEP_TIMEOUT_SECONDS = 120;
    /** The loss chart's share of the height in {@link Part#FIT_AND_LOSS}. */
    private static final double LOSS_SHARE = 0.3;

    /** What each frame shows. */
    public enum Part {
        FIT_CHART("Fit chart"),
        FIT_AND_LOSS("Fit and loss charts"),
        WINDOW("Whole window");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

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
     * @param cancelled asked before each epoch; the GIF then ends with the frames it has
     */
    public static Result write(ExperimentFile.Contents contents, int epochs, Part part,
                               double width, double height, double scale, double fps, OutputStream out,
                               IntConsumer progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException, TimeoutException {
        return write(contents, 1, epochs, part, width, height, scale, fps, out, progress, cancelled);
    }

    /**
     * Trains {@code contents} from epoch 0 up to {@code to}, and draws one frame at each epoch from
     * {@code from} to {@code to} (epoch 0 is the untrained start); writes the GIF to {@code out}.
     * Blocks; not on the FX thread.
     *
     * @param progress  told the epoch reached (0…{@code to}) after each epoch (on this thread)
     * @param cancelled asked before each epoch; the GIF then ends with the frames it has and the
     *                  result says so (the caller decides whether to keep it)
     */
    public static Result write(ExperimentFile.Contents contents, int from, int to, Part part,
                               double width, double height, double scale, double fps, OutputStream out,
                               IntConsumer progress, BooleanSupplier cancelled)
            throws IOException, InterruptedException, TimeoutException {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("write blocks: call it off the FX thread");
        }
        if (from < 0 || to < Math.max(1, from)) {
            throw new IllegalArgumentException("epochs must be 0 ≤ from ≤ to, to ≥ 1, got " + from + "–" + to);
        }
        Objects.requireNonNull(part, "part");
        ensureToolkit();
        try (Trainer trainer = new Trainer(contents.config().withEpochLimit(to), Double.POSITIVE_INFINITY);
             ImageOutputStream stream = ImageIO.createImageOutputStream(out);
             GifWriter gif = new GifWriter(stream, fps)) {
            Parent root = onFx(() -> scene(trainer, contents, part, width, height));
            int w = 0;
            int h = 0;
            boolean stopped = false;
            Snapshot s = trainer.latest();
            for (int epoch = 0; epoch <= to; epoch++) {
                if (cancelled.getAsBoolean()) {
                    stopped = true;
                    break;
                }
                if (epoch > 0) {
                    s = step(trainer, epoch);
                }
                if (epoch >= from) {
                    Snapshot shown = s;
                    BufferedImage frame = onFx(() -> draw(root, shown, scale));
                    gif.add(frame);
                    w = frame.getWidth();
                    h = frame.getHeight();
                }
                progress.accept(epoch);
                if (epoch > 0 && s.models().stream().allMatch(m -> m.diverged())) {
                    break;
                }
            }
            return new Result(gif.frames(), w, h, stopped);
        }
    }

    /**
     * Starts the JavaFX toolkit if it is not running yet (it then stays up for later renders).
     * A running app's toolkit is left as it is: it still exits when its window closes.
     */
    public static void ensureToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
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

    private static Parent scene(Trainer trainer, ExperimentFile.Contents contents, Part part,
                                double width, double height) {
        if (part == Part.WINDOW) {
            LabModel model = new LabModel(trainer);
            model.switchModeProperty().set(contents.switchMode());
            model.lessonIdProperty().set(contents.lessonId());
            return ActivationLabApp.createScene(new MainView(model), width, height).getRoot();
        }
        FitChart chart = new FitChart();
        chart.setId("fit-chart");
        Parent pane;
        if (part == Part.FIT_AND_LOSS) {
            LossChart loss = new LossChart();
            loss.setId("loss-chart");
            chart.setPrefHeight(height * (1 - LOSS_SHARE));
            loss.setPrefHeight(height * LOSS_SHARE);
            chart.setMinHeight(0);
            loss.setMinHeight(0);
            VBox.setVgrow(chart, Priority.ALWAYS);
            VBox box = new VBox(chart, loss);
            box.getStyleClass().add("charts");
            pane = box;
        } else {
            pane = new StackPane(chart);
        }
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
            if (root.lookup("#loss-chart") instanceof LossChart loss) {
                loss.setSnapshot(s);
            }
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

    /** Work for the FX thread that may throw. */
    public interface FxCall<T> {
        T call() throws Exception;
    }

    private static <T> T onFx(FxCall<T> call) throws InterruptedException, TimeoutException {
        return onFx(call, STEP_TIMEOUT_SECONDS);
    }

    /**
     * Runs {@code call} on the FX thread and waits for it (from any other thread) at most
     * {@code timeoutSeconds}; its runtime exceptions come back as they are, anything else as an
     * {@link IllegalStateException} saying drawing failed.
     */
    public static <T> T onFx(FxCall<T> call, long timeoutSeconds) throws InterruptedException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("drawing failed: " + cause, cause);
        }
    }
}
