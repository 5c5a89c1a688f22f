package org.activationlab.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training points (x, y), immutable. The arrays are copied in and never modified; accessors
 * return them directly for speed, so callers must not modify them.
 */
public final class Dataset {

    public static final int MIN_POINTS = Setting.POINTS.minInt();
    public static final int MAX_POINTS = Setting.POINTS.maxInt();
    /** Points of the plotting grid on which predictions are drawn. */
    public static final int GRID_POINTS = 400;
    public static final double DEFAULT_MIN_X = Setting.X_MIN.defaultValue();
    public static final double DEFAULT_MAX_X = Setting.X_MAX.defaultValue();

    /**
     * How generated data was made: {@code points} evenly spaced x on [minX, maxX], y = target(x)
     * plus Gaussian noise of standard deviation {@code noise} drawn from {@code seed}. Saving an
     * experiment writes this instead of the points; {@link #generate()} makes them again, bit for bit.
     */
    public record Recipe(TargetFunction target, int points, double minX, double maxX, double noise,
                         long seed) {
        public Recipe {
            java.util.Objects.requireNonNull(target, "target");
            Setting.POINTS.check(points);
            Setting.NOISE.check(noise);
            if (!Double.isFinite(minX) || !Double.isFinite(maxX) || !(maxX > minX)) {
                throw new IllegalArgumentException("x range must be finite with min < max, got "
                        + Setting.format(minX) + " to " + Setting.format(maxX));
            }
        }

        public Dataset generate() {
            return Dataset.generate(this);
        }

        public Recipe withTarget(TargetFunction t) {
            return new Recipe(t, points, minX, maxX, noise, seed);
        }

        public Recipe withPoints(int n) {
            return new Recipe(target, n, minX, maxX, noise, seed);
        }

        public Recipe withNoise(double sd) {
            return new Recipe(target, points, minX, maxX, sd, seed);
        }

        public Recipe withSeed(long s) {
            return new Recipe(target, points, minX, maxX, noise, s);
        }
    }

    private final float[] x;
    private final float[] y;
    private final float[] gridX;
    private final double minX;
    private final double maxX;
    private final String description;
    /** The noise-free function the points were drawn from, or null for loaded data. */
    private final TargetFunction target;
    private final double noise;
    /** How the points were generated, or null for points loaded, edited or clicked. */
    private final Recipe recipe;

    public Dataset(float[] x, float[] y, String description) {
        this(x, y, description, null, 0);
    }

    /**
     * @param target the function the points sample (null for loaded or edited data)
     * @param noise  standard deviation of the noise added to it
     */
    public Dataset(float[] x, float[] y, String description, TargetFunction target, double noise) {
        this(x, y, description, target, noise, null);
    }

    private Dataset(float[] x, float[] y, String description, TargetFunction target, double noise,
                    Recipe recipe) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (x.length < MIN_POINTS || x.length > MAX_POINTS) {
            throw new IllegalArgumentException("a dataset needs " + MIN_POINTS + "–" + MAX_POINTS
                    + " points, got " + x.length);
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i]) || !Float.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite");
            }
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        if (hi == lo) {
            hi = lo + 1;
            lo = lo - 1;
        }
        this.x = x.clone();
        this.y = y.clone();
        this.minX = lo;
        this.maxX = hi;
        this.description = description;
        this.target = target;
        this.noise = noise;
        this.recipe = recipe;
        if (isSortedAndDense(this.x)) {
            // Sorted points dense enough to draw as a curve are their own grid: the trainer
            // then predicts them once per epoch instead of twice.
            this.gridX = this.x;
        } else {
            this.gridX = new float[GRID_POINTS];
            for (int i = 0; i < GRID_POINTS; i++) {
                gridX[i] = (float) (lo + (hi - lo) * i / (GRID_POINTS - 1));
            }
        }
    }

    /**
     * {@code points} evenly spaced x on [minX, maxX] with y = target(x), plus Gaussian noise of
     * standard deviation {@code noise} drawn from {@code seed}.
     */
    public static Dataset generate(TargetFunction target, int points, double minX, double maxX,
                                   double noise, long seed) {
        return generate(new Recipe(target, points, minX, maxX, noise, seed));
    }

    /**
     * The points of {@code recipe}.
     *
     * @throws IllegalArgumentException if the x range or the target's values there do not fit in
     *                                  a float (e.g. square on [0, 1e20])
     */
    public static Dataset generate(Recipe recipe) {
        int points = recipe.points();
        double minX = recipe.minX();
        double maxX = recipe.maxX();
        double noise = recipe.noise();
        float[] xs = new float[points];
        float[] ys = new float[points];
        SplittableRandom random = new SplittableRandom(recipe.seed() ^ 0x5EEDDA7AL);
        for (int i = 0; i < points; i++) {
            double xi = minX + (maxX - minX) * i / (points - 1);
            xs[i] = (float) xi;
            ys[i] = (float) (recipe.target().apply(xi) + (noise > 0 ? noise * random.nextGaussian() : 0));
            if (!Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                throw new IllegalArgumentException(recipe.target().id() + " on [" + Setting.format(minX)
                        + ", " + Setting.format(maxX) + "] gives values too large for the network ("
                        + "beyond ±3.4e38 at x = " + Setting.format(xi) + "); use a smaller x range");
            }
        }
        String text = recipe.target().displayName() + (noise > 0 ? " + noise " + noise : "");
        return new Dataset(xs, ys, text, recipe.target(), noise, recipe);
    }

    /** How these points were generated; empty for points loaded from a file, edited or clicked. */
    public java.util.Optional<Recipe> recipe() {
        return java.util.Optional.ofNullable(recipe);
    }

    /** The classic experiment's data: 1000 points of sin(x), evenly spaced on [−2π, 2π]. */
    public static Dataset classic() {
        return generate(TargetFunction.byId(Setting.TARGET.defaultText()).orElseThrow(),
                Setting.POINTS.defaultInt(), DEFAULT_MIN_X, DEFAULT_MAX_X, Setting.NOISE.defaultValue(),
                Setting.NOISE_SEED.defaultLong());
    }

    public int size() {
        return x.length;
    }

    public float[] x() {
        return x;
    }

    public float[] y() {
        return y;
    }

    private static boolean isSortedAndDense(float[] xs) {
        if (xs.length < GRID_POINTS || xs.length > 4 * GRID_POINTS) {
            return false;
        }
        for (int i = 1; i < xs.length; i++) {
            if (!(xs[i] > xs[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Increasing x over the data's range at which the fitted curves are drawn: the training x
     * themselves when they are sorted and there are 400–1600 of them, else 400 evenly spaced x.
     */
    public float[] gridX() {
        return gridX;
    }

    public double minX() {
        return minX;
    }

    public double maxX() {
        return maxX;
    }

    /** The noise-free function the points sample, if known. */
    public java.util.Optional<TargetFunction> target() {
        return java.util.Optional.ofNullable(target);
    }

    /** Standard deviation of the noise on y (0 for noise-free or loaded data). */
    public double noise() {
        return noise;
    }

    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset d && Arrays.equals(x, d.x) && Arrays.equals(y, d.y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
    }
}
