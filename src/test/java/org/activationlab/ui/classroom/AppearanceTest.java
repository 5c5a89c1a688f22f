package org.activationlab.ui.classroom;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MainView;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.chart.ChartCanvas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.activationlab.ui.chart.ChartCanvas.ChartColor.ACTIVATION;
import static org.activationlab.ui.chart.ChartCanvas.ChartColor.BACKGROUND;
import static org.activationlab.ui.chart.ChartCanvas.ChartColor.LINEAR;
import static org.activationlab.ui.chart.ChartCanvas.ChartColor.TEXT;
import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text scale and themes: CSS only, driven by keys, remembered in (test) preferences. */
@ExtendWith(ApplicationExtension.class)
class AppearanceTest {

    private static final double BASE_FONT = 13;
    private ClassroomFixture app;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private double statusFontSize() {
        return onFx(() -> ((Label) app.view.lookup("#status")).getFont().getSize());
    }

    private void ctrl(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    @Test
    void ctrlPlusScalesLabelsAndEveryChartsFontAndCtrlZeroRestores(FxRobot robot) {
        app.awaitChartsDrawn();
        assertEquals(BASE_FONT, statusFontSize(), 1e-9);
        double fit = onFx(() -> app.view.fitChart().fontSize());
        double loss = onFx(() -> app.view.lossChart().fontSize());
        double card = onFx(() -> app.view.cards().get(0).plot().fontSize());
        assertEquals(14, fit, 0.01, "1.077 em of 13 px");

        ctrl(robot, KeyCode.EQUALS);
        awaitFx("125 %", () -> app.classroom.appearance().scalePercent() == 125);
        assertEquals(BASE_FONT * 1.25, statusFontSize(), 1e-9);
        // Line widths are multiples of fontSize() in every chart, so these carry the lines too.
        // (JavaFX rounds some em sizes to a tenth of a pixel.)
        awaitFx("the charts' font sizes to follow", () -> Math.abs(app.view.fitChart().fontSize() / fit - 1.25) < 0.01
                && Math.abs(app.view.lossChart().fontSize() / loss - 1.25) < 0.01
                && Math.abs(app.view.cards().get(0).plot().fontSize() / card - 1.25) < 0.01);

        ctrl(robot, KeyCode.ADD);
        ctrl(robot, KeyCode.PLUS);
        awaitFx("175 %", () -> app.classroom.appearance().scalePercent() == 175);
        ctrl(robot, KeyCode.MINUS);
        awaitFx("150 %", () -> app.classroom.appearance().scalePercent() == 150);
        assertEquals(BASE_FONT * 1.5, statusFontSize(), 1e-9);
        assertEquals(150, new AppPreferences(app.preferences).scalePercent());

        ctrl(robot, KeyCode.DIGIT0);
        awaitFx("100 %", () -> app.classroom.appearance().scalePercent() == 100);
        assertEquals(BASE_FONT, statusFontSize(), 1e-9);
        awaitFx("the fit chart's font back", () -> Math.abs(app.view.fitChart().fontSize() - fit) < 0.01);
    }

    @Test
    void scaleStopsAtTheEnds() {
        onFx(() -> {
            Appearance a = app.classroom.appearance();
            a.smaller();
            assertEquals(100, a.scalePercent());
            for (int i = 0; i < 10; i++) {
                a.bigger();
            }
            assertEquals(250, a.scalePercent());
            a.setScalePercent(190);
            assertEquals(200, a.scalePercent(), "snaps to the nearest offered scale");
            assertTrue(app.view.getStyleClass().contains("scale-200"));
            assertTrue(app.view.getStyleClass().stream().filter(c -> c.startsWith("scale-")).count() == 1);
        });
    }

    @Test
    void tCyclesThemesAndTheChartsTakeTheirColoursFromTheStylesheet(FxRobot robot) {
        app.awaitChartsDrawn();
        Color lightBackground = onFx(() -> app.view.fitChart().color(BACKGROUND));
        assertEquals(Color.WHITE, lightBackground);
        assertEquals(Color.web("#0072b2"), onFx(() -> app.view.fitChart().color(ACTIVATION)));

        robot.type(KeyCode.T);
        awaitFx("the dark theme", () -> app.classroom.appearance().theme() == Theme.DARK);
        awaitFx("dark chart colours", () -> !app.view.fitChart().color(BACKGROUND).equals(lightBackground));
        onFx(() -> {
            ChartCanvas chart = app.view.fitChart();
            assertEquals(Color.web("#1d2126"), chart.color(BACKGROUND));
            // Okabe–Ito variants that read on a dark background.
            assertEquals(Color.web("#56b4e9"), chart.color(ACTIVATION));
            assertEquals(Color.web("#e69f00"), chart.color(LINEAR));
            assertTrue(chart.color(TEXT).getBrightness() > 0.8, "light text on dark");
            assertEquals(chart.color(BACKGROUND), app.view.lossChart().color(BACKGROUND));
        });
        assertEquals("dark", new AppPreferences(app.preferences).theme("?"));

        robot.type(KeyCode.T);
        awaitFx("high contrast", () -> app.classroom.appearance().theme() == Theme.HIGH_CONTRAST);
        awaitFx("black text", () -> app.view.fitChart().color(TEXT).equals(Color.BLACK));
        robot.type(KeyCode.T);
        awaitFx("light again", () -> app.view.fitChart().color(BACKGROUND).equals(lightBackground));
        assertEquals(1, onFx(() -> app.view.getScene().getStylesheets().size()), "only the base stylesheet");
    }

    @Test
    void typingInTheSeedFieldNeverFiresPlainKeyShortcuts(FxRobot robot) {
        TextField seed = onFx(() -> (TextField) app.view.lookup("#seed"));
        robot.clickOn(seed);
        robot.type(KeyCode.END);
        robot.type(KeyCode.T, KeyCode.A);
        onFx(() -> {
            assertTrue(seed.getText().endsWith("ta"), seed.getText());
            assertEquals(Theme.LIGHT, app.classroom.appearance().theme());
            assertTrue(!app.view.pointer().annotations().isEditing());
        });
    }

    /** A second launch with the same preferences node shows the same theme and scale. */
    @Test
    void themeAndScaleAreRestoredOnRestart() {
        onFx(() -> {
            app.classroom.appearance().setTheme(Theme.DARK);
            app.classroom.appearance().setScalePercent(150);
        });
        onFx(() -> {
            MainView second = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
            try {
                Scene scene = ActivationLabApp.createScene(second);
                Classroom restored = Classroom.install(second, new Stage(), new AppPreferences(app.preferences));
                assertEquals(Theme.DARK, restored.appearance().theme());
                assertEquals(150, restored.appearance().scalePercent());
                second.applyCss();
                assertEquals(Color.web("#1d2126"), second.fitChart().color(BACKGROUND));
                assertEquals(14 * 1.5, second.fitChart().fontSize(), 0.01);
                assertTrue(scene.getStylesheets().contains(Theme.DARK.stylesheetUrl()));
            } finally {
                second.model().close();
            }
        });
    }

    @Test
    void unknownThemeFallsBackToLightAndTheScaleIsClamped() {
        app.preferences.put("theme", "neon");
        app.preferences.putInt("scale", 9000);
        onFx(() -> {
            MainView second = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
            try {
                ActivationLabApp.createScene(second);
                Classroom restored = Classroom.install(second, new Stage(), new AppPreferences(app.preferences));
                assertEquals(Theme.LIGHT, restored.appearance().theme());
                assertEquals(250, restored.appearance().scalePercent(), "AppPreferences clamps to 250");
            } finally {
                second.model().close();
            }
        });
    }
}
