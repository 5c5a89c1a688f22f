package org.activationlab.ui.classroom;

import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.ControlKeys;
import org.activationlab.ui.MainView;

import java.util.HashSet;
import java.util.Set;

/**
 * Everything for teaching in front of a class, installed into the main window: presentation
 * mode, text scale and colour themes ({@link Appearance}) and the shortcuts list. Adds its items
 * to the View and Help menus and its keys to the window's one shortcut registry. (Notes on the
 * fit chart belong to its pointer, ui.fit.FitPointer.)
 */
public final class Classroom {

    static final String PRESENT = "Presentation mode on / off";
    static final String LEAVE = "Leave presentation mode";
    static final String KEYS = "Show / hide the keyboard shortcuts";
    static final String CLOSE_KEYS = "Close this list";
    static final String THEME = "Next colour theme (light, dark, high contrast)";
    static final String BIGGER = "Bigger text and lines";
    static final String SMALLER = "Smaller text and lines";
    static final String ACTUAL = "Text and lines at 100 %";

    private final MainView view;
    private final Appearance appearance;
    private final Toast toast = new Toast();
    private final ShortcutsOverlay shortcutsOverlay;
    private final PresentationMode presentation;
    private final Set<String> descriptions = new HashSet<>();

    private Classroom(MainView view, Stage stage, AppPreferences preferences) {
        this.view = view;
        Scene scene = view.getScene();
        appearance = new Appearance(scene, preferences);
        shortcutsOverlay = new ShortcutsOverlay(view.shortcuts(), descriptions);
        PresentationBar bar = new PresentationBar(view.model(), appearance, shortcutsOverlay::toggle,
                this::leavePresentation, view.presentationControls());
        presentation = new PresentationMode(view, stage, bar, toast);
        view.addOverlay(bar);
        view.addOverlay(toast);
        view.addOverlay(shortcutsOverlay);
        keepRoomForChartsWhenScaled();
        installShortcuts();
        installMenus();
    }

    /**
     * Installs the classroom features into {@code view}, whose scene must be set (see
     * {@link ActivationLabApp#createScene}); theme and scale are restored from {@code preferences}.
     */
    public static Classroom install(MainView view, Stage stage, AppPreferences preferences) {
        if (view.getScene() == null) {
            throw new IllegalStateException("the view needs its scene before the classroom features");
        }
        return new Classroom(view, stage, preferences);
    }

    private ScaledLayout scaledLayout;

    public Appearance appearance() {
        return appearance;
    }

    public PresentationMode presentation() {
        return presentation;
    }

    public ShortcutsOverlay shortcutsOverlay() {
        return shortcutsOverlay;
    }

    public Toast toast() {
        return toast;
    }

    private void leavePresentation() {
        presentation.leave();
    }

    /**
     * At a large text scale the gallery would take half the window and the charts would keep no
     * plot: {@link ScaledLayout} folds the side column, then the instrument strip.
     */
    private void keepRoomForChartsWhenScaled() {
        scaledLayout = ScaledLayout.install(view, appearance);
    }

    /** What folds and steps down when the text is large for the window. */
    public ScaledLayout scaledLayout() {
        return scaledLayout;
    }

    private void installShortcuts() {
        ControlKeys.install(view.shortcuts(), view.model());
        add(new KeyCodeCombination(KeyCode.F5), PRESENT, presentation::toggle);
        // Esc acts only when there is something to close, first the list (a note being placed
        // comes before, see ui.fit.FitPointer), then the mode; otherwise it goes on to the focused control.
        add(esc(), CLOSE_KEYS, shortcutsOverlay::isOpen, shortcutsOverlay::close);
        add(esc(), LEAVE, presentation::isActive, presentation::leave);
        add(new KeyCodeCombination(KeyCode.F1), KEYS, shortcutsOverlay::toggle);
        // "?" is Shift + / on US keyboards; other layouts put it elsewhere, hence the character too.
        add(new KeyCodeCombination(KeyCode.SLASH, KeyCombination.SHIFT_DOWN), KEYS, shortcutsOverlay::toggle);
        add(new KeyCharacterCombination("?", KeyCombination.SHIFT_ANY), KEYS, shortcutsOverlay::toggle);
        add(new KeyCodeCombination(KeyCode.T), THEME, this::cycleTheme);
        for (KeyCode code : new KeyCode[]{KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            add(ctrl(code), BIGGER, this::bigger);
        }
        for (KeyCode code : new KeyCode[]{KeyCode.MINUS, KeyCode.SUBTRACT}) {
            add(ctrl(code), SMALLER, this::smaller);
        }
        for (KeyCode code : new KeyCode[]{KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
            add(ctrl(code), ACTUAL, () -> setScale(100));
        }
    }

    private static KeyCombination esc() {
        return new KeyCodeCombination(KeyCode.ESCAPE);
    }

    /** Ctrl (Cmd on a Mac) with or without Shift: Ctrl + is Ctrl Shift = on many keyboards. */
    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY);
    }

    private void add(KeyCombination keys, String description, Runnable action) {
        descriptions.add(description);
        view.shortcuts().add(keys, description, action);
    }

    private void add(KeyCombination keys, String description, java.util.function.BooleanSupplier when,
                     Runnable action) {
        descriptions.add(description);
        view.shortcuts().add(keys, description, when, action);
    }

    private void cycleTheme() {
        appearance.cycleTheme();
        toast.show("Theme: " + appearance.theme().displayName());
    }

    private void bigger() {
        appearance.bigger();
        toast.show("Text " + appearance.scalePercent() + " %");
    }

    private void smaller() {
        appearance.smaller();
        toast.show("Text " + appearance.scalePercent() + " %");
    }

    private void setScale(int percent) {
        appearance.setScalePercent(percent);
        toast.show("Text " + appearance.scalePercent() + " %");
    }

    private void installMenus() {
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setId("menu-presentation");
        present.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        present.selectedProperty().addListener((obs, was, now) -> {
            if (now != presentation.isActive()) {
                presentation.toggle();
            }
        });
        presentation.activeProperty().addListener((obs, was, now) -> present.setSelected(now));

        Menu themes = new Menu("Theme");
        themes.setId("menu-theme");
        ToggleGroup themeGroup = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.displayName());
            item.setId("menu-theme-" + t.id());
            item.setToggleGroup(themeGroup);
            item.setSelected(t == appearance.theme());
            item.setOnAction(e -> appearance.setTheme(t));
            themes.getItems().add(item);
        }
        appearance.themeProperty().addListener((obs, old, now) ->
                themeGroup.getToggles().get(now.ordinal()).setSelected(true));

        Menu sizes = new Menu("Text size");
        sizes.setId("menu-text-size");
        ToggleGroup sizeGroup = new ToggleGroup();
        for (int percent : Appearance.SCALES) {
            RadioMenuItem item = new RadioMenuItem(percent + " %");
            item.setToggleGroup(sizeGroup);
            item.setUserData(percent);
            item.setSelected(percent == appearance.scalePercent());
            item.setOnAction(e -> appearance.setScalePercent(percent));
            sizes.getItems().add(item);
        }
        appearance.scalePercentProperty().addListener((obs, old, now) ->
                sizeGroup.getToggles().get(Appearance.SCALES.indexOf(now.intValue())).setSelected(true));
        sizes.getItems().addAll(new SeparatorMenuItem(),
                item("Bigger", ctrl(KeyCode.PLUS), this::bigger),
                item("Smaller", ctrl(KeyCode.MINUS), this::smaller),
                item("Actual size", ctrl(KeyCode.DIGIT0), () -> setScale(100)));

        MenuItem nextTheme = item("Next theme", new KeyCodeCombination(KeyCode.T), this::cycleTheme);
        nextTheme.setId("menu-next-theme");
        themes.getItems().addAll(new SeparatorMenuItem(), nextTheme);
        view.addMenuItems("View", "presentation", present);
        view.addMenuItems("View", "appearance", themes, sizes);
        MenuItem keys = item("Keyboard shortcuts", new KeyCodeCombination(KeyCode.F1), shortcutsOverlay::open);
        keys.setId("menu-shortcuts");
        view.addMenuItems("Help", "help", keys);
    }

    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(keys);
        item.setOnAction(e -> action.run());
        return item;
    }
}
