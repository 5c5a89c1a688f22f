package org.activationlab.ui.experiment;

import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.MainView;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Helpers of the experiment-drawer and race-mode UI tests. */
public final class ExperimentFx {

    /** Generous: the machine is shared; a condition that holds ends the wait at once. */
    public static final long TIMEOUT_MS = 20_000;

    private ExperimentFx() {
    }

    /** The main view of {@code config} in the app's own scene at 1280×800, shown and running. */
    public static MainView show(Stage stage, ExperimentConfig config) {
        return FxTestSupport.showMainView(stage, config);
    }

    public static void shutDown(MainView view) {
        FxTestSupport.shutDown(view);
    }

    public static <T> T onFx(Callable<T> action) {
        return FxTestSupport.onFx(action);
    }

    public static void onFx(Runnable action) {
        FxTestSupport.onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    public static void awaitFx(String what, Callable<Boolean> condition) {
        FxTestSupport.awaitFx(what, condition, () -> "");
    }

    /**
     * Waits until every command sent so far is applied and returns the trainer's snapshot then:
     * commands are applied in order, so the first snapshot with a new speed has them all.
     */
    public static Snapshot barrier(MainView view) {
        Trainer trainer = view.model().trainer();
        double speed = trainer.latest().epochsPerSecond() == 60 ? 61 : 60;
        onFx(() -> view.model().setSpeed(speed));
        return await(view, "the trainer to apply the commands sent", s -> s.epochsPerSecond() == speed);
    }

    /** Waits until the trainer publishes a snapshot satisfying {@code condition}. */
    public static Snapshot await(MainView view, String what, Predicate<Snapshot> condition) {
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
