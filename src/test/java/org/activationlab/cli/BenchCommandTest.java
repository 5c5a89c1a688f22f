package org.activationlab.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @Test
    void flopsOfATinyNetworkByHand() {
        // 1-2-1, 4 points, batch 2 (2 steps). Matrix products per sample: layer 1 forward 4,
        // weight gradient 4; layer 2 forward 4, weight gradient 4, input gradient 4 → 20.
        // Element-wise per sample: loss 4, bias add + bias gradient 2·2 + 2·1, activation 2·2 → 14.
        // Adam: 7 parameters · 2 steps · 12.
        FlopCount.Epoch epoch = FlopCount.perEpoch(new int[] {1, 2, 1}, 4, 2);

        assertEquals(20 * 4, epoch.matmul());
        assertEquals(14 * 4 + 7 * 2 * 12, epoch.elementwise());
    }

    @Test
    void flopsOfTheSeedExperimentAreAbout27Point4Million() {
        FlopCount.Epoch epoch = FlopCount.perEpoch(new int[] {1, 64, 64, 1}, 1000, 32);

        // Forward 2·(64 + 4096 + 64), weight gradients the same, input gradients 2·(4096 + 64).
        assertEquals(25_216_000, epoch.matmul());
        assertEquals(27.4e6, epoch.total(), 0.005 * 27.4e6);
    }

    @Test
    void medianAndMin() {
        assertEquals(2.0, BenchCommand.median(new double[] {3, 1, 2}));
        assertEquals(2.5, BenchCommand.median(new double[] {4, 1, 2, 3}));
        assertEquals(1.0, BenchCommand.min(new double[] {4, 1, 2, 3}));
    }

    @Test
    void shortBenchPrintsTimesRatesAndTheRuntime() {
        Cli.Result result = Cli.run("bench", "--repeat", "1", "--warmup", "0", "--epochs", "1");

        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.outLines();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Java " + System.getProperty("java.version"))
                && l.contains(Runtime.getRuntime().availableProcessors() + " available processors")),
                result.out());
        assertTrue(lines.stream().anyMatch(l -> l.contains("27.41 M")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("training only: +min \\d+\\.\\d{3} s +median "
                + "\\d+\\.\\d{3} s +\\d+\\.\\d epochs/s +\\d+\\.\\d\\d GFLOP/s.*")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("with per-epoch statistics: +min .*statistics cost .*")),
                result.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("training only, \\d+ threads: +min .*epochs/s.*"
                + "× the one-thread figure")), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("statistics at 60 Hz, \\d+ threads: +min .*")),
                result.out());
        assertTrue(lines.contains("parallel and one-thread final MSE agree bit for bit"), result.out());
        assertTrue(lines.contains("timeline: 8056 bytes per epoch (2 models x 1000 grid points), 8330 epochs"
                + " in its 64 MiB before old epochs are thinned"), result.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("check: final mse relu=\\d\\.\\d{6} "
                + "linear=\\d\\.\\d{6}")), result.out());
    }

    @Test
    void widthAndDepthChooseTheNetworkAndBadValuesAreRefused() {
        Cli.Result result = Cli.run("bench", "--repeat", "1", "--warmup", "0", "--epochs", "1",
                "--width", "3", "--depth", "4");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("1-3-3-3-3-1"), result.out());
        assertTrue(result.outLines().stream().anyMatch(l -> l.startsWith("training only:")), result.out());
        Cli.Result tooWide = Cli.run("bench", "--width", "513");
        assertEquals(2, tooWide.exitCode());
        assertTrue(tooWide.err().contains("--width"), tooWide.err());
    }
}
