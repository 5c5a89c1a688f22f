package org.activationlab.ui.classroom;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.activationlab.ui.AppPreferences;

import java.util.List;

/**
 * The window's theme and text scale, remembered in {@link AppPreferences}. Both are CSS only:
 * the theme adds its stylesheet after the base one, and the scale puts a style class such as
 * {@code scale-150} on the root that sets the root font size. Every font size and the charts'
 * {@code -al-font-size} are in em, and the charts' line widths follow their font size, so
 * text and lines grow together.
 */
public final class Appearance {

    /** The scales offered, in percent. */
    public static final List<Integer> SCALES = List.of(100, 125, 150, 175, 200, 250);
    private static final String SCALE_CLASS = "scale-";
    /** The stylesheet's root font size at 100 %. */
    private static final double BASE_FONT_PX = 13;

    private final Scene scene;
    private final AppPreferences preferences;
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(this, "theme", Theme.LIGHT);
    private final ReadOnlyIntegerWrapper scalePercent = new ReadOnlyIntegerWrapper(this, "scalePercent", 100);

    /** Applies the remembered theme and scale to {@code scene}. */
    public Appearance(Scene scene, AppPreferences preferences) {
        this.scene = scene;
        this.preferences = preferences;
        theme.set(Theme.byId(preferences.theme(Theme.LIGHT.id()), Theme.LIGHT));
        scalePercent.set(nearestScale(preferences.scalePercent()));
        applyTheme();
        applyScale(null, scene.getRoot());
        scene.rootProperty().addListener((obs, old, now) -> applyScale(old, now));
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public Theme theme() {
        return theme.get();
    }

    public void setTheme(Theme newTheme) {
        theme.set(newTheme);
        preferences.setTheme(newTheme.id());
        applyTheme();
    }

    /** Light → dark → high contrast → light. */
    public void cycleTheme() {
        setTheme(theme().next());
    }

    public ReadOnlyIntegerProperty scalePercentProperty() {
        return scalePercent.getReadOnlyProperty();
    }

    public int scalePercent() {
        return scalePercent.get();
    }

    /** Sets the scale to the offered one nearest {@code percent}. */
    public void setScalePercent(int percent) {
        int next = nearestScale(percent);
        Parent root = scene.getRoot();
        root.getStyleClass().remove(SCALE_CLASS + scalePercent.get());
        scalePercent.set(next);
        preferences.setScalePercent(next);
        applyScale(null, root);
    }

    /** One step bigger (no-op at the largest). */
    public void bigger() {
        int i = SCALES.indexOf(scalePercent());
        setScalePercent(SCALES.get(Math.min(SCALES.size() - 1, i + 1)));
    }

    /** One step smaller (no-op at 100 %). */
    public void smaller() {
        int i = SCALES.indexOf(scalePercent());
        setScalePercent(SCALES.get(Math.max(0, i - 1)));
    }

    /** The root font size at {@code percent} (the scale-N classes in the stylesheet), in pixels. */
    public static double fontPixels(int percent) {
        return BASE_FONT_PX * percent / 100.0;
    }

    static int nearestScale(int percent) {
        int best = SCALES.get(0);
        for (int s : SCALES) {
            if (Math.abs(s - percent) < Math.abs(best - percent)) {
                best = s;
            }
        }
        return best;
    }

    private void applyTheme() {
        List<String> sheets = scene.getStylesheets();
        for (Theme t : Theme.values()) {
            if (t.stylesheetUrl() != null) {
                sheets.remove(t.stylesheetUrl());
            }
        }
        String url = theme().stylesheetUrl();
        if (url != null) {
            sheets.add(url);
        }
    }

    private void applyScale(Parent oldRoot, Parent newRoot) {
        String styleClass = SCALE_CLASS + scalePercent();
        if (oldRoot != null) {
            oldRoot.getStyleClass().remove(styleClass);
        }
        if (newRoot != null && !newRoot.getStyleClass().contains(styleClass)) {
            newRoot.getStyleClass().add(styleClass);
        }
    }
}
