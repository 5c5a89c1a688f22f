package org.activationlab.cli;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.RunExport;
import org.activationlab.training.Snapshot;
import org.activationlab.training.Trainer;
import org.activationlab.training.TrainerCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One per-epoch statistics format: the window's export and {@code train --csv} of the same
 * experiment write the same file, header and first epoch included; epochs whose statistics
 * were not measured are marked, not filled with an older value.
 */
class StatisticsCsvTest {

    @TempDir
    Path dir;

    @Test
    void theWindowAndTheCommandLineWriteTheSameFile() throws Exception {
        Path cli = dir.resolve("cli.csv");
        Cli.Result result = Cli.run("train", "--epochs", "3", "--points", "200", "--quiet",
                "--csv", cli.toString());
        assertEquals(0, result.exitCode(), result.err());

        ExperimentConfig config = ExperimentConfig.classic().withData(Dataset.generate(TargetFunction.SIN,
                200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, ExperimentConfig.DEFAULT_SEED))
                .withEpochLimit(3);
        Path window = dir.resolve("window.csv");
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            // One step at a time: the window measures every epoch it stops at, as the CLI does.
            Snapshot done = trainer.latest();
            for (int e = 1; e <= 3; e++) {
                int epoch = e;
                trainer.send(new TrainerCommand.Step());
                done = trainer.await(s -> s.epoch() == epoch && !s.playing(), 20_000);
            }
            RunExport.writeStatisticsCsv(done, window);
        }
        List<String> fromCli = Files.readAllLines(cli);
        List<String> fromWindow = Files.readAllLines(window);
        assertEquals(fromWindow.get(0), fromCli.get(0));
        assertTrue(fromCli.get(1).startsWith("0,relu,relu,0,1,,"), fromCli.get(1));
        assertEquals(fromWindow, fromCli);
    }

    @Test
    void unmeasuredEpochsAreMarkedNotFilled() throws Exception {
        ExperimentConfig config = ExperimentConfig.classic().withData(Dataset.generate(TargetFunction.SIN,
                200, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withModels(Activations.all()).withEpochLimit(9);
        Path file = dir.resolve("race.csv");
        try (Trainer trainer = new Trainer(config, Double.POSITIVE_INFINITY)) {
            trainer.send(new TrainerCommand.Play());
            Snapshot done = trainer.await(s -> s.atLimit() && !s.playing(), 30_000);
            RunExport.writeStatisticsCsv(done, file);
        }
        List<String> rows = Files.readAllLines(file);
        int unmeasured = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            if (cells[4].equals("0")) {
                unmeasured++;
                assertTrue(cells[6].isEmpty(), "an unmeasured epoch repeats an mse: " + row);
                assertTrue(cells[cells.length - 1].isEmpty(), row);
                assertTrue(Double.isFinite(Double.parseDouble(cells[5])), "training's own loss is known: " + row);
            } else {
                assertTrue(Double.isFinite(Double.parseDouble(cells[6])), row);
            }
        }
        assertTrue(unmeasured > 0, "a race at Max speed skips measurements");
    }
}
