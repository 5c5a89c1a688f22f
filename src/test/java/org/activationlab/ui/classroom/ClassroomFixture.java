package org.activationlab.ui.classroom;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.MemoryPreferences;

import java.util.concurrent.Callable;

/**
 * The app's window as {@link ActivationLabApp} builds it, classroom features installed with
 * preferences in memory (never the user's), plus helpers to act and wait on the FX thread.
 */
public final class ClassroomFixture {

    /** Generous: the machine is shared, and a condition that holds ends the wait at once. */
    public static final long TIMEOUT_MS = 10_000;

    final Stage stage;
    public final MainView view;
    public final Classroom classroom;
    final MemoryPreferences preferences;

    private ClassroomFixture(Stage stage, MainView view, Classroom classroom, MemoryPreferences preferences) {
        this.stage = stage;
        this.view = view;
        this.classroom = classroom;
        this.preferences = preferences;
    }

    /** Call on the FX thread (from a TestFX {@code @Start} method). */
    public static ClassroomFixture show(Stage stage, MemoryPreferences preferences) {
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
    public void close() {
        onFx(() -> {
            classroom.presentation().leave();
            stage.setFullScreen(false);
            view.stop();
        });
        view.model().close();
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

    /** Waits until the charts have drawn with the current styles. */
    /** Where data point (x, y) of the fit chart is on the screen. */
    public javafx.geometry.Point2D fitScreenPoint(double x, double y) {
        return onFx(() -> {
            org.activationlab.ui.chart.PlotViewport v = view.fitChart().viewport();
            return view.fitChart().localToScreen(v.pixelX(x), v.pixelY(y));
        });
    }

    public void awaitChartsDrawn() {
        awaitFx("the charts to draw", () -> !view.fitChart().isDirty() && view.fitChart().viewport() != null
                && !view.lossChart().isDirty());
    }
}
