package org.activationlab.ui.classroom;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.activationlab.training.SwitchMode;
import org.activationlab.ui.ControlBar;
import org.activationlab.ui.ControlKeys;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.Shortcuts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presentation mode, the shortcuts list and the keyboard audit, driven by real key presses. */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {

    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void f5EntersFullScreenWithBarsCollapsedAndEscLeaves(FxRobot robot) {
        List<Node> bars = onFx(() -> List.of(app.view.getTop(), app.view.getRight(), app.view.getBottom()));
        double chartHeight = onFx(() -> app.view.fitChart().getHeight());
        double chartWidth = onFx(() -> app.view.fitChart().getWidth());

        robot.type(KeyCode.F5);
        awaitFx("full screen", () -> app.stage.isFullScreen());
        onFx(() -> {
            assertTrue(app.classroom.presentation().isActive());
            for (Node bar : bars) {
                assertFalse(bar.isVisible() || bar.isManaged(), bar + " still shown");
            }
            assertEquals("", app.stage.getFullScreenExitHint(), "JavaFX's own hint is replaced by ours");
            assertEquals(KeyCombination.NO_MATCH, app.stage.getFullScreenExitKeyCombination());
            assertTrue(app.classroom.toast().isVisible());
            assertEquals(PresentationMode.EXIT_MESSAGE, app.classroom.toast().getText());
        });
        // The gallery's width and the bars' height go to the charts.
        awaitFx("the fit chart to take the space", () -> app.view.fitChart().getWidth() > chartWidth + 250
                && app.view.fitChart().getHeight() > chartHeight + 50);

        robot.type(KeyCode.ESCAPE);
        awaitFx("full screen to end", () -> !app.stage.isFullScreen());
        onFx(() -> {
            assertFalse(app.classroom.presentation().isActive());
            for (Node bar : bars) {
                assertTrue(bar.isVisible() && bar.isManaged(), bar + " not restored");
            }
        });
    }

    @Test
    void escOutsidePresentationModeDoesNothing(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        onFx(() -> {
            assertFalse(app.classroom.presentation().isActive());
            assertTrue(app.view.getTop().isVisible());
        });
    }

    @Test
    void slimBarAppearsWhenTheMouseMovesAndHidesWhenIdle(FxRobot robot) {
        robot.type(KeyCode.F5);
        awaitFx("presentation mode", () -> app.classroom.presentation().isActive());
        assertFalse(onFx(() -> app.classroom.presentation().isBarShowing()));

        robot.moveTo(app.view.fitChart()).moveBy(20, 10);
        awaitFx("the slim bar", () -> app.classroom.presentation().isBarShowing());
        // PresentationMode.IDLE is 2 s; the wait ends as soon as the bar hides.
        awaitFx("the slim bar to hide again", () -> !app.classroom.presentation().isBarShowing());
    }

    @Test
    void f1ListsEveryShortcutAndEscClosesIt(FxRobot robot) {
        robot.type(KeyCode.F1);
        awaitFx("the shortcuts list", () -> app.classroom.shortcutsOverlay().isOpen());
        List<String> texts = onFx(() -> robot.from(app.classroom.shortcutsOverlay()).lookup(".label")
                .queryAllAs(Label.class).stream().map(Label::getText).toList());
        assertTrue(texts.contains("Play / pause"), texts.toString());
        assertTrue(texts.contains("Switch to ReLU"), texts.toString());
        assertTrue(texts.contains(Classroom.PRESENT), texts.toString());
        for (Shortcuts.Shortcut s : onFx(() -> app.view.shortcuts().all())) {
            assertTrue(texts.stream().anyMatch(t -> t.contains(s.description())), "not listed: " + s.description());
        }

        robot.type(KeyCode.ESCAPE);
        awaitFx("the list to close", () -> !app.classroom.shortcutsOverlay().isOpen());
    }

    @Test
    void questionMarkOpensAndClosesTheList(FxRobot robot) {
        robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
        awaitFx("the shortcuts list", () -> app.classroom.shortcutsOverlay().isOpen());
        robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
        awaitFx("the list to close", () -> !app.classroom.shortcutsOverlay().isOpen());
    }

    @Test
    void sameKeysInOneRowAndReadableKeyNames() {
        List<ShortcutsOverlay.Row> rows = onFx(() -> app.classroom.shortcutsOverlay().sections()
                .get(ShortcutsOverlay.VIEW));
        assertTrue(rows.contains(new ShortcutsOverlay.Row(List.of("Esc"),
                Classroom.CLOSE_KEYS + " / " + Classroom.LEAVE)), rows.toString());
        assertTrue(rows.contains(new ShortcutsOverlay.Row(List.of("F1", "?"), Classroom.KEYS)), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.description().equals(Classroom.BIGGER)
                && r.keys().containsAll(List.of("Ctrl +", "Ctrl =", "Ctrl Num +"))), rows.toString());
        List<ShortcutsOverlay.Row> activations = onFx(() -> app.classroom.shortcutsOverlay().sections()
                .get(ShortcutsOverlay.ACTIVATIONS));
        assertEquals(new ShortcutsOverlay.Row(List.of("1", "Num 1"), "Switch to ReLU"), activations.get(0));
    }

    /** Every menu item acts from the keyboard too, and the key does what the item does, once. */
    @Test
    void everyMenuActionHasARegisteredShortcut() {
        List<String> missing = new ArrayList<>();
        onFx(() -> {
            for (Menu menu : app.view.menuBar().getMenus()) {
                collectMissing(menu.getItems(), missing);
            }
        });
        assertTrue(missing.isEmpty(), "menu items without a registered shortcut: " + missing);
    }

    private void collectMissing(List<MenuItem> items, List<String> missing) {
        for (MenuItem item : items) {
            if (item instanceof Menu sub) {
                collectMissing(sub.getItems(), missing);
            } else if (!(item instanceof SeparatorMenuItem) && !(item instanceof RadioMenuItem)) {
                KeyCombination keys = item.getAccelerator();
                boolean registered = keys != null && app.view.shortcuts().all().stream()
                        .anyMatch(s -> s.keys().equals(keys) && !s.description().isBlank());
                if (!registered) {
                    missing.add(item.getText());
                }
            }
        }
    }

    @Test
    void everyControlBarActionHasAShortcut() {
        List<String> descriptions = onFx(() -> app.view.shortcuts().all().stream()
                .map(Shortcuts.Shortcut::description).toList());
        for (String action : List.of("Play / pause", "Train one epoch", "Reset to epoch 0", ControlKeys.FASTER,
                ControlKeys.SLOWER, ControlKeys.LIMIT, ControlKeys.MODE, ControlKeys.NEW_SEED)) {
            assertTrue(descriptions.contains(action), "no shortcut for " + action);
        }
    }

    @Test
    void menuAcceleratorActsOnceNotTwice(FxRobot robot) {
        // F5 is both a menu accelerator and a registered shortcut: acting twice would toggle back.
        robot.type(KeyCode.F5);
        awaitFx("presentation mode", () -> app.classroom.presentation().isActive());
        robot.type(KeyCode.F1);
        awaitFx("the shortcuts list", () -> app.classroom.shortcutsOverlay().isOpen());
    }

    @Test
    void upDownChangeTheSpeedWTogglesTheSwitchModeMPicksTheNextLimit(FxRobot robot) {
        double before = onFx(() -> app.view.model().snapshot().epochsPerSecond());
        int index = ControlBar.SPEEDS.indexOf(before);
        robot.type(KeyCode.UP);
        awaitFx("a faster speed", () -> app.view.model().snapshot().epochsPerSecond() == ControlBar.SPEEDS.get(index + 1));
        robot.type(KeyCode.DOWN, KeyCode.DOWN);
        awaitFx("a slower speed", () -> app.view.model().snapshot().epochsPerSecond() == ControlBar.SPEEDS.get(index - 1));
        robot.type(KeyCode.W);
        assertEquals(SwitchMode.KEEP_WEIGHTS, onFx(() -> app.view.model().switchModeProperty().get()));
        robot.type(KeyCode.M);
        awaitFx("the next epoch limit", () -> app.view.model().snapshot().config().epochLimit() == 200);
    }
}
