package org.activationlab.ui.instruments;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.chart.ChartCanvas;
import org.testfx.api.FxToolkit;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/** Helpers of the instrument view tests: real snapshots, charts drawn in a styled scene, pixels. */
public final class InstrumentFx {

    public static final long TIMEOUT_MS = 10_000;

    private InstrumentFx() {
    }

    public static void startToolkit() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (TimeoutException e) {
            throw new AssertionError("the JavaFX toolkit did not start", e);
        }
    }

    /** The classic experiment on 200 points, for speed. */
    public static ExperimentConfig smallClassic() {
        return ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
    }

    /** The snapshot a real trainer publishes after {@code epochs} steps of {@code config}. */
    public static Snapshot trained(ExperimentConfig config, int epochs) {
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            for (int i = 0; i < epochs; i++) {
                trainer.send(new TrainerCommand.Step());
            }
            return trainer.await(s -> s.epoch() >= epochs || s.models().stream().allMatch(m -> m.diverged()),
                    TIMEOUT_MS);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code action} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> action) {
        return FxTestSupport.onFx(action);
    }

    public static void onFx(Runnable action) {
        FxTestSupport.onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits (without sleeping by luck) until {@code condition}, run on the FX thread, holds. */
    public static void awaitFx(String what, Callable<Boolean> condition) {
        FxTestSupport.awaitFx(what, condition, () -> "");
    }

    /** A scene of the given size with the app's stylesheet, holding {@code chart} alone. */
    public static Scene sceneFor(ChartCanvas chart, double width, double height) {
        Scene scene = new Scene(new StackPane(chart), width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                ActivationLabApp.class.getResource(ActivationLabApp.STYLESHEET)).toExternalForm());
        return scene;
    }

    /** Lays the chart out in a styled scene, draws it and returns what it shows. Call on the FX thread. */
    public static WritableImage render(ChartCanvas chart, double width, double height) {
        Scene scene = chart.getScene() != null ? chart.getScene() : sceneFor(chart, width, height);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        chart.redrawIfDirty();
        return scene.snapshot(null);
    }

    public static boolean near(int argb, Color colour, int tolerance) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - (int) Math.round(colour.getRed() * 255)) <= tolerance
                && Math.abs(g - (int) Math.round(colour.getGreen() * 255)) <= tolerance
                && Math.abs(b - (int) Math.round(colour.getBlue() * 255)) <= tolerance;
    }

    /** Pixels within the rectangle that are within {@code tolerance} of {@code colour}. */
    public static int count(WritableImage image, double x0, double y0, double x1, double y1, Color colour, int tolerance) {
        PixelReader pixels = image.getPixelReader();
        int n = 0;
        for (int y = (int) Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = (int) Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                if (near(pixels.getArgb(x, y), colour, tolerance)) {
                    n++;
                }
            }
        }
        return n;
    }

    public static int argb(WritableImage image, double x, double y) {
        return image.getPixelReader().getArgb((int) x, (int) y);
    }

    /** {@code over} painted with {@code opacity} on {@code under}, as the canvas blends. */
    public static Color blend(Color under, Color over, double opacity) {
        return under.interpolate(over, opacity);
    }
}
