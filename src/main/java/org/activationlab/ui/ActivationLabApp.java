package org.activationlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.activationlab.ui.classroom.Classroom;
import org.activationlab.ui.files.FileActions;
import org.activationlab.ui.experiment.ExperimentCodeDialog;
import org.activationlab.ui.files.FileMenu;
import org.activationlab.ui.lessons.LessonGuide;

import java.util.Objects;

/** The desktop app: the classic experiment, paused at epoch 0, in a 1280×800 window. */
public class ActivationLabApp extends Application {

    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;
    public static final String STYLESHEET = "activation-lab.css";

    private LabModel model;
    private MainView view;

    @Override
    public void start(Stage stage) {
        AppPreferences preferences = preferences();
        model = new LabModel(new Trainer(ExperimentConfig.classic()));
        view = new MainView(model);
        Scene scene = createScene(view);
        LessonGuide.install(view, LessonGuide.loadCatalogue());
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        WindowPreferences.restore(stage, preferences);
        FileActions files = new FileActions(view, preferences);
        new FileMenu(view, files).install();
        ExperimentCodeDialog.install(view);
        // Set, not bound: the stage outlives this view in tests that reuse it.
        stage.setTitle(files.titleProperty().get());
        files.titleProperty().addListener((obs, old, now) -> stage.setTitle(now));
        files.guardClose(stage);
        stage.setOnHidden(e -> {
            WindowPreferences.save(stage, preferences);
            shutDown();
        });
        Classroom.install(view, stage, preferences);
        AboutDialog.install(view);
        view.start();
        stage.show();
    }

    /** Where the app keeps what it remembers; tests override this with a node of their own. */
    protected AppPreferences preferences() {
        return AppPreferences.user();
    }

    /** The scene for a view, with the stylesheet and the keys installed. */
    public static Scene createScene(MainView view) {
        return createScene(view, WIDTH, HEIGHT);
    }

    /** The scene for a view at a given size (for rendering without a window). */
    public static Scene createScene(MainView view, double width, double height) {
        Scene scene = new Scene(view, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(
                ActivationLabApp.class.getResource(STYLESHEET), STYLESHEET).toExternalForm());
        view.installKeys(scene);
        return scene;
    }

    public MainView view() {
        return view;
    }

    private void shutDown() {
        if (view != null) {
            view.stop();
        }
        if (model != null) {
            model.close();
        }
    }

    @Override
    public void stop() {
        shutDown();
    }
}
