package org.activationlab.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Helpers of the experiment-drawer and race-mode UI tests. */
final class ExperimentFx {

    /** Generous: the machine is shared; a condition that holds ends the wait at once. */
    static final long TIMEOUT_MS = 20_000;

    private ExperimentFx() {
    }

    /** The main view of {@code config} in the app's own scene at 1280×800, shown and running. */
    static MainView show(Stage stage, ExperimentConfig config) {
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

    static void shutDown(MainView view) {
        if (view != null) {
            view.stop();
            view.model().close();
        }
    }

    static <T> T onFx(Callable<T> action) {
        try {
            return WaitForAsyncUtils.asyncFx(action).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the FX thread did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void onFx(Runnable action) {
        onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void awaitFx(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS, () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /**
     * Waits until every command sent so far is applied and returns the trainer's snapshot then:
     * commands are applied in order, so the first snapshot with a new speed has them all.
     */
    static Snapshot barrier(MainView view) {
        Trainer trainer = view.model().trainer();
        double speed = trainer.latest().epochsPerSecond() == 60 ? 61 : 60;
        onFx(() -> view.model().setSpeed(speed));
        return await(view, "the trainer to apply the commands sent", s -> s.epochsPerSecond() == speed);
    }

    /** Waits until the trainer publishes a snapshot satisfying {@code condition}. */
    static Snapshot await(MainView view, String what, Predicate<Snapshot> condition) {
        try {
            return view.model().trainer().await(condition, TIMEOUT_MS);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
