package org.activationlab.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.training.lesson.Lesson;
import org.activationlab.ui.classroom.ClassroomFixture;
import org.activationlab.ui.lessons.LessonGuide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.activationlab.ui.FxTestSupport.awaitFx;
import static org.activationlab.ui.FxTestSupport.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window is in exactly one mode (charts, lesson, race) with presentation over any of them.
 * Whatever the order a teacher enters and leaves them in, what the window shows — the centre,
 * the side column, the bars, the race menu item, the lesson strip — matches the mode.
 */
@ExtendWith(ApplicationExtension.class)
class WindowModeTest {

    /** What a teacher turns on and off. */
    enum Feature { RACE, LESSON, PRESENTATION }

    private ClassroomFixture app;
    private LessonGuide guide;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
        guide = LessonGuide.install(app.view, LessonGuide.loadCatalogue());
    }

    @AfterEach
    void close() {
        app.close();
    }

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        for (Feature first : Feature.values()) {
            for (Feature second : Feature.values()) {
                if (first != second) {
                    pairs.add(Arguments.of(first, second));
                }
            }
        }
        return pairs.stream();
    }

    /**
     * Enter one, enter the other, leave them — the second first, then (entering both again) the
     * first first: every step shows its mode, and the end is the plain charts.
     */
    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("pairs")
    void everyPairOfTransitionsShowsTheMode(Feature first, Feature second) {
        assertWindowShowsItsMode("at start");
        for (boolean secondLeavesFirst : new boolean[]{true, false}) {
            enter(first);
            assertOn(first, "after entering " + first);
            enter(second);
            assertOn(second, "after entering " + second + " over " + first);
            if (first == Feature.PRESENTATION) {
                assertOn(first, "presentation stays over " + second);
            }
            List<Feature> leaving = secondLeavesFirst ? List.of(second, first) : List.of(first, second);
            for (Feature f : leaving) {
                leave(f);
                assertWindowShowsItsMode("after leaving " + f + " (" + first + " then " + second + ")");
            }
            onFx(() -> {
                assertEquals(WindowMode.CHARTS, app.view.mode());
                assertFalse(app.view.isPresenting());
                assertTrue(isShowing(app.view.fitChart()), "the charts are back");
                assertTrue(isShowing(app.view.cards().get(0)), "the gallery is back");
            });
        }
    }

    /** Defect 4a: G, open a lesson, close it — the gallery comes back and the race item is off. */
    @Test
    void raceThenLessonThenCloseGivesTheChartsAndGalleryBack(FxRobot robot) {
        robot.type(KeyCode.G);
        awaitFx("the race", () -> app.view.mode() == WindowMode.RACE, () -> "");
        onFx(() -> guide.open(guide.catalogue().lessons().get(0)));
        assertWindowShowsItsMode("lesson over the race");
        onFx(() -> assertFalse(app.view.race().menuItem().isSelected(), "the race has ended"));
        robot.press(KeyCode.SHIFT).type(KeyCode.L).release(KeyCode.SHIFT);
        awaitFx("the lesson to close", () -> guide.lesson() == null, () -> "");
        assertWindowShowsItsMode("after closing the lesson");
        onFx(() -> {
            assertTrue(isShowing(app.view.cards().get(0)), "the activation gallery shows again");
            assertFalse(app.view.race().menuItem().isSelected(), "the race item is not checked");
        });
    }

    /** Defect 4b: a lesson, then G — the race replaces the lesson and keeps its view. */
    @Test
    void lessonThenRaceKeepsTheRaceView(FxRobot robot) {
        onFx(() -> guide.open(guide.catalogue().lessons().get(0)));
        robot.type(KeyCode.G);
        awaitFx("the race", () -> app.view.mode() == WindowMode.RACE, () -> "");
        // Closing the lesson (already ended by the race) must not take the race's view away.
        onFx(guide::close);
        assertWindowShowsItsMode("after closing the lesson");
        onFx(() -> {
            assertSame(app.view.race().raceView(), app.view.mainContent(), "the race grid stays");
            assertTrue(app.view.model().isRacing(), "every activation keeps training");
        });
    }

    /** Defect 5: Lesson 5 at step 5, then Lesson 7 (3 steps) opens at its first step. */
    @Test
    void aShorterLessonOpensFromALateStepOfALongerOne() {
        List<Lesson> lessons = onFx(() -> guide.catalogue().lessons());
        Lesson dying = lessons.get(4);
        Lesson softmax = lessons.get(6);
        assertTrue(dying.stepCount() > softmax.stepCount());
        onFx(() -> {
            guide.open(dying);
            for (int i = 1; i < dying.stepCount(); i++) {
                guide.next();
            }
        });
        assertEquals(dying.stepCount() - 1, (int) onFx(guide::stepIndex));
        onFx(() -> guide.open(softmax));
        onFx(() -> {
            assertSame(softmax, guide.lesson());
            assertEquals(0, guide.stepIndex());
            assertSame(softmax.step(0), guide.step());
        });
        assertWindowShowsItsMode("the shorter lesson");
    }

    /**
     * Defect 6: L, 3, F5, N, N — the class sees the lesson's title, step text and Watch line,
     * larger than in the window, and the slim bar has Back and Next.
     */
    @Test
    void presentationShowsTheLessonWithBackAndNextOnTheSlimBar(FxRobot robot) {
        robot.type(KeyCode.L).type(KeyCode.DIGIT3);
        awaitFx("lesson 3", () -> guide.lesson() == guide.catalogue().lessons().get(2), () -> "");
        double windowSize = onFx(() -> ((javafx.scene.control.Label) app.view.lookup("#lesson-step-title"))
                .getFont().getSize());
        robot.type(KeyCode.F5);
        awaitFx("presentation", () -> app.view.isPresenting(), () -> "");
        robot.type(KeyCode.N).type(KeyCode.N);
        awaitFx("step 3", () -> guide.stepIndex() == 2, () -> "");
        onFx(() -> {
            for (String id : new String[]{"#lesson-step-title", "#lesson-name", "#lesson-text", "#lesson-watch"}) {
                Node n = app.view.lookup(id);
                assertTrue(n != null && isShowing(n), id + " shows while presenting");
            }
            javafx.scene.control.Label title = (javafx.scene.control.Label) app.view.lookup("#lesson-step-title");
            assertEquals(guide.step().title(), title.getText());
            assertTrue(title.getFont().getSize() > windowSize, "presentation size: "
                    + title.getFont().getSize() + " > " + windowSize);
            assertFalse(isShowing(app.view.menuBar()), "the menu bar is folded away");
            Node bar = app.view.lookup("#presentation-bar");
            Node next = app.view.lookup("#presentation-lesson-next");
            Node back = app.view.lookup("#presentation-lesson-back");
            assertTrue(next != null && back != null && isInside(next, bar) && isInside(back, bar),
                    "Back and Next are on the slim bar");
            assertTrue(next.isVisible() && next.isManaged() && back.isVisible());
            ((javafx.scene.control.Button) back).fire();
        });
        awaitFx("Back on the slim bar goes to step 2", () -> guide.stepIndex() == 1, () -> "");
        robot.type(KeyCode.ESCAPE);
        awaitFx("presentation to end", () -> !app.view.isPresenting(), () -> "");
        assertWindowShowsItsMode("back in the window with the lesson");
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void enter(Feature f) {
        onFx(() -> {
            switch (f) {
                case RACE -> app.view.race().setRacing(true);
                case LESSON -> guide.open(guide.catalogue().lessons().get(0));
                case PRESENTATION -> app.classroom.presentation().enter();
            }
        });
    }

    private void leave(Feature f) {
        onFx(() -> {
            switch (f) {
                case RACE -> app.view.race().setRacing(false);
                case LESSON -> guide.close();
                case PRESENTATION -> app.classroom.presentation().leave();
            }
        });
    }

    private void assertOn(Feature f, String when) {
        onFx(() -> {
            switch (f) {
                case RACE -> assertEquals(WindowMode.RACE, app.view.mode(), when);
                case LESSON -> assertEquals(WindowMode.LESSON, app.view.mode(), when);
                case PRESENTATION -> assertTrue(app.view.isPresenting(), when);
            }
        });
        assertWindowShowsItsMode(when);
    }

    /** Everything the window shows agrees with its one mode and with presentation. */
    private void assertWindowShowsItsMode(String when) {
        onFx(() -> {
            MainView view = app.view;
            WindowMode mode = view.mode();
            boolean racing = mode == WindowMode.RACE;
            assertEquals(racing, view.model().isRacing(), when + ": the model races");
            assertEquals(racing, view.race().menuItem().isSelected(), when + ": the race menu item");
            assertEquals(racing, view.mainContent() == view.race().raceView(), when + ": the race grid");
            assertEquals(mode == WindowMode.LESSON, guide.lesson() != null, when + ": the open lesson");
            // The strip sits in a scroll pane, whose content joins the scene graph with its skin.
            view.applyCss();
            Node strip = view.lookup("#lesson-panel");
            assertEquals(guide.isOpen(), strip != null && isShowing(strip), when + ": the lesson strip");
            boolean presenting = app.classroom.presentation().isActive();
            assertEquals(presenting, view.isPresenting(), when + ": presentation");
            assertEquals(!presenting, isShowing(view.menuBar()), when + ": the menu bar");
            assertEquals(!presenting, view.getBottom().isVisible(), when + ": the status bar");
            assertEquals(mode.showsGallery() && !presenting, isShowing(view.cards().get(0)),
                    when + ": the gallery in " + mode + (presenting ? ", presenting" : ""));
            if (mode != WindowMode.LESSON) {
                // (a lesson's step may show a panel of its own instead)
                assertEquals(!racing, isShowing(view.fitChart()), when + ": the fit chart");
            }
        });
    }

    private static boolean isShowing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
