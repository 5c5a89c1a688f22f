package org.activationlab.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads x,y pairs from a CSV file: one pair per line, comma- (or semicolon-) separated, an
 * optional header line, blank lines and lines starting with {@code #} ignored. Anything else that
 * is not two finite numbers is rejected with a message naming the line.
 */
public final class CsvDatasetReader {

    /** Far above the largest real file (100 000 rows of two numbers are a few MB). */
    public static final long MAX_BYTES = 64L << 20;

    private CsvDatasetReader() {
    }

    public static Dataset read(Path file) throws DataFileException {
        try {
            InputFiles.checkRegular(file, MAX_BYTES, "training data");
        } catch (InputFiles.InputFileException e) {
            throw new DataFileException(file + ": " + e.getMessage(), e);
        }
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(
                new java.io.BufferedInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8.newDecoder()))) {
            return read(reader, file.getFileName().toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DataFileException(file + ": no such file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new DataFileException(file + ": permission denied");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataFileException(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            throw new DataFileException(file + ": cannot be read (" + InputFiles.reason(e) + ")", e);
        }
    }

    /** Reads from {@code source}; {@code name} is used in messages. */
    public static Dataset read(Reader source, String name) throws IOException, DataFileException {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        float[] xs = new float[256];
        float[] ys = new float[256];
        int count = 0;
        int lineNumber = 0;
        boolean seenData = false;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (lineNumber == 1 && trimmed.startsWith("\uFEFF")) {
                trimmed = trimmed.substring(1);
            }
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = split(trimmed);
            if (cells.length != 2) {
                throw new DataFileException(name + " line " + lineNumber
                        + ": expected two columns x,y but found " + cells.length);
            }
            Float xv = parse(cells[0]);
            Float yv = parse(cells[1]);
            if (xv == null || yv == null) {
                if (!seenData && count == 0 && xv == null && yv == null) {
                    seenData = true; // the header line
                    continue;
                }
                String bad = xv == null ? cells[0].strip() : cells[1].strip();
                throw new DataFileException(name + " line " + lineNumber + ": '" + Echo.of(bad)
                        + "' is not a number");
            }
            if (!Float.isFinite(xv) || !Float.isFinite(yv)) {
                throw new DataFileException(name + " line " + lineNumber
                        + ": values must be finite numbers (no NaN or infinity)");
            }
            seenData = true;
            if (count == Dataset.MAX_POINTS) {
                throw new DataFileException(name + " line " + lineNumber + ": too many rows (at most "
                        + Dataset.MAX_POINTS + ")");
            }
            if (count == xs.length) {
                xs = java.util.Arrays.copyOf(xs, count * 2);
                ys = java.util.Arrays.copyOf(ys, count * 2);
            }
            xs[count] = xv;
            ys[count] = yv;
            count++;
        }
        if (count < Dataset.MIN_POINTS) {
            throw new DataFileException(name + ": needs at least " + Dataset.MIN_POINTS
                    + " rows of x,y, found " + count);
        }
        return new Dataset(java.util.Arrays.copyOf(xs, count), java.util.Arrays.copyOf(ys, count),
                name);
    }

    /**
     * Splits on tabs or semicolons if the line has them — then a comma is a decimal comma, as
     * spreadsheets in many locales write "1,5;2,5" — and on commas otherwise.
     */
    static String[] split(String line) {
        if (line.indexOf('\t') >= 0) {
            return decimalCommas(line.split("\t", -1));
        }
        if (line.indexOf(';') >= 0) {
            return decimalCommas(line.split(";", -1));
        }
        return line.split(",", -1);
    }

    private static String[] decimalCommas(String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].replace(',', '.');
        }
        return cells;
    }

    private static Float parse(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        // Plain decimal numbers only: Java would also take "1d", "0x1p3" or "NaN" as numbers.
        if (!isDecimal(s)) {
            return s.equalsIgnoreCase("nan") || s.matches("[+-]?(?i)inf(inity)?") ? Float.NaN : null;
        }
        return Float.parseFloat(s);
    }

    /**
     * Whether {@code s} is a plain decimal number, {@code [+-]?(d+.?d*|.d+)([eE][+-]?d+)?}, checked
     * in one pass over the text (a regular expression for it backtracks quadratically on a long
     * run of digits: 18 s for a 50 000-digit cell).
     */
    static boolean isDecimal(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            intDigits++;
        }
        int fractionDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                fractionDigits++;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
