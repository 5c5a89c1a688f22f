package org.activationlab.ui.classroom;

import org.activationlab.ui.ActivationLabApp;
import org.activationlab.ui.AppPreferences;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.LayoutProbe;
import org.activationlab.ui.MainView;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.chart.PlotViewport;
import org.activationlab.ui.files.FileActions;
import org.activationlab.ui.files.FileMenu;
import org.activationlab.ui.instruments.InstrumentFx;
import org.activationlab.ui.lessons.LessonGuide;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Trainer;
import org.activationlab.training.lesson.Lesson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defect 7 of issue 8: the window at every text size (100–250 %) in every mode (charts, lesson
 * open, race, presentation, experiment drawer open) at 1024×768 and 1280×800. No text may be cut,
 * no node may stick out of its parent, the fit chart keeps a usable plot, and the menu bar stops
 * growing at 150 % as the README says.
 */
class LayoutAtEveryScaleTest {

    static final List<Integer> SCALES = List.of(100, 150, 200, 250);
    /** "timeline": gone back to an earlier epoch of a paused run (the strip under the fit chart). */
    static final List<String> MODES = List.of("charts", "timeline", "lesson", "race", "presentation", "drawer");
    /** The fit chart's plot (inside axes, title and legend) is never shorter than this. */
    static final double MIN_PLOT_HEIGHT = 160;
    /** Nor narrower than this. */
    static final double MIN_PLOT_WIDTH = 400;

    private static Stage stage;
    private static MainView view;
    private static Classroom classroom;
    private static LessonGuide lessons;

    @BeforeAll
    static void showTheApp() throws TimeoutException {
        InstrumentFx.startToolkit();
        stage = FxToolkit.registerPrimaryStage();
        onFx(FxTestSupport.FIRST_SHOW_TIMEOUT_MS, () -> {
            view = new MainView(new LabModel(new Trainer(ExperimentConfig.classic())));
            stage.setScene(ActivationLabApp.createScene(view));
            lessons = LessonGuide.install(view, LessonGuide.loadCatalogue());
            new FileMenu(view, new FileActions(view, new AppPreferences(new MemoryPreferences()))).install();
            classroom = Classroom.install(view, stage, new AppPreferences(new MemoryPreferences()));
            view.start();
            stage.show();
            return null;
        });
    }

    @AfterAll
    static void close() throws TimeoutException {
        onFx(() -> {
            classroom.presentation().leave();
            classroom.appearance().setScalePercent(100);
            stage.setFullScreen(false);
            FxTestSupport.shutDown(view);
        });
        FxToolkit.cleanupStages();
    }

    @Test
    void at1024x768() {
        walk(1024, 768);
    }

    @Test
    void at1280x800() {
        walk(1280, 800);
    }

    /**
     * A lesson at 250 % in 1024×768 takes the room it needs from the bars and the chart's text;
     * closing it gives everything back.
     */
    @Test
    void aLessonAtLargeTextMakesRoomAndClosingItGivesItBack() {
        onFx(() -> {
            enter("lesson", 1024, 768);
            classroom.appearance().setScalePercent(250);
        });
        var models = longestLesson().steps().get(0).settings().config().models();
        FxTestSupport.awaitSnapshot(view, "the lesson's networks", s -> s.config().models().equals(models));
        settle();
        assertTrue(onFx(() -> classroom.scaledLayout().compactLevel()) >= 2, "room was made");
        assertTrue(onFx(view::barsFolded), "the bars folded");
        assertTrue(onFx(() -> view.getStyleClass().contains(ScaledLayout.COMPACT_LESSON)));
        assertTrue(onFx(() -> lessonProblems().isEmpty()), onFx(() -> lessonProblems()).toString());

        onFx(() -> leave("lesson"));
        settle();

        assertEquals(0, onFx(() -> classroom.scaledLayout().compactLevel()));
        assertFalse(onFx(view::barsFolded), "the control bar and status line are back");
        assertTrue(onFx(() -> view.getBottom().isVisible()));
        assertFalse(onFx(() -> view.getStyleClass().contains(ScaledLayout.COMPACT_LESSON)
                || view.getStyleClass().contains(ScaledLayout.COMPACT_CHART)));
        onFx(() -> classroom.appearance().setScalePercent(100));
    }

    private static void walk(double width, double height) {
        long start = System.nanoTime();
        List<String> problems = new ArrayList<>();
        // A few epochs to go back through ("timeline"), in whichever run the last walk left.
        onFx(() -> {
            view.model().viewLive();
            for (int i = 0; i < 3; i++) {
                view.model().step();
            }
        });
        int from = onFx(() -> view.model().trainer().latest().epoch());
        FxTestSupport.awaitSnapshot(view, "three epochs", s -> s.epoch() >= 3 && s.epoch() >= from && !s.playing()
                && s.timeline().size() >= 4);
        for (String mode : MODES) {
            for (int scale : SCALES) {
                String where = mode + " at " + scale + " % in " + (int) width + "×" + (int) height + ": ";
                onFx(() -> {
                    enter(mode, width, height);
                    classroom.appearance().setScalePercent(scale);
                });
                if (mode.equals("lesson")) {
                    // Checked with the lesson's networks in the legend, as the class sees it.
                    var models = longestLesson().steps().get(0).settings().config().models();
                    FxTestSupport.awaitSnapshot(view, "the lesson's networks", s -> s.config().models().equals(models));
                }
                settle();
                for (String p : onFx(() -> check(mode, scale))) {
                    problems.add(where + p);
                }
                onFx(() -> leave(mode));
            }
        }
        onFx(() -> classroom.appearance().setScalePercent(100));
        System.out.printf(Locale.ROOT, "%d layouts at %.0f×%.0f checked in %.1f s%n", MODES.size() * SCALES.size(),
                width, height, (System.nanoTime() - start) / 1e9);
        assertTrue(problems.isEmpty(), problems.size() + " layout problems:\n" + String.join("\n", problems));
    }

    private static void enter(String mode, double width, double height) {
        stage.setWidth(width);
        stage.setHeight(height);
        switch (mode) {
            case "lesson" -> lessons.open(longestLesson());
            case "race" -> view.race().setRacing(true);
            case "timeline" -> {
                if (!view.model().viewEpoch(1)) {
                    throw new AssertionError("no epoch to go back to");
                }
            }
            case "presentation" -> classroom.presentation().enter();
            case "drawer" -> view.experiment().setDrawerShown(true);
            default -> { }
        }
    }

    /** Lesson 3: its first step has the longest explanation of the bundled lessons' openings. */
    private static Lesson longestLesson() {
        return lessons.catalogue().lessons().stream().max((a, b) -> Integer.compare(
                a.steps().get(0).text().length(), b.steps().get(0).text().length())).orElseThrow();
    }

    private static void leave(String mode) {
        switch (mode) {
            case "lesson" -> lessons.close();
            case "race" -> view.race().setRacing(false);
            case "timeline" -> view.model().viewLive();
            case "presentation" -> {
                classroom.presentation().leave();
                stage.setFullScreen(false);
            }
            case "drawer" -> view.experiment().setDrawerShown(false);
            default -> { }
        }
    }

    /**
     * Styles and layout settle, the charts draw at their new size (the fit chart may then need
     * more legend rows, hence more height), and the window lays out again.
     */
    private static void settle() {
        for (int i = 0; i < 5; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            onFx(() -> {
                view.getScene().getRoot().applyCss();
                view.getScene().getRoot().layout();
                // Drawn at its new font size too: its legend rows (and so its least height) follow.
                view.fitChart().markDirty();
                view.fitChart().redrawIfDirty();
            });
        }
    }

    /** The fit chart's legend: each line sample ends before its label, and the row stays in the chart. */
    private static List<String> legendProblems() {
        List<String> problems = new ArrayList<>();
        List<double[]> entries = view.fitChart().legendEntries();
        double previousEnd = Double.NEGATIVE_INFINITY;
        for (double[] e : entries) {
            // A new row starts left of where the last one ended.
            boolean sameRow = e[0] > previousEnd - 1e-6 || previousEnd == Double.NEGATIVE_INFINITY;
            if (e[1] > e[2] || (sameRow && e[0] < previousEnd)) {
                problems.add(String.format(Locale.ROOT, "legend line sample %.0f–%.0f overprints a label (%.0f, after %.0f)",
                        e[0], e[1], e[2], previousEnd));
            }
            if (e[0] < 0 || e[3] > view.fitChart().getWidth()) {
                problems.add(String.format(Locale.ROOT, "legend entry %.0f–%.0f outside the chart's %.0f px",
                        e[0], e[3], view.fitChart().getWidth()));
            }
            previousEnd = e[3];
        }
        return problems;
    }

    /**
     * The lesson strip shows its step whole — title, Back / Next, text and the Watch line —
     * without scrolling: what the class reads is not cut to a line or two.
     */
    private static List<String> lessonProblems() {
        List<String> problems = new ArrayList<>();
        javafx.scene.control.ScrollPane strip = (javafx.scene.control.ScrollPane) view.lookup("#lesson-scroll");
        if (strip == null || strip.getContent() == null) {
            return List.of("no lesson strip");
        }
        double shown = strip.getViewportBounds().getHeight();
        double content = strip.getContent().getLayoutBounds().getHeight();
        System.out.printf(Locale.ROOT, "lesson strip %.0f of %.0f px, room made: level %d%n", shown, content,
                classroom.scaledLayout().compactLevel());
        if (content > shown + 1) {
            problems.add(String.format(Locale.ROOT, "the lesson strip shows %.0f of its step's %.0f px (it scrolls)",
                    shown, content));
        }
        return problems;
    }

    private static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static List<String> check(String mode, int scale) {
        List<String> problems = new ArrayList<>(LayoutProbe.problems(view));
        if (showing(view.fitChart())) {
            PlotViewport v = view.fitChart().viewport();
            if (v == null || v.height() < MIN_PLOT_HEIGHT || v.width() < MIN_PLOT_WIDTH) {
                problems.add(String.format(Locale.ROOT, "fit chart plot %s (at least %.0f × %.0f px)",
                        v == null ? "not drawn" : String.format(Locale.ROOT, "%.0f × %.0f px", v.width(), v.height()),
                        MIN_PLOT_WIDTH, MIN_PLOT_HEIGHT));
            }
        }
        if (showing(view.fitChart())) {
            problems.addAll(legendProblems());
        }
        if (mode.equals("lesson")) {
            problems.addAll(lessonProblems());
        }
        MenuBar menus = view.menuBar();
        if (menus.isVisible()) {
            double capped = Appearance.fontPixels(Math.min(150, scale));
            for (Node n : menus.lookupAll(".label")) {
                if (n instanceof Labeled l && l.getFont().getSize() > capped + 0.01) {
                    problems.add("menu bar text " + l.getFont().getSize() + " px past the 150 % cap (" + capped + ")");
                    break;
                }
            }
        }
        return problems;
    }
}
