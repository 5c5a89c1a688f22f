package org.activationlab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;

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
        model = new LabModel(new Trainer(ExperimentConfig.classic()));
        view = new MainView(model);
        Scene scene = createScene(view);
        stage.setTitle("Activation Lab");
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setOnHidden(e -> shutDown());
        Classroom.install(view, stage, AppPreferences.user());
        view.start();
        stage.show();
    }

    /** The scene for a view, with the stylesheet and the keys installed. */
    public static Scene createScene(MainView view) {
        Scene scene = new Scene(view, WIDTH, HEIGHT);
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
