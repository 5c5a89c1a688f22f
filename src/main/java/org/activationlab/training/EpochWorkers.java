package org.activationlab.training;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntConsumer;

/**
 * A fixed set of threads that run the per-model work of an epoch side by side. Item {@code i}
 * of a round always runs on worker {@code i % size()}, worker 0 being the calling thread: the
 * assignment of models to workers is fixed. The models of an experiment share nothing mutable
 * (each has its network, optimiser, buffers and random streams; the data is read-only), so each
 * model's numbers are bit for bit those of a one-thread run, whichever worker trains it.
 *
 * <p>A round allocates nothing: the workers meet at two reused barriers, one to start, one to
 * finish. Used by one coordinating thread at a time; {@link #close()} ends the threads.
 */
public final class EpochWorkers implements AutoCloseable {

    private final int size;
    private final Thread[] threads;
    private final CyclicBarrier start;
    private final CyclicBarrier finish;
    private volatile IntConsumer task;
    private volatile int items;
    private volatile boolean closed;
    private volatile Throwable failure;

    /**
     * @param size workers including the calling thread, ≥ 1 (1 runs everything on the caller)
     * @param name prefix of the worker threads' names
     */
    public EpochWorkers(int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one worker, got " + size);
        }
        this.size = size;
        this.start = new CyclicBarrier(size);
        this.finish = new CyclicBarrier(size);
        this.threads = new Thread[size - 1];
        for (int w = 1; w < size; w++) {
            int worker = w;
            Thread t = new Thread(() -> work(worker), name + "-" + w);
            t.setDaemon(true);
            threads[w - 1] = t;
            t.start();
        }
    }

    /** Workers for {@code models} models on this machine: one per core, at most one per model. */
    public static int sizeFor(int models) {
        return Math.max(1, Math.min(models, Runtime.getRuntime().availableProcessors()));
    }

    public int size() {
        return size;
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code [0, n)}, item {@code i} on worker
     * {@code i % size()} in increasing order of {@code i}, and returns when all are done. An
     * exception from any item is rethrown here (the first one, after every worker finished).
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public void run(int n, IntConsumer task) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the workers were closed");
        }
        if (size == 1 || n <= 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        this.task = task;
        this.items = n;
        failure = null;
        try {
            await(start);
            runShare(0);
            await(finish);
        } catch (InterruptedException e) {
            close(); // the barriers are broken: these workers are done
            throw e;
        }
        this.task = null;
        Throwable t = failure;
        if (t != null) {
            failure = null;
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(t);
        }
    }

    private void runShare(int worker) {
        try {
            IntConsumer t = task;
            for (int i = worker; i < items; i += size) {
                t.accept(i);
            }
        } catch (Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    private void work(int worker) {
        try {
            while (true) {
                start.await();
                if (closed) {
                    return;
                }
                runShare(worker);
                finish.await();
            }
        } catch (InterruptedException | BrokenBarrierException e) {
            // closed
        }
    }

    private void await(CyclicBarrier barrier) throws InterruptedException {
        try {
            barrier.await();
        } catch (BrokenBarrierException e) {
            throw new IllegalStateException("a worker ended", e);
        }
    }

    /** Ends the worker threads, waiting at most a second for them. Safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
