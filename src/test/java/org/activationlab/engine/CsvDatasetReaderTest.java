package org.activationlab.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvDatasetReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private DataFileException rejected(String name, String content) throws IOException {
        Path file = write(name, content);
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDatasetReader.read(file));
        assertTrue(e.getMessage().contains(name), "message should name the file: " + e.getMessage());
        return e;
    }

    private static void assertNamesLine(DataFileException e, int line) {
        assertTrue(e.getMessage().contains("line " + line + ":"),
                "message should name line " + line + ": " + e.getMessage());
    }

    @Test
    void readsPlainPairs() throws Exception {
        Dataset d = CsvDatasetReader.read(write("plain.csv", "0,1\n1.5,-2\n-3e-1, 4.25 \n"));
        assertArrayEquals(new float[] {0f, 1.5f, -0.3f}, d.x());
        assertArrayEquals(new float[] {1f, -2f, 4.25f}, d.y());
        assertEquals("plain.csv", d.description());
    }

    @Test
    void skipsAHeaderLine() throws Exception {
        Dataset d = CsvDatasetReader.read(write("header.csv", "x,y\n1,2\n3,4\n"));
        assertArrayEquals(new float[] {1f, 3f}, d.x());
        assertArrayEquals(new float[] {2f, 4f}, d.y());
        Dataset quoted = CsvDatasetReader.read(write("quoted.csv", "\"time\",\"value\"\n\"1\",\"2\"\n3,4\n"));
        assertArrayEquals(new float[] {1f, 3f}, quoted.x());
        Dataset bom = CsvDatasetReader.read(write("bom.csv", "\uFEFFx,y\r\n1,2\r\n3,4\r\n"));
        assertArrayEquals(new float[] {2f, 4f}, bom.y());
    }

    @Test
    void readsSemicolonsAndTabs() throws Exception {
        Dataset d = CsvDatasetReader.read(write("semi.csv", "x;y\n1;2\n3;4\n5\t6\n"));
        assertArrayEquals(new float[] {1f, 3f, 5f}, d.x());
        assertArrayEquals(new float[] {2f, 4f, 6f}, d.y());
    }

    @Test
    void ignoresCommentsAndBlankLines() throws Exception {
        Dataset d = CsvDatasetReader.read(write("comments.csv",
                "# measured on Monday\n\nx,y\n   \n1,2\n# a comment between rows\n3,4\n\n"));
        assertArrayEquals(new float[] {1f, 3f}, d.x());
        assertArrayEquals(new float[] {2f, 4f}, d.y());
    }

    @Test
    void readsFromAReader() throws Exception {
        Dataset d = CsvDatasetReader.read(new StringReader("1,2\n3,4"), "pasted");
        assertEquals(2, d.size());
        assertEquals("pasted", d.description());
    }

    @Test
    void rejectsAMissingColumnNamingTheLine() throws Exception {
        assertNamesLine(rejected("missing.csv", "x,y\n1,2\n3\n5,6\n"), 3);
        assertNamesLine(rejected("empty-cell.csv", "1,2\n3,\n5,6\n"), 2);
    }

    @Test
    void rejectsANonNumberNamingTheLine() throws Exception {
        DataFileException e = rejected("word.csv", "x,y\n1,2\n3,four\n");
        assertNamesLine(e, 3);
        assertTrue(e.getMessage().contains("four"), e.getMessage());
        // a second text line is not a header
        assertNamesLine(rejected("two-headers.csv", "x,y\nx,y\n1,2\n3,4\n"), 2);
        assertNamesLine(rejected("late-header.csv", "1,2\nx,y\n3,4\n"), 2);
    }

    @Test
    void rejectsNaNAndInfinityNamingTheLine() throws Exception {
        assertNamesLine(rejected("nan.csv", "1,2\n3,NaN\n"), 2);
        assertNamesLine(rejected("nan-x.csv", "x,y\n1,2\n3,4\nNaN,5\n"), 4);
        assertNamesLine(rejected("inf.csv", "1,2\n3,4\n-Infinity,1\n"), 3);
        assertNamesLine(rejected("overflow.csv", "1,2\n3,1e60\n"), 2);
    }

    @Test
    void rejectsFewerThanTwoRows() throws Exception {
        DataFileException one = rejected("one.csv", "x,y\n1,2\n");
        assertTrue(one.getMessage().contains("found 1"), one.getMessage());
        DataFileException none = rejected("none.csv", "# nothing here\n\n");
        assertTrue(none.getMessage().contains("found 0"), none.getMessage());
        rejected("header-only.csv", "x,y\n");
        rejected("zero-bytes.csv", "");
    }

    @Test
    void rejectsTooManyRowsNamingTheFirstLineTooMany() throws Exception {
        StringBuilder sb = new StringBuilder("x,y\n");
        for (int i = 0; i <= Dataset.MAX_POINTS; i++) {
            sb.append(i).append(',').append(i % 7).append('\n');
        }
        DataFileException e = rejected("huge.csv", sb.toString());
        assertNamesLine(e, Dataset.MAX_POINTS + 2); // header + MAX_POINTS rows, then one more
        assertTrue(e.getMessage().contains(String.valueOf(Dataset.MAX_POINTS)), e.getMessage());

        // exactly MAX_POINTS rows is fine
        StringBuilder ok = new StringBuilder();
        for (int i = 0; i < Dataset.MAX_POINTS; i++) {
            ok.append(i).append(',').append(i % 7).append('\n');
        }
        Dataset d = CsvDatasetReader.read(write("max.csv", ok.toString()));
        assertEquals(Dataset.MAX_POINTS, d.size());
        assertEquals(Dataset.MAX_POINTS - 1, d.x()[Dataset.MAX_POINTS - 1]);
    }

    @Test
    void rejectsAMissingFile() {
        Path file = dir.resolve("does-not-exist.csv");
        DataFileException e = assertThrows(DataFileException.class, () -> CsvDatasetReader.read(file));
        assertTrue(e.getMessage().contains("does-not-exist.csv"), e.getMessage());
    }

    @Test
    void rejectsAFileThatIsNotText() throws Exception {
        Path file = dir.resolve("binary.csv");
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, (byte) 0xC3, 0x28});
        assertThrows(DataFileException.class, () -> CsvDatasetReader.read(file));
    }

    /**
     * Spreadsheets in most of Europe write semicolon-separated files with decimal commas. Such a
     * line must not be read as something else without a word: either 1.5 and 2.5, or an error.
     */
    @Test
    void doesNotSilentlyMisreadDecimalCommas() throws Exception {
        Path file = write("european.csv", "x;y\n1,5;2,5\n3,25;-4,75\n");
        Dataset d;
        try {
            d = CsvDatasetReader.read(file);
        } catch (DataFileException e) {
            assertNamesLine(e, 2);
            return; // rejecting the file is fine
        }
        assertArrayEquals(new float[] {1.5f, 3.25f}, d.x(), "decimal commas misread");
        assertArrayEquals(new float[] {2.5f, -4.75f}, d.y(), "decimal commas misread");
    }

    /** Counts reads, to show that checking a cell reads each character a bounded number of times. */
    private static final class CountingText implements CharSequence {
        private final String text;
        long reads;

        CountingText(String text) {
            this.text = text;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            reads++;
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingText(text.substring(start, end));
        }

        @Override
        public String toString() {
            return text;
        }
    }

    @Test
    void checkingANumberReadsEachCharacterOnce() {
        // The regular expression it replaces backtracked: a 50 000-digit cell took 18 s to refuse.
        int n = 20_000;
        for (String cell : new String[] {"1".repeat(n) + "x", "1".repeat(n) + ".", "-" + "1".repeat(n) + "e",
                "1".repeat(n) + "." + "2".repeat(n) + "e+" + "3".repeat(n) + "x"}) {
            CountingText text = new CountingText(cell);
            CsvDatasetReader.isDecimal(text);
            assertTrue(text.reads <= 2L * cell.length() + 4, cell.length() + " characters read " + text.reads + " times");
        }
        assertTrue(CsvDatasetReader.isDecimal("-1.5e-3"));
        assertTrue(CsvDatasetReader.isDecimal(".5"));
        assertTrue(CsvDatasetReader.isDecimal("5."));
        for (String bad : new String[] {"", "+", ".", "1e", "1e+", "e5", "1.2.3", "0x10", "1d", " 1", "1 "}) {
            org.junit.jupiter.api.Assertions.assertFalse(CsvDatasetReader.isDecimal(bad), bad);
        }
    }

    @Test
    void aMegabyteCellIsRefusedNamingAShortenedValue() {
        String cell = "1".repeat(1 << 20) + "x";
        DataFileException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> assertThrows(DataFileException.class, () -> CsvDatasetReader.read(
                        new StringReader("0,0\n1," + cell + "\n"), "big.csv")));
        assertEquals("big.csv line 2: '" + "1".repeat(60) + "…' is not a number", e.getMessage());
    }

    @Test
    void devicesAndPipesAreRefused(@TempDir Path dir) throws Exception {
        DataFileException zero = assertThrows(DataFileException.class, () -> CsvDatasetReader.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: not a regular file (a device, a named pipe or a socket)", zero.getMessage());
        Path pipe = dir.resolve("p.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> assertThrows(DataFileException.class, () -> CsvDatasetReader.read(pipe)));
    }
}
