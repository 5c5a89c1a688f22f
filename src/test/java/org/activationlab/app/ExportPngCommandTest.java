package org.activationlab.app;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export-png}: a saved experiment drawn headless to a PNG of the requested size. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExportPngCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine commandLine = Launcher.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A small experiment that trains in a blink: ReLU against Linear on 100 points, 1 → 16 → 1. */
    private Path experiment() {
        ExperimentConfig config = ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 100, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withNetwork(new NetworkSpec(1, 16, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0))
                .withEpochLimit(3);
        Path file = dir.resolve("small.json");
        ExperimentFile.write(file, ExperimentFile.Contents.of(config));
        return file;
    }

    /** Pixels close to the light theme's true-curve colour #2b2b2b. */
    private static int darkCurvePixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - 0x2b) < 12 && Math.abs(g - 0x2b) < 12 && Math.abs(b - 0x2b) < 12) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    void theFitChartIsDrawnAtTheRequestedSizeTimesTheScale() throws IOException {
        Path png = dir.resolve("chart.png");
        Result result = run("export-png", experiment().toString(), "--out", png.toString(),
                "--width", "400", "--height", "300", "--scale", "2");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("wrote " + png + ": 800×600 pixels, fit chart after 3 epochs", result.out().strip());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());
        // the true curve, 3 px wide at 1× and so about 6 at 2×, runs across the chart
        assertTrue(darkCurvePixels(image) > 3 * 800, "true curve pixels: " + darkCurvePixels(image));
    }

    @Test
    void theWholeWindowCanBeDrawnUntrained() throws IOException {
        Path png = dir.resolve("window.png");
        Result result = run("export-png", experiment().toString(), "--out", png.toString(), "--window",
                "--epochs", "0", "--width", "1024", "--height", "640");

        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1024, image.getWidth());
        assertEquals(640, image.getHeight());
        assertTrue(result.out().contains("window after 0 epochs"), result.out());
    }

    @Test
    void badInputIsOneErrorLineWithExitCode2AndNoImage() throws IOException {
        Path png = dir.resolve("never.png");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(experiment()).replace("\"width\": 16", "\"width\": 513"));

        Result badFile = run("export-png", bad.toString(), "--out", png.toString());
        assertEquals(2, badFile.exitCode());
        assertEquals(List.of("error: " + bad + ": network.width must be 1–512, got 513"), badFile.err().lines().toList());

        Result truncated = run("export-png", writeCut(bad).toString(), "--out", png.toString());
        assertEquals(2, truncated.exitCode());
        assertTrue(truncated.err().startsWith("error: ") && truncated.err().contains("ends too early"), truncated.err());

        Result missing = run("export-png", dir.resolve("nope.json").toString(), "--out", png.toString());
        assertEquals(2, missing.exitCode());
        assertEquals(List.of("error: " + dir.resolve("nope.json") + ": no such file"), missing.err().lines().toList());

        Result scale = run("export-png", experiment().toString(), "--out", png.toString(), "--scale", "9");
        assertEquals(2, scale.exitCode());
        assertEquals(List.of("error: --scale must be in [0.5, 4], got 9.0"), scale.err().lines().toList());

        Result noOut = run("export-png", experiment().toString());
        assertEquals(2, noOut.exitCode());
        assertTrue(noOut.err().startsWith("error: missing required option: '--out=OUT.png'"), noOut.err());

        Result noDir = run("export-png", experiment().toString(), "--out", dir.resolve("no/such/dir.png").toString());
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().startsWith("error: cannot write --out "), noDir.err());
        assertFalse(Files.exists(png));
    }

    private Path writeCut(Path file) throws IOException {
        String text = Files.readString(file);
        Path cut = dir.resolve("cut.json");
        Files.writeString(cut, text.substring(0, text.length() / 2));
        return cut;
    }

    @Test
    void theInputIsNeverTheOutputAndSpecialFilesAreRefused() throws IOException {
        Path file = experiment();
        byte[] before = Files.readAllBytes(file);
        // This overwrote the experiment with a PNG and exited 0.
        Result same = run("export-png", file.toString(), "--out", file.toString());
        assertEquals(2, same.exitCode(), same.err());
        assertTrue(same.err().startsWith("error: --out " + file + " is the experiment file"), same.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
        Result zero = run("export-png", "/dev/zero", "--out", dir.resolve("z.png").toString());
        assertEquals(2, zero.exitCode(), zero.err());
        assertEquals("error: /dev/zero: not a regular file (a device, a named pipe or a socket)", zero.err().strip());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing else written, no temporary file left");
        }
    }

    @Test
    void pngsAreEncodedInMemoryWithoutImageIOsDiskCache() throws IOException {
        // The disk cache's closer printed a NullPointerException at exit on a full disk.
        ImageIO.setUseCache(true);
        Result r = run("export-png", experiment().toString(), "--out", dir.resolve("a.png").toString(),
                "--width", "200", "--height", "150");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(ImageIO.getUseCache());
    }
}
