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
import org.w3c.dom.Node;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code export-gif}: a looping animation, one frame per epoch, each the picture export-png draws. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExportGifCommandTest {

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

    private Path experiment() {
        ExperimentConfig config = ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 100, Dataset.DEFAULT_MIN_X, Dataset.DEFAULT_MAX_X, 0, 0))
                .withNetwork(new NetworkSpec(1, 16, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0))
                .withEpochLimit(4);
        Path file = dir.resolve("small.json");
        ExperimentFile.write(file, ExperimentFile.Contents.of(config));
        return file;
    }

    /** The frames as a viewer shows them: each drawn over the previous (disposal "doNotDispose"). */
    private static List<BufferedImage> composited(ImageReader reader) throws IOException {
        int n = reader.getNumImages(true);
        BufferedImage canvas = null;
        List<BufferedImage> frames = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage frame = reader.read(i);
            if (canvas == null) {
                canvas = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
            }
            for (int y = 0; y < frame.getHeight(); y++) {
                for (int x = 0; x < frame.getWidth(); x++) {
                    int argb = frame.getRGB(x, y);
                    if ((argb >>> 24) != 0) {
                        canvas.setRGB(x, y, argb);
                    }
                }
            }
            BufferedImage copy = new BufferedImage(canvas.getWidth(), canvas.getHeight(), BufferedImage.TYPE_INT_RGB);
            copy.getGraphics().drawImage(canvas, 0, 0, null);
            frames.add(copy);
        }
        return frames;
    }

    private static IIOMetadataNode find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return (IIOMetadataNode) node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            IIOMetadataNode found = find(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    @Test
    void oneLoopingFramePerEpochAndTheLastFrameIsWhatExportPngDraws() throws IOException {
        Path gif = dir.resolve("run.gif");
        Result result = run("export-gif", experiment().toString(), "--out", gif.toString(), "--fps", "20",
                "--width", "400", "--height", "250");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("wrote " + gif + ": 4 frames of 400×250 pixels at 20 fps"), result.out());

        List<BufferedImage> frames;
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(4, reader.getNumImages(true));
            IIOMetadata first = reader.getImageMetadata(0);
            Node tree = first.getAsTree(first.getNativeMetadataFormatName());
            IIOMetadataNode loop = find(tree, "ApplicationExtension");
            assertNotNull(loop, "no looping extension");
            assertEquals("NETSCAPE", loop.getAttribute("applicationID"));
            byte[] data = (byte[]) loop.getUserObject();
            assertEquals(0, (data[1] & 0xff) | (data[2] & 0xff) << 8, "loop count 0 = for ever");
            IIOMetadataNode control = find(tree, "GraphicControlExtension");
            assertEquals("5", control.getAttribute("delayTime"), "20 fps = 5/100 s");
            frames = composited(reader);
        }
        // The frames differ: the network learns.
        assertFalse(same(frames.get(0), frames.get(3), 0) > 0.999, "the first and last frame are the same");

        Path png = dir.resolve("last.png");
        Result still = run("export-png", experiment().toString(), "--out", png.toString(), "--epochs", "4",
                "--width", "400", "--height", "250");
        assertEquals(0, still.exitCode(), still.err());
        BufferedImage expected = ImageIO.read(png.toFile());
        double share = same(expected, frames.get(3), 40);
        assertTrue(share > 0.98, "the last frame matches export-png's picture at " + share);
    }

    /** The share of pixels whose channels all differ by at most {@code tolerance}. */
    private static double same(BufferedImage a, BufferedImage b, int tolerance) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) <= tolerance
                        && Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)) <= tolerance
                        && Math.abs((p & 0xff) - (q & 0xff)) <= tolerance) {
                    n++;
                }
            }
        }
        return n / (double) (a.getWidth() * a.getHeight());
    }

    @Test
    void badInputIsOneErrorLineWithExitCode2AndNoFile() {
        Path gif = dir.resolve("never.gif");
        Result fps = run("export-gif", experiment().toString(), "--out", gif.toString(), "--fps", "0");
        assertEquals(2, fps.exitCode());
        assertEquals(List.of("error: --fps must be in [1, 50], got 0.0"), fps.err().lines().toList());
        Result epochs = run("export-gif", experiment().toString(), "--out", gif.toString(), "--epochs", "0");
        assertEquals(2, epochs.exitCode());
        assertEquals(List.of("error: --epochs must be 1–2000, got 0"), epochs.err().lines().toList());
        Result missing = run("export-gif", dir.resolve("nope.json").toString(), "--out", gif.toString());
        assertEquals(2, missing.exitCode());
        Result noDir = run("export-gif", experiment().toString(), "--out", dir.resolve("no/such/x.gif").toString());
        assertEquals(2, noDir.exitCode());
        assertTrue(noDir.err().startsWith("error: cannot write --out "), noDir.err());
        assertFalse(Files.exists(gif));
        Path input = experiment();
        Result overInput = run("export-gif", input.toString(), "--out", input.toString());
        assertEquals(2, overInput.exitCode());
        assertTrue(overInput.err().contains("is the experiment file"), overInput.err());
    }
}
