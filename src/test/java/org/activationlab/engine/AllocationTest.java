package org.activationlab.engine;

import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training loop allocates nothing: after warm-up (so that the JIT has compiled it), ten
 * epochs of the classic ReLU model (320 batches) must allocate less than 10 KB in this thread.
 * The other tests take the loop apart so that a failure names the allocating piece.
 */
class AllocationTest {

    private static final long LIMIT_BYTES = 10 * 1024;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    /** Bytes allocated by {@code action}, less the probe's own cost. */
    private static long allocatedBy(Runnable action) {
        long probe = allocatedBytes();
        probe = allocatedBytes() - probe;
        long before = allocatedBytes();
        action.run();
        return allocatedBytes() - before - probe;
    }

    private static ModelRun classicRun(Activation activation) {
        return new ModelRun(activation.id(), Dataset.classic(), NetworkSpec.classic(activation),
                OptimizerSpec.of(OptimizerKind.ADAM, 1e-3), 32, 42);
    }

    @Test
    void trainEpochAllocatesNothingAfterWarmUp() {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
        for (Activation activation : new Activation[] {Activations.RELU, Activations.LINEAR}) {
            ModelRun run = classicRun(activation);
            for (int e = 0; e < 60; e++) {
                run.trainEpoch();
            }
            double[] loss = new double[1];
            long allocated = allocatedBy(() -> {
                for (int e = 0; e < 10; e++) {
                    loss[0] += run.trainEpoch();
                }
            });
            assertTrue(Double.isFinite(loss[0]));
            assertTrue(allocated < LIMIT_BYTES, activation.id() + ": 10 epochs (320 batches) allocated "
                    + allocated + " bytes, " + allocated / 320 + " per batch");
        }
    }

    @Test
    void forwardBackwardAndStepEachAllocateNothing() {
        ModelRun run = classicRun(Activations.RELU);
        Mlp net = run.network();
        FMatrixRMaj x = new FMatrixRMaj(32, 1);
        FMatrixRMaj y = new FMatrixRMaj(32, 1);
        FMatrixRMaj x8 = new FMatrixRMaj(8, 1);
        FMatrixRMaj y8 = new FMatrixRMaj(8, 1);
        for (int i = 0; i < 32; i++) {
            x.data[i] = i * 0.2f - 3.2f;
            y.data[i] = (float) Math.sin(x.data[i]);
        }
        System.arraycopy(x.data, 0, x8.data, 0, 8);
        System.arraycopy(y.data, 0, y8.data, 0, 8);
        Optimizer optimizer = new Optimizer(OptimizerSpec.of(OptimizerKind.ADAM, 1e-4), net.parameters());
        for (int i = 0; i < 5000; i++) {
            net.forward(x);
            net.backward(x, y);
            optimizer.step();
            net.forward(x8); // the partial last batch reshapes every buffer
            net.backward(x8, y8);
        }
        int calls = 1000;
        long forward = allocatedBy(() -> {
            for (int i = 0; i < calls; i++) {
                net.forward(x);
            }
        });
        long backward = allocatedBy(() -> {
            for (int i = 0; i < calls; i++) {
                net.backward(x, y);
            }
        });
        long step = allocatedBy(() -> {
            for (int i = 0; i < calls; i++) {
                optimizer.step();
            }
        });
        String report = "bytes per call: Mlp.forward " + forward / calls + ", Mlp.backward "
                + backward / calls + ", Optimizer.step " + step / calls;
        assertTrue(forward < 1024, report);
        assertTrue(backward < 1024, report);
        assertTrue(step < 1024, report);
    }
}
