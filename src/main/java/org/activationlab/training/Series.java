package org.activationlab.training;

/**
 * An immutable view of the first {@code length} values of an append-only array. The trainer
 * only ever writes beyond {@code length} (or into a new, larger array), so a view published in a
 * snapshot never changes: the history costs O(1) per snapshot, not a copy of every epoch.
 *
 * <p>Beside the values the builder keeps, as they arrive, what charts would otherwise rescan
 * every frame: the running ranges ({@link #finiteMin()}, {@link #positiveMin()}, …) and the
 * minimum and maximum of every aligned block of {@link #BLOCK} values, of {@code BLOCK²}
 * values and so on ({@link #rangeMin}, {@link #rangeMax}), so that the range of any stretch of
 * epochs, such as the epochs one pixel column of a chart covers, costs O(log n) and not O(n).
 * A block is written once, when its last value arrives, and never again.
 */
public final class Series {

    /** Values per block of the first summary level; each further level groups this many blocks. */
    public static final int BLOCK = 16;
    /** Summary levels: blocks of 16, 256, 4096 and 65,536 values. */
    private static final int LEVELS = 4;

    static final Series EMPTY = new Builder().view();

    private final float[] values;
    private final int length;
    /** Per level, the minimum and maximum (ignoring NaN) of each complete block. */
    private final float[][] blockMin;
    private final float[][] blockMax;
    private final float finiteMin;
    private final float finiteMax;
    private final float positiveMin;
    private final float positiveMax;
    /** The builder this is a view of: views of one builder are prefixes of one history. */
    private final Object history;

    private Series(Builder b) {
        this.history = b;
        this.values = b.values;
        this.length = b.length;
        this.blockMin = b.blockMin.clone();
        this.blockMax = b.blockMax.clone();
        this.finiteMin = b.finiteMin;
        this.finiteMax = b.finiteMax;
        this.positiveMin = b.positiveMin;
        this.positiveMax = b.positiveMax;
    }

    /** A series of these values (for tests and tools; the trainer appends through its builder). */
    public static Series of(float... values) {
        Builder b = new Builder();
        for (float v : values) {
            b.add(v);
        }
        return b.view();
    }

    public int length() {
        return length;
    }

    /**
     * Whether this series is {@code earlier} with values appended (or the same): a view of the
     * same append-only history, at least as long. Then every value of {@code earlier} is here,
     * unchanged, so whatever was worked out from it still holds for its length.
     */
    public boolean continues(Series earlier) {
        return earlier != null && earlier.history == history && length >= earlier.length;
    }

    /** The value at index {@code i} (0 = epoch 0, before any training). */
    public float get(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(i + " of " + length);
        }
        return values[i];
    }

    public float last() {
        return length == 0 ? Float.NaN : values[length - 1];
    }

    /** The smallest finite value, NaN if there is none. */
    public float finiteMin() {
        return finiteMin;
    }

    /** The largest finite value, NaN if there is none. */
    public float finiteMax() {
        return finiteMax;
    }

    /** The smallest finite value above 0 (what a log axis can show), NaN if there is none. */
    public float positiveMin() {
        return positiveMin;
    }

    /** The largest finite value above 0, NaN if there is none. */
    public float positiveMax() {
        return positiveMax;
    }

    /**
     * The smallest value of indices {@code [from, to)}, ignoring NaN (infinities count), or
     * +∞ if there are only NaN (or none).
     */
    public float rangeMin(int from, int to) {
        return range(from, to, true);
    }

    /** The largest value of indices {@code [from, to)}, ignoring NaN, or −∞ if there is none. */
    public float rangeMax(int from, int to) {
        return range(from, to, false);
    }

    private float range(int from, int to, boolean min) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("[" + from + ", " + to + ") of " + length);
        }
        float result = min ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
        // Raw values up to the first block boundary and back from the last, then the same one
        // level up over whole blocks, until the ends meet.
        float[] level = values;
        int a = from;
        int b = to;
        for (int k = 0; ; k++) {
            boolean top = k == LEVELS;
            while (a < b && (top || a % BLOCK != 0)) {
                result = fold(result, level[a++], min);
            }
            while (b > a && b % BLOCK != 0) {
                result = fold(result, level[--b], min);
            }
            if (a >= b) {
                return result;
            }
            a /= BLOCK;
            b /= BLOCK;
            level = min ? blockMin[k] : blockMax[k];
        }
    }

    private static float fold(float acc, float v, boolean min) {
        // NaN compares false both ways and so never replaces acc.
        return min ? (v < acc ? v : acc) : (v > acc ? v : acc);
    }

    /** Copies the values into a new array. */
    public float[] toArray() {
        return java.util.Arrays.copyOf(values, length);
    }

    /** Append-only storage owned by the trainer thread. */
    static final class Builder {
        private float[] values = new float[128];
        private int length;
        private final float[][] blockMin = new float[LEVELS][];
        private final float[][] blockMax = new float[LEVELS][];
        private float finiteMin = Float.NaN;
        private float finiteMax = Float.NaN;
        private float positiveMin = Float.NaN;
        private float positiveMax = Float.NaN;

        Builder() {
            for (int k = 0; k < LEVELS; k++) {
                blockMin[k] = new float[8];
                blockMax[k] = new float[8];
            }
        }

        void add(float value) {
            if (length == values.length) {
                // Old views keep the old array; only new views see the new one.
                values = java.util.Arrays.copyOf(values, length * 2);
            }
            values[length++] = value;
            if (Float.isFinite(value)) {
                finiteMin = Float.isNaN(finiteMin) ? value : Math.min(finiteMin, value);
                finiteMax = Float.isNaN(finiteMax) ? value : Math.max(finiteMax, value);
                if (value > 0) {
                    positiveMin = Float.isNaN(positiveMin) ? value : Math.min(positiveMin, value);
                    positiveMax = Float.isNaN(positiveMax) ? value : Math.max(positiveMax, value);
                }
            }
            // Each block that this value completes, level by level.
            float[] lowerMin = values;
            float[] lowerMax = values;
            int count = length;
            for (int k = 0; k < LEVELS && count % BLOCK == 0; k++) {
                int block = count / BLOCK - 1;
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int i = block * BLOCK; i < count; i++) {
                    lo = fold(lo, lowerMin[i], true);
                    hi = fold(hi, lowerMax[i], false);
                }
                if (block == blockMin[k].length) {
                    blockMin[k] = java.util.Arrays.copyOf(blockMin[k], block * 2);
                    blockMax[k] = java.util.Arrays.copyOf(blockMax[k], block * 2);
                }
                blockMin[k][block] = lo;
                blockMax[k][block] = hi;
                lowerMin = blockMin[k];
                lowerMax = blockMax[k];
                count = block + 1;
            }
        }

        Series view() {
            return new Series(this);
        }
    }
}
