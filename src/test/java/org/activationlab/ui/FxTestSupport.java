package org.activationlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.ui.chart.ChartCanvas;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Shared helpers of the UI tests: starting the view, waiting on conditions, reading pixels. */
public final class FxTestSupport {

    /** Generous: the machine is shared, and a condition that holds ends the wait at once. */
    public static final long TIMEOUT_MS = 10_000;

    private FxTestSupport() {
    }

    /** The app's view of the classic experiment in the app's own scene, shown and running. */
    public static MainView showMainView(Stage stage) {
        return showMainView(stage, ExperimentConfig.classic());
    }

    /** The app's view of {@code config} in the app's own scene at 1280×800, shown and running. */
    public static MainView showMainView(Stage stage, ExperimentConfig config) {
        MainView view = new MainView(new LabModel(new Trainer(config)));
        Scene scene = ActivationLabApp.createScene(view);
        stage.setScene(scene);
        stage.setWidth(ActivationLabApp.WIDTH);
        stage.setHeight(ActivationLabApp.HEIGHT);
        view.start();
        stage.show();
        stage.toFront();
        stage.requestFocus();
        return view;
    }

    /** Stops the frame loop and the trainer thread (the app's own shut-down). */
    public static void shutDown(MainView view) {
        if (view != null) {
            view.stop();
            view.model().close();
        }
    }

    /**
     * Building and showing the first window of a test JVM loads and styles hundreds of classes:
     * measured 10–15 s on a loaded machine, so it gets a longer wait than other FX calls.
     */
    public static final long FIRST_SHOW_TIMEOUT_MS = 60_000;

    /** Runs {@code action} on the FX thread and returns its result. */
    public static <T> T onFx(Callable<T> action) {
        return onFx(TIMEOUT_MS, action);
    }

    /** Runs {@code action} on the FX thread, waiting up to {@code timeoutMs}, and returns its result. */
    public static <T> T onFx(long timeoutMs, Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new AssertionError(cause);
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + timeoutMs + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /**
     * Waits until {@code condition}, evaluated on the FX thread (so it sees the view as the user
     * sees it), holds; fails with {@code what} and {@code state} otherwise.
     */
    public static void awaitFx(String what, Callable<Boolean> condition, Supplier<String> state) {
        await(what, () -> onFx(condition), state);
    }

    /** Waits until {@code condition}, evaluated on the calling thread, holds. */
    public static void await(String what, Callable<Boolean> condition, Supplier<String> state) {
        await(what, TIMEOUT_MS, condition, state);
    }

    public static void await(String what, long timeoutMs, Callable<Boolean> condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(timeoutMs, TimeUnit.MILLISECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what
                    + "; state: " + state.get(), e);
        }
    }

    /** Waits until the snapshot the view last took satisfies {@code condition}, and returns it. */
    public static Snapshot awaitSnapshot(MainView view, String what, Predicate<Snapshot> condition) {
        awaitFx(what, () -> condition.test(view.model().snapshot()), () -> describe(view.model().snapshot()));
        return onFx(() -> view.model().snapshot());
    }

    /**
     * Sends a command that changes nothing (the speed it already has) and waits until the trainer
     * has applied it: every command queued before it, and every epoch those commands asked for
     * before it was taken, is then reflected in {@link Trainer#latest()}. No sleeping involved.
     */
    public static Snapshot trainerBarrier(MainView view) {
        Trainer trainer = view.model().trainer();
        Snapshot before = trainer.latest();
        long sequence = before.sequence();
        double speed = before.epochsPerSecond();
        onFx(() -> view.model().setSpeed(speed));
        await("the trainer to acknowledge a no-op command",
                () -> trainer.latest().sequence() > sequence, () -> describe(trainer.latest()));
        return trainer.latest();
    }

    /** Waits until the charts have drawn the snapshot that the view took last. */
    public static void awaitChartsDrawn(MainView view) {
        awaitFx("the charts to redraw", () -> !view.fitChart().isDirty() && !view.lossChart().isDirty()
                && view.fitChart().viewport() != null && view.lossChart().viewport() != null,
                () -> "fit dirty " + view.fitChart().isDirty() + ", loss dirty " + view.lossChart().isDirty());
    }

    public static String describe(Snapshot s) {
        if (s == null) {
            return "no snapshot";
        }
        return "seq " + s.sequence() + ", epoch " + s.epoch() + ", playing " + s.playing()
                + ", models " + s.config().models() + ", switches " + s.switches().size()
                + (s.failure() == null ? "" : ", failure " + s.failure());
    }

    /** The chart as drawn, pixel (0, 0) being the chart's top-left corner (its shadow left out). */
    public static WritableImage snapshotOf(ChartCanvas chart) {
        return onFx(() -> {
            // Node.snapshot's viewport is in the parent's coordinates.
            javafx.geometry.Point2D origin = chart.localToParent(0, 0);
            SnapshotParameters params = new SnapshotParameters();
            params.setViewport(new Rectangle2D(origin.getX(), origin.getY(), chart.getWidth(), chart.getHeight()));
            return chart.snapshot(params, null);
        });
    }

    /**
     * Writes {@code image} as a PNG into the directory named by the system property
     * {@code activationlab.ui.dump} (for looking at a failing chart); does nothing without it.
     */
    public static void dump(WritableImage image, String name) {
        String dir = System.getProperty("activationlab.ui.dump");
        if (dir == null) {
            return;
        }
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(w, h,
                java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            java.nio.file.Path path = java.nio.file.Path.of(dir, name + ".png");
            java.nio.file.Files.createDirectories(path.getParent());
            javax.imageio.ImageIO.write(out, "png", path.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether {@code argb} is within {@code tolerance} of {@code colour} on each channel. */
    public static boolean near(int argb, Color colour, int tolerance) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        return Math.abs(r - (int) Math.round(colour.getRed() * 255)) <= tolerance
                && Math.abs(g - (int) Math.round(colour.getGreen() * 255)) <= tolerance
                && Math.abs(b - (int) Math.round(colour.getBlue() * 255)) <= tolerance;
    }
}
