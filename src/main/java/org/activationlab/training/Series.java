package org.activationlab.training;

/**
 * An immutable view of the first {@code length} values of an append-only array. The trainer
 * only ever writes beyond {@code length} (or into a new, larger array), so a view published in a
 * snapshot never changes: the history costs O(1) per snapshot, not a copy of every epoch.
 */
public final class Series {

    static final Series EMPTY = new Series(new float[0], 0);

    private final float[] values;
    private final int length;

    Series(float[] values, int length) {
        this.values = values;
        this.length = length;
    }

    public int length() {
        return length;
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

    /** Copies the values into a new array. */
    public float[] toArray() {
        return java.util.Arrays.copyOf(values, length);
    }

    /** Append-only storage owned by the trainer thread. */
    static final class Builder {
        private float[] values = new float[128];
        private int length;

        void add(float value) {
            if (length == values.length) {
                // Old views keep the old array; only new views see the new one.
                values = java.util.Arrays.copyOf(values, length * 2);
            }
            values[length++] = value;
        }

        Series view() {
            return new Series(values, length);
        }
    }
}
