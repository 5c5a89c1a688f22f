package org.activationlab.ui.classroom;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.ui.FxTestSupport;
import org.activationlab.ui.LabModel;
import org.activationlab.ui.MemoryPreferences;
import org.activationlab.ui.WindowMode;
import org.activationlab.ui.lessons.LessonGuide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.activationlab.ui.classroom.ClassroomFixture.awaitFx;
import static org.activationlab.ui.classroom.ClassroomFixture.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Going back through the run next to the window's modes: presentation keeps the timeline (Esc
 * first returns to live, then leaves), a lesson or a race starts another run (live), and after
 * leaving any of them the timeline, the keys and training work as before — nothing stuck.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineModesTest {

    private ClassroomFixture app;
    private LessonGuide lessons;

    @Start
    void start(Stage stage) {
        app = ClassroomFixture.show(stage, new MemoryPreferences());
        lessons = LessonGuide.install(app.view, LessonGuide.loadCatalogue());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private LabModel model() {
        return app.view.model();
    }

    private int viewed() {
        return onFx(() -> model().viewedEpoch());
    }

    private void step(FxRobot robot, int n) {
        for (int i = 0; i < n; i++) {
            int before = onFx(() -> model().snapshot().epoch());
            robot.type(KeyCode.RIGHT);
            awaitSnapshot(app.view, "epoch " + (before + 1), s -> s.epoch() == before + 1 && !s.playing()
                    && s.timeline().newestEpoch() == before + 1);
        }
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @Test
    void presentationKeepsTheTimelineAndEscReturnsToLiveBeforeLeaving(FxRobot robot) {
        step(robot, 4);
        robot.type(KeyCode.LEFT, KeyCode.LEFT);
        assertEquals(2, viewed());
        robot.type(KeyCode.F5);
        awaitFx("presentation", () -> app.classroom.presentation().isActive());
        assertEquals(2, viewed(), "entering presentation keeps the epoch shown");
        assertTrue(onFx(() -> shown(app.view.timeline())), "the timeline shows in presentation");
        robot.type(KeyCode.LEFT);
        assertEquals(1, viewed(), "the keys work in presentation");
        robot.type(KeyCode.ESCAPE);
        assertEquals(LabModel.LIVE, viewed(), "the first Esc returns to live");
        assertTrue(onFx(() -> app.classroom.presentation().isActive()), "…and stays presenting");
        robot.type(KeyCode.ESCAPE);
        awaitFx("presentation left", () -> !app.classroom.presentation().isActive());
        // Leaving presentation while going back: the epoch stays, the keys still work.
        robot.type(KeyCode.HOME);
        assertEquals(0, viewed());
        robot.type(KeyCode.F5);
        awaitFx("presentation again", () -> app.classroom.presentation().isActive());
        onFx(() -> app.classroom.presentation().leave());
        assertEquals(0, viewed());
        robot.type(KeyCode.END);
        assertEquals(LabModel.LIVE, viewed());
        robot.type(KeyCode.SPACE);
        awaitSnapshot(app.view, "training after all that", s -> s.playing());
        robot.type(KeyCode.SPACE);
        awaitSnapshot(app.view, "the pause", s -> !s.playing());
    }

    @Test
    void aLessonOrARaceStartsAnotherRunAndTheTimelineFollowsIt(FxRobot robot) {
        step(robot, 3);
        robot.type(KeyCode.LEFT);
        assertEquals(2, viewed());
        onFx(() -> lessons.open(lessons.catalogue().lessons().get(0)));
        awaitFx("the lesson", () -> app.view.mode() == WindowMode.LESSON);
        awaitFx("live in the lesson's run", () -> model().isLive() && model().snapshot().epoch() == 0);
        assertEquals(0, onFx(() -> app.view.fitChart().snapshot().epoch()));
        step(robot, 2);
        robot.type(KeyCode.LEFT);
        assertEquals(1, viewed(), "the lesson's own run can be gone back through");
        onFx(() -> lessons.close());
        awaitFx("the lesson closed", () -> app.view.mode() == WindowMode.CHARTS);
        awaitFx("the timeline not stuck", () -> model().isLive() || model().viewedEpoch() <= model().snapshot().epoch());

        onFx(() -> model().viewLive());
        int epoch = onFx(() -> model().snapshot().epoch());
        if (epoch < 2) {
            step(robot, 2);
        }
        robot.type(KeyCode.LEFT);
        assertTrue(viewed() >= 0);
        onFx(() -> app.view.race().setRacing(true));
        awaitFx("live in the race", () -> model().isLive() && model().snapshot().models().size() > 2);
        onFx(() -> app.view.race().setRacing(false));
        awaitFx("back from the race", () -> model().snapshot().models().size() == 2 && model().isLive());
        assertFalse(onFx(() -> app.view.timeline().isViewing()));
        step(robot, 2);
        robot.type(KeyCode.LEFT);
        assertTrue(viewed() >= 0, "the timeline works after the race");
        robot.type(KeyCode.ESCAPE);
        assertEquals(LabModel.LIVE, viewed());
    }
}
