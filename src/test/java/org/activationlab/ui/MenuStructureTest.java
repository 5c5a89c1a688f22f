package org.activationlab.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's menus as a user reads them, item by item and in order, with the keys they show:
 * File holds files, Experiment what the drawer, training, data tools and race do, View how the
 * window looks, Help the shortcuts and About. Built by the real app (every feature installed).
 */
@ExtendWith(ApplicationExtension.class)
class MenuStructureTest {

    private static final String SEPARATOR = "---";

    private ActivationLabApp app;
    private Stage window;

    @Start
    void start(Stage stage) {
        // the app opens a window of its own below
    }

    @BeforeEach
    void launch() {
        AppPreferences preferences = new AppPreferences(new MemoryPreferences());
        app = new ActivationLabApp() {
            @Override
            protected AppPreferences preferences() {
                return preferences;
            }
        };
        window = onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
            Stage stage = new Stage();
            app.start(stage);
            return stage;
        });
    }

    @AfterEach
    void close() {
        onFx(() -> window.close());
    }

    /** Each item as "Text [keys]", separators as "---"; submenus as "Text ▸". */
    private static List<String> lines(Menu menu) {
        List<String> lines = new ArrayList<>();
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem) {
                lines.add(SEPARATOR);
            } else if (item instanceof Menu sub) {
                lines.add(sub.getText() + " \u25b8");
            } else {
                KeyCombination keys = item.getAccelerator();
                lines.add(item.getText() + (keys == null ? "" : " [" + keys.getDisplayText() + "]"));
            }
        }
        return lines;
    }

    private List<String> menu(String name) {
        return onFx(() -> lines(app.view().menu(name)));
    }

    @Test
    void theMenuBarReadsFileViewExperimentLessonsHelp() {
        assertEquals(MainView.MENUS, onFx(() -> app.view().menuBar().getMenus().stream()
                .map(Menu::getText).toList()));
    }

    @Test
    void fileHoldsTheExperimentFileAndNothingElse() {
        assertEquals(List.of(
                "New [Ctrl+N]",
                SEPARATOR,
                "Open… [Ctrl+O]",
                "Open Recent \u25b8",
                SEPARATOR,
                "Save [Ctrl+S]",
                "Save As… [Ctrl+Shift+S]",
                SEPARATOR,
                "Export \u25b8",
                SEPARATOR,
                "Quit [Ctrl+Q]"), menu("File"));
    }

    @Test
    void exportHoldsImagesThenTheAnimationThenTables() {
        assertEquals(List.of(
                "Fit chart as PNG…",
                "Fit chart as PNG at 2× (slides)…",
                "Window as PNG…",
                "Window as PNG at 2× (slides)…",
                SEPARATOR,
                "Animation as GIF…",
                SEPARATOR,
                "Run statistics as CSV…",
                "Predictions as CSV…",
                "Weights as JSON…"), menu(MainView.EXPORT));
    }

    @Test
    void experimentHoldsEditingTrainingTheDrawerTheToolsAndTheRace() {
        assertEquals(List.of(
                "Undo [Ctrl+Z]",
                "Redo [Ctrl+Shift+Z]",
                SEPARATOR,
                "Play / Pause [Space]",
                "Train one epoch [\u2192]",
                "Reset to epoch 0 [R]",
                "New seed (new initial weights) [S]",
                "Keep the weights on a switch [W]",
                SEPARATOR,
                "Experiment panel [E]",
                "Load data from CSV… [Ctrl+Shift+O]",
                SEPARATOR,
                "Point tool [P]",
                "Edit data tool [D]",
                "Note tool [A]",
                "Clear notes and arrows [Delete]",
                SEPARATOR,
                "Race all activations [G]"), menu("Experiment"));
    }

    @Test
    void viewHoldsPresentationAppearanceAndCode() {
        assertEquals(List.of(
                "Presentation mode [F5]",
                SEPARATOR,
                "Theme \u25b8",
                "Text size \u25b8",
                SEPARATOR,
                "As code (Keras, PyTorch)… [Ctrl+Shift+K]"), menu("View"));
    }

    @Test
    void helpHoldsTheShortcutsAndAbout() {
        assertEquals(List.of(
                "Keyboard shortcuts [F1]",
                SEPARATOR,
                "About Activation Lab"), menu("Help"));
    }

    @Test
    void lessonsStartWithTheChooserAndEndWithClose() {
        List<String> lessons = menu("Lessons");
        assertTrue(lessons.get(0).startsWith("Choose a lesson"), lessons.toString());
        assertEquals("Close the lesson", lessons.get(lessons.size() - 1).replaceAll(" \\[.*]$", ""));
    }

    /** The switch mode, which folds off the control bar for a lesson at large text, is in the menu too. */
    @Test
    void keepTheWeightsFollowsTheSwitchModeBothWays() {
        javafx.scene.control.CheckMenuItem item = onFx(() -> (javafx.scene.control.CheckMenuItem) app.view()
                .menu("Experiment").getItems().stream().filter(i -> "menu-keep-weights".equals(i.getId()))
                .findFirst().orElseThrow());
        var mode = app.view().model().switchModeProperty();
        assertEquals(false, onFx(item::isSelected));
        onFx(item::fire);
        assertEquals(org.activationlab.training.SwitchMode.KEEP_WEIGHTS, onFx(mode::get));
        assertEquals(true, onFx(item::isSelected));
        onFx(() -> mode.set(org.activationlab.training.SwitchMode.RESTART));
        assertEquals(false, onFx(item::isSelected));
    }

    /** A key that does something and has a menu item shows it there, so it can be discovered. */
    @Test
    void everyMenuItemOfARegisteredKeyShowsThatKey() {
        Set<String> shown = new HashSet<>();
        onFx(() -> {
            for (Menu m : app.view().menuBar().getMenus()) {
                collect(m, shown);
            }
        });
        Set<String> missing = new HashSet<>();
        for (var s : onFx(() -> app.view().shortcuts().all())) {
            String description = s.description();
            for (String text : List.of("Play / pause", "Train one epoch", "Reset to epoch 0",
                    "Show / hide the experiment panel", "Race all activations", "New: back to the classic experiment",
                    "Open an experiment file", "Save the experiment", "Quit")) {
                if (description.startsWith(text) && !shown.contains(s.keys().getDisplayText())) {
                    missing.add(description + " (" + s.keys().getDisplayText() + ")");
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static void collect(Menu menu, Set<String> shown) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                collect(sub, shown);
            } else if (item.getAccelerator() != null) {
                shown.add(item.getAccelerator().getDisplayText());
            }
        }
    }
}
