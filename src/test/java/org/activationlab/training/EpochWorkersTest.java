package org.activationlab.training;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.ModelRun;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.OptimizerKind;
import org.activationlab.engine.OptimizerSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EpochWorkersTest {

    private static final List<Activation> MODELS = List.of(Activations.RELU, Activations.LINEAR,
            Activations.TANH, Activations.GELU, Activations.PRELU);

    private static List<ModelRun> runs() {
        List<ModelRun> runs = new ArrayList<>();
        NetworkSpec classic = NetworkSpec.classic(Activations.RELU);
        for (Activation a : MODELS) {
            runs.add(new ModelRun(a.id(), Dataset.classic(), new NetworkSpec(2, 24, a, classic.initializer(),
                    1, 0), OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42));
        }
        return runs;
    }

    /** Every weight and bias of every model, as raw bits, and the models' MSE bits. */
    private static List<int[]> bits(List<ModelRun> runs) {
        List<int[]> all = new ArrayList<>();
        for (ModelRun r : runs) {
            var stats = r.measure();
            for (float[] w : stats.weights()) {
                all.add(raw(w));
            }
            for (float[] b : stats.biases()) {
                all.add(raw(b));
            }
            all.add(raw(stats.predictions()));
            long mse = Double.doubleToRawLongBits(stats.mse());
            all.add(new int[] {(int) mse, (int) (mse >>> 32)});
        }
        return all;
    }

    private static int[] raw(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.floatToRawIntBits(values[i]);
        }
        return out;
    }

    @Test
    void modelsTrainedOnTwoWorkersAreBitIdenticalToOneThread() throws Exception {
        List<ModelRun> alone = runs();
        for (int e = 0; e < 4; e++) {
            for (ModelRun r : alone) {
                r.trainEpoch();
                r.measure();
            }
        }
        List<ModelRun> parallel = runs();
        try (EpochWorkers workers = new EpochWorkers(2, "test-worker")) {
            for (int e = 0; e < 4; e++) {
                workers.run(parallel.size(), i -> {
                    parallel.get(i).trainEpoch();
                    parallel.get(i).measure();
                });
            }
        }
        List<int[]> expected = bits(alone);
        List<int[]> actual = bits(parallel);
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k), actual.get(k), "array " + k);
        }
    }

    @Test
    void everyItemRunsOnceARound() throws Exception {
        try (EpochWorkers workers = new EpochWorkers(3, "once")) {
            for (int round = 0; round < 50; round++) {
                java.util.concurrent.atomic.AtomicIntegerArray runs = new java.util.concurrent.atomic.AtomicIntegerArray(7);
                workers.run(7, runs::incrementAndGet);
                for (int i = 0; i < 7; i++) {
                    assertEquals(1, runs.get(i), "item " + i + " in round " + round);
                }
            }
        }
    }

    @Test
    void freeWorkersTakeTheItemsASlowOneLeaves() throws Exception {
        // Item 0 holds its worker until every other item has run. With a fixed i % n assignment,
        // items 2, 4 and 6 would wait behind it on the same worker and the latch would time out.
        try (EpochWorkers workers = new EpochWorkers(2, "balanced")) {
            java.util.concurrent.CountDownLatch others = new java.util.concurrent.CountDownLatch(6);
            boolean[] othersFinishedFirst = new boolean[1];
            workers.run(7, i -> {
                if (i == 0) {
                    try {
                        othersFinishedFirst[0] = others.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else {
                    others.countDown();
                }
            });
            assertTrue(othersFinishedFirst[0], "the other worker ran items 1–6 while item 0 was busy");
        }
    }

    @Test
    void aFailureInAWorkerReachesTheCallerAndTheWorkersGoOn() throws Exception {
        try (EpochWorkers workers = new EpochWorkers(2, "failing")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> workers.run(2, i -> {
                if (i == 1) {
                    throw new IllegalStateException("model 1 broke");
                }
            }));
            assertEquals("model 1 broke", e.getMessage());
            int[] done = new int[2];
            workers.run(2, i -> done[i] = 1);
            assertArrayEquals(new int[] {1, 1}, done);
        }
    }

    @Test
    void closingEndsTheThreads() throws Exception {
        EpochWorkers workers = new EpochWorkers(2, "closing");
        workers.run(2, i -> { });
        workers.close();
        assertThrows(IllegalStateException.class, () -> workers.run(2, i -> { }));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("closing-")) {
                t.join(2000);
                assertEquals(false, t.isAlive(), t.getName());
            }
        }
    }

    @Test
    void aCoordinatorInterruptedWhileAWorkerIsBusyGetsInterruptedExceptionAndTheWorkersEnd() throws Exception {
        EpochWorkers workers = new EpochWorkers(2, "interrupted");
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread coordinator = new Thread(() -> {
            try {
                // Item 0 is the coordinator's (quick); item 1 keeps the other worker busy.
                workers.run(2, i -> {
                    if (Thread.currentThread().getName().startsWith("interrupted-")) {
                        busy.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    } else {
                        busy.countDown();
                    }
                });
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        coordinator.start();
        busy.await();
        coordinator.interrupt();
        coordinator.join(5000);
        release.countDown();
        assertEquals(false, coordinator.isAlive());
        // Either the worker took item 1 and the coordinator was interrupted while waiting, or the
        // coordinator ran both items and returned: it never hangs.
        if (thrown.get() != null) {
            assertEquals(InterruptedException.class, thrown.get().getClass());
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("interrupted-")) {
                    t.join(2000);
                    assertEquals(false, t.isAlive(), t.getName());
                }
            }
        }
        workers.close();
    }
}
