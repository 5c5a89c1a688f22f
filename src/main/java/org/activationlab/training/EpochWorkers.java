package org.activationlab.training;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of threads that run the per-model work of an epoch side by side. The items of a
 * round are claimed in increasing order by whichever worker is free (worker 0 being the calling
 * thread), so a round of unequal items (a GELU network costs three times a ReLU one) keeps every
 * worker busy until the last item. Which worker runs an item does not change its result: the
 * models of an experiment share nothing mutable (each has its network, matrix scratch, optimiser,
 * buffers and random streams; the data is read-only), so each model's numbers are bit for bit
 * those of a one-thread run ({@code ParallelSessionTest}). Callers order the items longest first.
 *
 * <p>A round allocates nothing: the workers meet at two reused barriers, one to start, one to
 * finish, and claim items from one reused counter. Used by one coordinating thread at a time;
 * {@link #close()} ends the threads.
 */
public final class EpochWorkers implements AutoCloseable {

    private final int size;
    private final Thread[] threads;
    private final CyclicBarrier start;
    private final CyclicBarrier finish;
    private volatile IntConsumer task;
    private volatile int items;
    private final AtomicInteger nextItem = new AtomicInteger();
    private volatile int active;
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
        this.active = size;
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
     * How many of the workers (the calling thread first) take items from the next round on, 1 to
     * {@link #size()}: the others wait the round out without using a core, so the window can have
     * one ({@link FramePacing#workersAllowed}).
     */
    public void setActive(int workers) {
        active = Math.max(1, Math.min(size, workers));
    }

    public int active() {
        return active;
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code [0, n)}, each once, items started
     * in increasing order of {@code i} by the next free worker, and returns when all are done. An
     * exception from any item is rethrown here (the first one, after every worker finished).
     *
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public void run(int n, IntConsumer task) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the workers were closed");
        }
        if (size == 1 || n <= 1 || active == 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        this.task = task;
        this.items = n;
        nextItem.set(0);
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
        if (worker >= active) {
            return;
        }
        try {
            IntConsumer t = task;
            int n = items;
            for (int i = nextItem.getAndIncrement(); i < n; i = nextItem.getAndIncrement()) {
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
