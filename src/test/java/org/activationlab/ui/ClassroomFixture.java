package org.activationlab.ui;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;

import java.util.concurrent.Callable;

/**
 * The app's window as {@link ActivationLabApp} builds it, classroom features installed with
 * preferences in memory (never the user's), plus helpers to act and wait on the FX thread.
 */
final class ClassroomFixture {

    /** Generous: the machine is shared, and a condition that holds ends the wait at once. */
    static final long TIMEOUT_MS = 10_000;

    final Stage stage;
    final MainView view;
    final Classroom classroom;
    final MemoryPreferences preferences;

    private ClassroomFixture(Stage stage, MainView view, Classroom classroom, MemoryPreferences preferences) {
        this.stage = stage;
        this.view = view;
        this.classroom = classroom;
        this.preferences = preferences;
    }

    /** Call on the FX thread (from a TestFX {@code @Start} method). */
    static ClassroomFixture show(Stage stage, MemoryPreferences preferences) {
        MainView view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
        Scene scene = ActivationLabApp.createScene(view);
        stage.setScene(scene);
        stage.setWidth(ActivationLabApp.WIDTH);
        stage.setHeight(ActivationLabApp.HEIGHT);
        Classroom classroom = Classroom.install(view, stage, new AppPreferences(preferences));
        view.start();
        stage.show();
        stage.toFront();
        stage.requestFocus();
        return new ClassroomFixture(stage, view, classroom, preferences);
    }

    /** Leaves full screen (the primary stage is shared by the tests), stops frames and trainer. */
    void close() {
        onFx(() -> {
            classroom.presentation().leave();
            stage.setFullScreen(false);
            view.stop();
        });
        view.model().close();
    }

    static <T> T onFx(Callable<T> action) {
        return FxTestSupport.onFx(action);
    }

    static void onFx(Runnable action) {
        FxTestSupport.onFx(() -> {
            action.run();
            return null;
        });
    }

    /** Waits until {@code condition}, evaluated on the FX thread, holds. */
    static void awaitFx(String what, Callable<Boolean> condition) {
        FxTestSupport.awaitFx(what, condition, () -> "");
    }

    /** Waits until the charts have drawn with the current styles. */
    void awaitChartsDrawn() {
        awaitFx("the charts to draw", () -> !view.fitChart().isDirty() && view.fitChart().viewport() != null
                && !view.lossChart().isDirty());
    }
}
