package org.activationlab.ui.race;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.ui.MainView;
import org.activationlab.ui.chart.ModelText;
import org.activationlab.ui.experiment.ExperimentFx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

import java.util.List;

import static org.activationlab.ui.experiment.ExperimentFx.await;
import static org.activationlab.ui.experiment.ExperimentFx.awaitFx;
import static org.activationlab.ui.experiment.ExperimentFx.barrier;
import static org.activationlab.ui.experiment.ExperimentFx.onFx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** G races every activation in a grid of small charts with a leaderboard; G again goes back. */
@ExtendWith(ApplicationExtension.class)
class RaceModeTest {

    private MainView view;

    @Start
    void start(Stage stage) {
        view = ExperimentFx.show(stage, ExperimentConfig.classic().withData(Dataset.generate(
                TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0)));
    }

    @Stop
    void stop() {
        ExperimentFx.shutDown(view);
    }

    @Test
    void theRaceShowsOneChartPerModelAndALeaderboardSortedByMse(FxRobot robot) {
        int n = Activations.all().size();
        robot.type(KeyCode.G);
        RaceView race = view.race().raceView();
        awaitFx("the race view in the centre", () -> race.getScene() != null);
        Snapshot loaded = await(view, "the race's models", s -> s.models().size() == n);
        assertEquals(0, loaded.epoch());
        awaitFx("one chart per model", () -> race.shownCharts() == n);
        assertEquals(n, onFx(() -> race.charts().stream().filter(c -> c.isVisible() && c.getWidth() > 50).count()));
        assertFalse(onFx(() -> race.charts().get(n).isVisible()), "no chart for a model that is not there");
        assertTrue(onFx(() -> view.getRight() == null), "the gallery steps aside");

        for (int i = 0; i < 5; i++) {
            robot.type(KeyCode.RIGHT);
        }
        Snapshot trained = await(view, "five epochs", s -> s.epoch() == 5 && !s.playing());
        awaitFx("the leaderboard to show epoch 5", () -> view.model().snapshot().epoch() == 5
                && race.charts().get(0).stats() != null && race.charts().get(0).stats().epoch() == 5
                && !race.charts().get(0).isDirty());
        List<ModelStats> shown = onFx(() -> {
            List<ModelStats> rows = new java.util.ArrayList<>();
            for (int r = 0; r < n; r++) {
                rows.add(race.leaderboard().modelInRow(r));
            }
            return rows;
        });
        for (int r = 1; r < n; r++) {
            assertTrue(shown.get(r - 1).mse() <= shown.get(r).mse(),
                    "row " + r + ": " + shown.get(r - 1).name() + " before " + shown.get(r).name());
        }
        double best = trained.models().stream().mapToDouble(ModelStats::mse).min().orElseThrow();
        assertEquals(best, shown.get(0).mse(), 0.0, "the leader has the lowest MSE");
        List<String> top = onFx(() -> race.leaderboard().rowTexts(0));
        assertEquals("1", top.get(0));
        assertEquals(shown.get(0).activation().displayName(), top.get(1));
        assertEquals(ModelText.mse(best), top.get(2));
        for (int i = 0; i < n; i++) {
            int index = i;
            int rank = onFx(() -> race.charts().get(index).rank());
            assertSame(trained.models().get(i).activation(), shown.get(rank - 1).activation(),
                    "chart " + i + " shows its rank");
        }
        // Laid out within its own width at 1280×800, with no name or number cut short.
        awaitFx("the leaderboard to be laid out", () -> !race.leaderboard().isNeedsLayout());
        String layoutProblem = onFx(() -> {
            RaceLeaderboard board = race.leaderboard();
            for (javafx.scene.Node node : board.getChildrenUnmodifiable()) {
                if (!node.isManaged()) {
                    continue;
                }
                if (node.getBoundsInParent().getMaxX() > board.getWidth() + 0.5) {
                    return node + " sticks out of the leaderboard";
                }
                if (node instanceof javafx.scene.control.Label l && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                    return "'" + l.getText() + "' is cut short";
                }
            }
            return null;
        });
        assertEquals(null, layoutProblem);

        ModelStats linear = trained.models().get(Activations.all().indexOf(Activations.LINEAR));
        assertTrue(linear.mse() > best, "the linear model does not win");

        robot.type(KeyCode.G);
        Snapshot back = await(view, "two models again", s -> s.models().size() == 2);
        assertEquals(List.of(Activations.RELU, Activations.LINEAR), back.config().models());
        awaitFx("the fit chart in the centre", () -> view.fitChart().getScene() != null && race.getScene() == null);
        assertNotNull(onFx(view::getRight), "the gallery is back");
        assertEquals(200, barrier(view).config().data().size(), "the data stays");
    }

    @Test
    void aLessonOrFileLoadedDuringTheRaceEndsIt(FxRobot robot) {
        robot.type(KeyCode.G);
        RaceView race = view.race().raceView();
        awaitFx("the race view in the centre", () -> view.mainContent() == race);
        await(view, "the race's models", s -> s.models().size() == Activations.all().size());

        // What a lesson step or File > Open does: replace the whole experiment.
        onFx(() -> view.model().load(ExperimentConfig.classic().withModels(
                List.of(Activations.TANH, Activations.LINEAR))));
        await(view, "the loaded experiment", s -> s.models().size() == 2
                && s.config().models().get(0) == Activations.TANH);
        awaitFx("the charts back in the centre", () -> view.mainContent() != race
                && view.fitChart().getScene() != null);
        assertFalse(onFx(() -> view.model().isRacing()));
        assertNotNull(onFx(view::getRight), "the gallery is back");
        assertFalse(onFx(() -> ((javafx.scene.control.CheckMenuItem) view.menu("Experiment").getItems().stream()
                .filter(i -> "menu-race".equals(i.getId())).findFirst().orElseThrow()).isSelected()));
        // G now starts a new race rather than restoring anything.
        robot.type(KeyCode.G);
        await(view, "a new race", s -> s.models().size() == Activations.all().size());
    }
}
