package org.activationlab.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's size across launches: restored on start (within the screen), saved on close. */
public final class WindowPreferences {

    private WindowPreferences() {
    }

    /**
     * Sizes {@code stage} as it was when the app last closed (within the screen); the first time
     * it keeps the size of its scene, 1280×800.
     */
    public static void restore(Stage stage, AppPreferences preferences) {
        double width = preferences.windowWidth(Double.NaN);
        double height = preferences.windowHeight(Double.NaN);
        if (Double.isNaN(width) || Double.isNaN(height)) {
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(clamp(width, ActivationLabApp.MIN_WIDTH, screen.getWidth()));
        stage.setHeight(clamp(height, ActivationLabApp.MIN_HEIGHT, screen.getHeight()));
    }

    /**
     * Remembers the window's size. A maximised or full-screen window says nothing about the size
     * the user chose, so it keeps the size remembered before.
     */
    public static void save(Stage stage, AppPreferences preferences) {
        if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()
                || !(stage.getWidth() > 0) || !(stage.getHeight() > 0)) {
            return;
        }
        preferences.setWindowSize(stage.getWidth(), stage.getHeight());
        preferences.flush();
    }

    /** Within [min, max], but never below min (a screen smaller than the minimum window). */
    static double clamp(double value, double min, double max) {
        if (!Double.isFinite(value)) {
            return min;
        }
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }
}
