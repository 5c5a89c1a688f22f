package org.activationlab.training;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 * <p>A round allocates nothing: it starts when the coordinating thread counts up the round
 * number and ends when the count of workers still in it reaches zero; items are claimed from one
 * reused counter. Whoever waits keeps checking for {@link #SPIN_NANOS} before it parks: rounds
 * follow each other within microseconds at Max speed, and waking a parked thread costs tens of
 * microseconds on a virtual machine, four times an epoch with barriers (about 7 % of the classic
 * pair's epoch on two cores). Used by one coordinating thread at a time; {@link #close()} ends the threads.
 */
public final class EpochWorkers implements AutoCloseable {

    /**
     * How long a waiting thread keeps checking, yielding its core between checks, before it
     * parks. Yielding, not {@link Thread#onSpinWait}: on this project's virtual machine
     * spinning on PAUSE made the classic pair's epochs on two workers 40 % slower than parking
     * at once (median 0.200 against 0.141 s; yielding: 0.131 s), presumably because the
     * hypervisor deschedules a vCPU that spins on PAUSE; and a yield hands the core to the
     * window if it wants it.
     */
    static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final int size;
    private final Thread[] threads;
    /** Counted up by the coordinator to start a round. */
    private volatile long round;
    /** Workers (besides the coordinator) that have not finished the current round. */
    private final AtomicInteger pending = new AtomicInteger();
    /** The thread running the current round, which the last worker to finish wakes. */
    private volatile Thread coordinator;
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
        coordinator = Thread.currentThread();
        pending.set(size - 1);
        round++; // volatile: publishes the fields above to the workers
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        runShare(0);
        awaitWorkers();
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

    /** Waits until every worker finished the round: spins a little, then parks. */
    private void awaitWorkers() throws InterruptedException {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (pending.get() > 0) {
            if (closed) {
                throw new IllegalStateException("a worker ended");
            }
            if (Thread.interrupted()) {
                close(); // a worker may still be in the round: these workers are done
                throw new InterruptedException();
            }
            if (System.nanoTime() - spinUntil < 0) {
                Thread.yield();
            } else {
                LockSupport.park(this);
            }
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
        long seen = 0;
        while (true) {
            // An inactive worker parks at once: its core is the window's.
            long spinUntil = System.nanoTime() + (worker < active ? SPIN_NANOS : 0);
            while (round == seen && !closed) {
                if (System.nanoTime() - spinUntil < 0) {
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                }
                Thread.interrupted(); // only close() interrupts, and closed is checked above
            }
            if (closed) {
                return;
            }
            seen = round;
            runShare(worker);
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(coordinator);
            }
        }
    }

    /** Ends the worker threads, waiting at most a second for them. Safe to call more than once. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            if (t == Thread.currentThread()) {
                continue;
            }
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
