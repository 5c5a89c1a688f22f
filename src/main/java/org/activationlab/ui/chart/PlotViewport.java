package org.activationlab.ui.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data coordinates to pixels inside a plot area, linearly on x and linearly or
 * logarithmically on y, and chooses axis ticks. A plain class with no JavaFX in it, so the
 * mapping is tested on its own.
 */
public record PlotViewport(double left, double top, double width, double height,
                           double minX, double maxX, double minY, double maxY, boolean logY) {

    /**
     * @param left, top, width, height the plot area in pixels (y grows downwards)
     * @param logY whether y is drawn on a base-10 log scale (then minY and maxY must be > 0)
     */
    public PlotViewport {
        if (!(maxX > minX) || !(maxY > minY)) {
            throw new IllegalArgumentException("empty data range");
        }
        if (logY && !(minY > 0)) {
            throw new IllegalArgumentException("a log axis needs minY > 0");
        }
        width = Math.max(width, 1);
        height = Math.max(height, 1);
    }

    public double right() {
        return left + width;
    }

    public double bottom() {
        return top + height;
    }

    public boolean isLogY() {
        return logY;
    }

    public double pixelX(double x) {
        return left + (x - minX) / (maxX - minX) * width;
    }

    /** Pixel row of y; on a log axis values ≤ 0 map below the plot area. */
    public double pixelY(double y) {
        double t;
        if (logY) {
            t = y > 0 ? (Math.log10(y) - Math.log10(minY)) / (Math.log10(maxY) - Math.log10(minY))
                    : -1;
        } else {
            t = (y - minY) / (maxY - minY);
        }
        return top + (1 - t) * height;
    }

    public double dataX(double pixelX) {
        return minX + (pixelX - left) / width * (maxX - minX);
    }

    public double dataY(double pixelY) {
        double t = 1 - (pixelY - top) / height;
        if (logY) {
            return Math.pow(10, Math.log10(minY) + t * (Math.log10(maxY) - Math.log10(minY)));
        }
        return minY + t * (maxY - minY);
    }

    /** Clamps a pixel row into the plot area (for values far off-scale). */
    public double clampPixelY(double py) {
        return Math.max(top - 2, Math.min(bottom() + 2, py));
    }

    /**
     * The end of an epoch axis that grows with a run without a limit: at least 10, else
     * {@code epoch} rounded up to a multiple of a round step (1, 2 or 5 × 10ⁿ) of at most a fifth
     * of it. The axis thus changes every 10–20 % of growth, not every epoch, and what is drawn
     * under the curves (grid, labels, switch markers) is redrawn that rarely.
     */
    public static int epochAxisEnd(int epoch) {
        if (epoch <= 10) {
            return 10;
        }
        long step = 1;
        while (step * 10 <= epoch / 5) {
            step *= 10;
        }
        if (step * 5 <= epoch / 5) {
            step *= 5;
        } else if (step * 2 <= epoch / 5) {
            step *= 2;
        }
        return (int) Math.min(Integer.MAX_VALUE, (epoch + step - 1) / step * step);
    }

    /** An axis tick: its data value and its label. */
    public record Tick(double value, String label) {
    }

    /** Ticks at multiples of π/2 labelled "−2π", "−3π/2", …, with only whole multiples labelled if dense. */
    public static List<Tick> piTicks(double min, double max, boolean halves) {
        List<Tick> ticks = new ArrayList<>();
        double step = halves ? Math.PI / 2 : Math.PI;
        long first = (long) Math.ceil(min / step - 1e-9);
        long last = (long) Math.floor(max / step + 1e-9);
        for (long k = first; k <= last; k++) {
            ticks.add(new Tick(k * step, piLabel(halves ? k : 2 * k, 2)));
        }
        return ticks;
    }

    /** The label of (numerator/denominator)·π, e.g. "−2π", "π/2", "0". */
    static String piLabel(long numerator, long denominator) {
        if (numerator == 0) {
            return "0";
        }
        long g = gcd(Math.abs(numerator), denominator);
        long n = numerator / g;
        long d = denominator / g;
        String sign = n < 0 ? "−" : "";
        long a = Math.abs(n);
        String head = a == 1 ? "π" : a + "π";
        return sign + head + (d == 1 ? "" : "/" + d);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** About {@code target} "nice" linear ticks (1, 2, 5 × 10ⁿ steps) covering [min, max]. */
    public static List<Tick> linearTicks(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        List<Tick> ticks = new ArrayList<>();
        double first = Math.ceil(min / step - 1e-9) * step;
        for (double v = first; v <= max + step * 1e-9; v += step) {
            double clean = Math.abs(v) < step * 1e-9 ? 0 : v;
            ticks.add(new Tick(clean, format(clean, step)));
        }
        return ticks;
    }

    /** Ticks at the powers of ten within [min, max] (min > 0), labelled "1e-3" etc. */
    public static List<Tick> logTicks(double min, double max) {
        List<Tick> ticks = new ArrayList<>();
        int first = (int) Math.ceil(Math.log10(min) - 1e-9);
        int last = (int) Math.floor(Math.log10(max) + 1e-9);
        for (int e = first; e <= last; e++) {
            String label = e == 0 ? "1" : e == 1 ? "10" : "1e" + (e < 0 ? "−" + (-e) : String.valueOf(e));
            ticks.add(new Tick(Math.pow(10, e), label));
        }
        return ticks;
    }

    private static String format(double v, double step) {
        String s;
        if (step >= 1) {
            s = String.valueOf(Math.round(v));
        } else {
            int decimals = (int) Math.ceil(-Math.log10(step) - 1e-9);
            s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", v);
        }
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }
}
