package org.activationlab.training;

import java.util.Arrays;

/**
 * Every model's predictions on the plotting grid ({@link org.activationlab.engine.Dataset#gridX()})
 * at the session epochs kept so far, so that a paused window can go back to any epoch of the run.
 * Immutable: like {@link Series}, a view of the first entries of append-only arrays that the
 * trainer only writes beyond (or replaces by new arrays), so publishing one costs O(1).
 *
 * <p>Entries hold references to the prediction arrays of the models' {@link
 * org.activationlab.engine.ModelStats} (owned by those immutable records, never copied). An epoch
 * whose statistics training did not measure (at Max speed) repeats the previous array, like the
 * histories repeat the previous values, and costs no prediction bytes.
 *
 * <p><b>Memory budget.</b> The predictions kept may take at most {@link #DEFAULT_BUDGET} bytes
 * (64 MiB; the classic pair, whose 1000 sorted points are their own grid, costs 2 × 1000 floats,
 * about 8 kB an epoch, so about 8,300 epochs fit before any thinning, and after it between half
 * that and that many, spread over the whole run). When an append goes over the budget, old epochs are thinned: the
 * stride doubles and only epochs that are multiples of it stay (every 2nd, then every 4th …), and
 * from then on epochs between multiples of the stride are kept only while they are the newest.
 * Always kept: epoch 0, the newest epoch, and the epochs at an activation switch (the one before
 * it and the one after, {@link Builder#markSwitch}) — unless the switches alone would exceed the
 * budget, when every second switch entry goes too. A reset or a new experiment starts a new
 * timeline (a new session).
 */
public final class PredictionTimeline {

    /** Bytes the kept predictions may take by default. */
    public static final long DEFAULT_BUDGET = 64L << 20;
    /** JVM overhead of one float array (header and length), counted per array kept. */
    static final int ARRAY_OVERHEAD = 16;
    /** Bytes per entry besides the arrays: its epoch, flag and one reference per model. */
    static final int ENTRY_OVERHEAD = 8;

    static final PredictionTimeline EMPTY = new Builder(0, DEFAULT_BUDGET).view();

    private final int models;
    /** Settled entries (all but the newest): arrays that later views may extend, never rewrite. */
    private final int[] epochs;
    /** Entry {@code i}'s predictions of model {@code m} at {@code [i * models + m]}. */
    private final float[][] predictions;
    private final int settled;
    /** The newest entry, held apart: it may be dropped when the next one comes. */
    private final int newestEpoch;
    private final float[][] newest;
    private final long bytes;
    private final int stride;
    private final long budget;

    private PredictionTimeline(Builder b) {
        this.models = b.models;
        this.epochs = b.epochs;
        this.predictions = b.predictions;
        this.settled = b.settled;
        this.newestEpoch = b.newestEpoch;
        this.newest = b.newest;
        this.bytes = b.bytesWith();
        this.stride = b.stride;
        this.budget = b.budget;
    }

    /** Epochs kept. */
    public int size() {
        return settled + (newest == null ? 0 : 1);
    }

    public int modelCount() {
        return models;
    }

    /** The session epoch of entry {@code index} (entries in increasing epoch order). */
    public int epochAt(int index) {
        check(index);
        return index < settled ? epochs[index] : newestEpoch;
    }

    /** Model {@code model}'s predictions at entry {@code index}, on the plotting grid; do not modify. */
    public float[] predictions(int index, int model) {
        check(index);
        if (model < 0 || model >= models) {
            throw new IndexOutOfBoundsException("model " + model + " of " + models);
        }
        return index < settled ? predictions[index * models + model] : newest[model];
    }

    /** The newest epoch kept, −1 if none. */
    public int newestEpoch() {
        return newest == null ? -1 : newestEpoch;
    }

    /**
     * The entry of the kept epoch nearest to {@code epoch} (the earlier of two as near), −1 for an
     * empty timeline. O(log n).
     */
    public int indexOf(int epoch) {
        int n = size();
        if (n == 0) {
            return -1;
        }
        // Binary search over all entries (the newest is entry n − 1).
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (epochAt(mid) < epoch) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // lo: the first entry at or after epoch (or the last entry)
        if (lo > 0 && epoch - epochAt(lo - 1) <= Math.abs(epochAt(lo) - epoch)) {
            return lo - 1;
        }
        return lo;
    }

    /** Bytes the kept predictions take (arrays shared between neighbouring entries counted once). */
    public long bytes() {
        return bytes;
    }

    /** 1 while every epoch is kept; 2, 4, … once old epochs were thinned to every stride-th. */
    public int stride() {
        return stride;
    }

    public long budget() {
        return budget;
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index + " of " + size());
        }
    }

    /**
     * Trainer-side storage: one entry per session epoch, appended after the histories'. Not
     * thread-safe; views are.
     */
    static final class Builder {
        private final int models;
        private final long budget;
        private int[] epochs = new int[64];
        private boolean[] pinned = new boolean[64];
        private float[][] predictions;
        private int settled;
        private long settledBytes;
        private int newestEpoch = -1;
        private float[][] newest;
        private boolean newestPinned;
        /** The next appended entry is pinned (the first after a switch). */
        private boolean pinNext;
        private int stride = 1;
        private PredictionTimeline view;

        Builder(int models, long budget) {
            if (budget <= 0) {
                throw new IllegalArgumentException("budget must be > 0 bytes");
            }
            this.models = models;
            this.budget = budget;
            this.predictions = new float[64 * Math.max(1, models)][];
        }

        /**
         * Appends session epoch {@code epoch}'s predictions, one grid array per model (kept by
         * reference: the caller never modifies them), then thins old entries if over budget.
         */
        void append(int epoch, float[][] perModel) {
            if (perModel.length != models) {
                throw new IllegalArgumentException(perModel.length + " predictions for " + models + " models");
            }
            if (newest != null && epoch <= newestEpoch) {
                throw new IllegalArgumentException("epoch " + epoch + " after " + newestEpoch);
            }
            if (newest != null && (newestPinned || newestEpoch % stride == 0)) {
                settle(newestEpoch, newest, newestPinned);
            }
            newestEpoch = epoch;
            newest = perModel.clone();
            newestPinned = epoch == 0 || pinNext;
            pinNext = false;
            view = null;
            while (bytesWith() > budget && thin()) {
                // each pass drops entries, until under budget or nothing more may go
            }
        }

        /**
         * A switch after session epoch {@code epoch}: the newest entry (if it is that epoch, the
         * state before the switch) and the next one (the first after it) survive thinning.
         */
        void markSwitch(int epoch) {
            if (newest != null && epoch == newestEpoch) {
                newestPinned = true;
            }
            pinNext = true;
        }

        private void settle(int epoch, float[][] perModel, boolean pin) {
            if (settled == epochs.length) {
                // Old views keep the old arrays; only new views see the new ones.
                epochs = Arrays.copyOf(epochs, settled * 2);
                pinned = Arrays.copyOf(pinned, settled * 2);
                predictions = Arrays.copyOf(predictions, settled * 2 * Math.max(1, models));
            }
            settledBytes += entryBytes(perModel, settled - 1);
            epochs[settled] = epoch;
            pinned[settled] = pin;
            System.arraycopy(perModel, 0, predictions, settled * models, models);
            settled++;
        }

        /** An entry's bytes; an array the settled entry {@code previous} holds too is not counted. */
        private long entryBytes(float[][] perModel, int previous) {
            long b = ENTRY_OVERHEAD + 8L * models;
            for (int m = 0; m < models; m++) {
                float[] p = perModel[m];
                boolean shared = previous >= 0 && predictions[previous * models + m] == p;
                if (!shared && p != null) {
                    b += ARRAY_OVERHEAD + 4L * p.length;
                }
            }
            return b;
        }

        long bytesWith() {
            return newest == null ? settledBytes : settledBytes + entryBytes(newest, settled - 1);
        }

        /**
         * Drops settled entries: doubles the stride and keeps the multiples of it, epoch 0 and
         * the pinned ones; when only those are left, every second pinned one (not epoch 0).
         * Writes new arrays (published views keep theirs).
         *
         * @return whether anything was dropped (false: nothing more may go)
         */
        private boolean thin() {
            while (true) {
                int unpinned = 0;
                int pinnedCount = 0;
                for (int i = 0; i < settled; i++) {
                    if (epochs[i] != 0) {
                        if (pinned[i]) {
                            pinnedCount++;
                        } else {
                            unpinned++;
                        }
                    }
                }
                if (unpinned == 0 && pinnedCount <= 1) {
                    return false;
                }
                int pinStep = 1;
                if (unpinned > 0) {
                    stride *= 2;
                } else {
                    pinStep = 2; // the switches alone are over budget
                }
                int[] e = new int[epochs.length];
                boolean[] p = new boolean[pinned.length];
                float[][] pred = new float[predictions.length][];
                int n = 0;
                int pinRank = 0;
                for (int i = 0; i < settled; i++) {
                    boolean keep = epochs[i] == 0
                            || (pinned[i] ? pinRank++ % pinStep == 0 : epochs[i] % stride == 0);
                    if (keep) {
                        e[n] = epochs[i];
                        p[n] = pinned[i];
                        System.arraycopy(predictions, i * models, pred, n * models, models);
                        n++;
                    }
                }
                boolean dropped = n < settled;
                epochs = e;
                pinned = p;
                predictions = pred;
                settled = n;
                // Recount: an array shared with a dropped neighbour is now counted by its successor.
                long b = 0;
                float[][] row = new float[models][];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(predictions, i * models, row, 0, models);
                    b += entryBytes(row, i - 1);
                }
                settledBytes = b;
                if (dropped) {
                    return true;
                }
            }
        }

        PredictionTimeline view() {
            if (view == null) {
                view = new PredictionTimeline(this);
            }
            return view;
        }
    }
}
