package org.activationlab.ui;

import org.activationlab.engine.Activations;
import org.activationlab.engine.DataFileException;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.ModelStats;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.ui.chart.PlotViewport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The experiment controls of {@link LabModel} against a real trainer, without any view: each
 * edit must reach the trainer's config, and quick edits must not undo each other.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LabModelExperimentTest {

    private static final long WAIT = 20_000;
    private LabModel model;

    @BeforeEach
    void start() {
        ExperimentConfig config = ExperimentConfig.classic().withData(
                Dataset.generate(TargetFunction.SIN, 200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0));
        model = new LabModel(new Trainer(config));
    }

    @AfterEach
    void stop() {
        model.close();
    }

    private Snapshot await(Predicate<Snapshot> condition) throws Exception {
        return model.trainer().await(condition, WAIT);
    }

    /**
     * Waits until every command sent so far is applied: commands are applied in order, so the
     * first snapshot with a new speed has them all.
     */
    private Snapshot barrier() throws Exception {
        double speed = model.trainer().latest().epochsPerSecond() == 20 ? 21 : 20;
        model.setSpeed(speed);
        return await(s -> s.epochsPerSecond() == speed);
    }

    @Test
    void quickNetworkEditsAllArriveAndRestartAtEpochZero() throws Exception {
        model.step();
        await(s -> s.epoch() == 1);
        model.setWidth(16);
        model.setDepth(3);
        model.setInitializer(Initializer.HE_UNIFORM);
        model.setInitScale(2.5);
        model.setBiasInit(0.1);
        Snapshot s = barrier();
        var n = s.config().network();
        assertEquals(16, n.width());
        assertEquals(3, n.depth());
        assertSame(Initializer.HE_UNIFORM, n.initializer());
        assertEquals(2.5, n.initScale());
        assertEquals(0.1, n.biasInit());
        assertEquals(0, s.epoch(), "a new shape restarts");
        assertEquals(4, s.models().get(0).layers().size(), "3 hidden layers and the output");
        assertEquals(16, s.models().get(0).weights().get(1).length / 16, "16 × 16 weights");
    }

    @Test
    void learningRateAndOptimizerComposeWithoutUndoingEachOther() throws Exception {
        model.setLearningRate(0.05);
        model.setOptimizer(OptimizerKind.RMSPROP);
        model.setBatchSize(8);
        Snapshot s = barrier();
        assertSame(OptimizerKind.RMSPROP, s.config().optimizer().kind());
        assertEquals(0.05, s.config().optimizer().learningRate(), 1e-12);
        assertEquals(8, s.config().batchSize());
        model.setOptimizer(OptimizerKind.SGD);
        model.setLearningRate(1e-4);
        s = barrier();
        assertSame(OptimizerKind.SGD, s.config().optimizer().kind());
        assertEquals(1e-4, s.config().optimizer().learningRate(), 1e-15);
    }

    @Test
    void targetPointsAndNoiseRegenerateTheDataFromTheSeed() throws Exception {
        model.setTarget(TargetFunction.ABS);
        model.setPointCount(50);
        model.setNoise(0.5);
        Dataset data = barrier().config().data();
        assertEquals(TargetFunction.ABS, data.target().orElseThrow());
        assertEquals(50, data.size());
        assertEquals(0.5, data.noise());
        Dataset expected = Dataset.generate(TargetFunction.ABS, 50, Dataset.DEFAULT_MIN_X,
                Dataset.DEFAULT_MAX_X, 0.5, ExperimentConfig.DEFAULT_SEED);
        assertArrayEquals(expected.y(), data.y());
        double residual = 0;
        for (int i = 0; i < data.size(); i++) {
            residual += Math.abs(data.y()[i] - Math.abs(data.x()[i]));
        }
        assertTrue(residual / data.size() > 0.1, "noise moved the points off |x|");
    }

    @Test
    void clicksAddAndRemovePointsAndTheDataBecomesCustom() throws Exception {
        Dataset before = model.config().data();
        model.addPoint(1.0, 2.0);
        model.addPoint(-1.0, -2.0);
        Dataset added = barrier().config().data();
        assertEquals(before.size() + 2, added.size(), "two quick clicks, two points");
        assertTrue(added.target().isEmpty(), "edited data has no target function");
        assertEquals(DataEdits.CUSTOM, added.description());
        assertEquals(2.0f, added.y()[added.size() - 2]);

        PlotViewport v = new PlotViewport(0, 0, 600, 400, added.minX(), added.maxX(), -3, 3, false);
        double px = v.pixelX(1.0);
        double py = v.pixelY(2.0);
        assertTrue(model.removePointNear(v, px + 5, py - 5));
        Dataset removed = barrier().config().data();
        assertEquals(added.size() - 1, removed.size());
        for (int i = 0; i < removed.size(); i++) {
            assertFalse(removed.x()[i] == 1.0f && removed.y()[i] == 2.0f, "the clicked point is gone");
        }
        assertFalse(model.removePointNear(v, v.pixelX(0), v.pixelY(2.9)), "nothing near: nothing removed");
        assertEquals(removed, barrier().config().data());
        assertFalse(model.setNoise(0.3), "custom data has no function to add noise to");
    }

    @Test
    void aBadCsvNamesTheLineAndLeavesTheDataAlone(@TempDir Path dir) throws Exception {
        Dataset before = model.config().data();
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n0,1\n1,oops\n2,3\n");
        DataFileException e = assertThrows(DataFileException.class, () -> model.loadCsv(bad));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("oops"), e.getMessage());
        assertEquals(before, barrier().config().data(), "the trainer's data is unchanged");

        Path good = dir.resolve("good.csv");
        Files.writeString(good, "x,y\n0,1\n1,2\n2,5\n");
        model.loadCsv(good);
        Dataset loaded = barrier().config().data();
        assertEquals(3, loaded.size());
        assertArrayEquals(new float[]{1, 2, 5}, loaded.y());
    }

    @Test
    void theRaceTrainsEveryActivationFromTheSameWeightsAndLeavingRestoresTwoModels() throws Exception {
        model.setWidth(8);
        model.enterRace();
        assertTrue(model.isRacing());
        Snapshot race = barrier();
        List<ModelStats> models = race.models();
        assertEquals(Activations.all().size(), models.size());
        assertEquals(Activations.all(), race.config().models());
        assertTrue(race.config().models().contains(Activations.SOFTMAX));
        assertTrue(race.config().models().contains(Activations.LINEAR));
        assertEquals(8, race.config().network().width(), "the race keeps the shape");
        for (ModelStats m : models) {
            for (int l = 0; l < m.weights().size(); l++) {
                assertArrayEquals(models.get(0).weights().get(l), m.weights().get(l),
                        m.name() + " starts from the same weights, layer " + l);
            }
        }
        model.selectActivation(Activations.TANH);
        assertEquals(Activations.all(), barrier().config().models(), "no switching during a race");
        model.setTarget(TargetFunction.STEP);
        model.leaveRace();
        assertFalse(model.isRacing());
        Snapshot back = barrier();
        assertEquals(List.of(Activations.RELU, Activations.LINEAR), back.config().models());
        assertEquals(TargetFunction.STEP, back.config().data().target().orElseThrow(),
                "data changed during the race stays");
        assertNotEquals(race.sequence(), back.sequence());
    }
}
