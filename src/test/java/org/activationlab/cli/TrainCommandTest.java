package org.activationlab.cli;

import org.activationlab.engine.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {

    private static final Pattern FINAL = Pattern.compile("final (\\S+) mse=(\\S+)");

    @TempDir
    Path dir;

    /** The lines {@code final <model> mse=<value>}, in order, as model → value. */
    private static Map<String, Double> finals(Cli.Result result) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (String line : result.outLines()) {
            Matcher m = FINAL.matcher(line);
            if (line.startsWith("final")) {
                assertTrue(m.matches(), "malformed final line: " + line);
                assertTrue(m.group(2).equals("NaN") || m.group(2).matches("\\d+\\.\\d{6}"),
                        "6 decimals expected: " + line);
                map.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        return map;
    }

    /** MSE of the least-squares line y = a + b·x, in closed form. */
    private static double leastSquaresMse(Dataset data) {
        float[] x = data.x();
        float[] y = data.y();
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double b = sxy / sxx;
        double a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (a + b * x[i]);
            sse += r * r;
        }
        return sse / n;
    }

    @Test
    void seedExperimentReluFitsAndLinearMatchesTheLeastSquaresLine() {
        Cli.Result result = Cli.run("train", "--epochs", "100", "--quiet");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertEquals(2, result.outLines().size(), "--quiet prints only the final lines:\n" + result.out());
        Map<String, Double> mse = finals(result);
        assertEquals(List.of("relu", "linear"), List.copyOf(mse.keySet()));
        assertTrue(mse.get("relu") < 0.01, "relu mse " + mse.get("relu"));
        double line = leastSquaresMse(Dataset.classic());
        assertTrue(Math.abs(mse.get("linear") - line) <= 0.01 * line,
                "linear mse " + mse.get("linear") + " vs least squares " + line);
    }

    @Test
    void sameCommandTwicePrintsIdenticalOutput() {
        String[] args = {"train", "--epochs", "4", "--compare", "tanh,linear", "--seed", "7",
                "--noise", "0.1", "--points", "300", "--width", "16"};
        Cli.Result first = Cli.run(args);
        Cli.Result second = Cli.run(args);

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertEquals(List.of("relu", "tanh", "linear"), List.copyOf(finals(first).keySet()));
        assertTrue(first.out().contains("Epoch 4/4 - relu: mse="), first.out());
    }

    @Test
    void progressIsPrintedAboutEveryTenthOfALongRun() {
        Cli.Result result = Cli.run("train", "--epochs", "30", "--points", "64", "--width", "8");

        assertEquals(0, result.exitCode(), result.err());
        List<String> epochs = result.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        assertEquals(List.of(1, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30),
                epochs.stream().map(l -> Integer.parseInt(l.substring(6, l.indexOf('/')))).toList());
        assertTrue(epochs.get(0).matches("Epoch 1/30 - relu: mse=\\S+ - linear: mse=\\S+"), epochs.get(0));
    }

    @Test
    void csvAndPredictionFilesHaveOneRowPerEpochAndModelAndPerPoint() throws IOException {
        Path csv = dir.resolve("stats.csv");
        Path predictions = dir.resolve("pred.csv");
        Cli.Result result = Cli.run("train", "--epochs", "3", "--quiet", "--csv", csv.toString(),
                "--predictions", predictions.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("epoch,model,activation,model_epoch,measured,train_loss,mse,grad_norm_1,grad_norm_2,"
                + "grad_norm_3,dead_fraction", rows.get(0));
        assertEquals(1 + 4 * 2, rows.size(), "epochs 0–3 of two models");
        for (int i = 1; i < rows.size(); i++) {
            String[] cells = rows.get(i).split(",", -1);
            assertEquals(11, cells.length, rows.get(i));
            int epoch = (i - 1) / 2;
            assertEquals(String.valueOf(epoch), cells[0]);
            assertEquals(i % 2 == 1 ? "relu" : "linear", cells[1]);
            assertEquals(cells[1], cells[2]);
            assertEquals(String.valueOf(epoch), cells[3]);
            assertEquals("1", cells[4], "every epoch measured");
            assertEquals(epoch == 0, cells[5].isEmpty(), "no training loss before training");
            for (int c = epoch == 0 ? 6 : 5; c < cells.length; c++) {
                assertTrue(Double.isFinite(Double.parseDouble(cells[c])), rows.get(i));
            }
        }
        // The last epoch's mse in the file (a float, as the window's history keeps it) is the
        // one on the final lines (6 decimals).
        Map<String, Double> finals = finals(result);
        assertEquals(finals.get("relu"), Double.parseDouble(rows.get(7).split(",")[6]), 1e-6);
        assertEquals(finals.get("linear"), Double.parseDouble(rows.get(8).split(",")[6]), 1e-6);

        List<String> points = Files.readAllLines(predictions);
        assertEquals("x,target,relu,linear", points.get(0));
        assertEquals(1 + 1000, points.size());
        Dataset data = Dataset.classic();
        double squaredError = 0;
        for (int i = 1; i < points.size(); i++) {
            String[] cells = points.get(i).split(",", -1);
            assertEquals(4, cells.length);
            assertEquals(data.x()[i - 1], Float.parseFloat(cells[0]));
            assertEquals(data.y()[i - 1], Float.parseFloat(cells[1]));
            double d = Double.parseDouble(cells[3]) - Double.parseDouble(cells[1]);
            squaredError += d * d;
        }
        assertEquals(finals.get("linear"), squaredError / 1000, 1e-5);
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void csvHasAGradientColumnPerDenseLayerAndNamesRepeatedModels() throws IOException {
        Path csv = dir.resolve("stats.csv");
        Files.writeString(csv, "old content that is replaced\n");
        Cli.Result result = Cli.run("train", "--epochs", "1", "--depth", "1", "--width", "8",
                "--points", "50", "--compare", "linear,relu", "--csv", csv.toString());

        assertEquals(0, result.exitCode(), result.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("epoch,model,activation,model_epoch,measured,train_loss,mse,grad_norm_1,grad_norm_2,"
                + "dead_fraction", rows.get(0));
        assertEquals(List.of("1,relu,relu", "1,linear,linear", "1,relu#2,relu"),
                rows.subList(4, 7).stream()
                        .map(r -> String.join(",", Arrays.copyOf(r.split(","), 3))).toList());
        assertEquals(List.of("relu", "linear", "relu#2"), List.copyOf(finals(result).keySet()));
    }

    @Test
    void trainsOnADataFile() throws IOException {
        Path data = dir.resolve("points.csv");
        StringBuilder sb = new StringBuilder("x,y\n# a comment\n");
        for (int i = 0; i < 40; i++) {
            double x = -2 + 4.0 * i / 39;
            sb.append(x).append(',').append(x * x).append('\n');
        }
        Files.writeString(data, sb);
        Path predictions = dir.resolve("p.csv");
        Cli.Result result = Cli.run("train", "--data", data.toString(), "--epochs", "2", "--compare",
                "none", "--predictions", predictions.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("Training relu on 40 points from " + data), result.out());
        assertEquals(List.of("relu"), List.copyOf(finals(result).keySet()));
        assertEquals(41, Files.readAllLines(predictions).size());
        assertEquals("x,target,relu", Files.readAllLines(predictions).get(0));
    }

    @Test
    void divergenceIsReportedWithItsEpochAndExitCode3() {
        Cli.Result result = Cli.run("train", "--optimizer", "sgd", "--lr", "10", "--epochs", "2",
                "--quiet", "--compare", "none");

        assertEquals(3, result.exitCode(), result.out() + result.err());
        assertEquals(List.of("final relu mse=NaN"), result.outLines());
        assertEquals(List.of("model relu diverged at epoch 1 (loss became NaN); it stopped training"),
                result.errLines());
    }

    /** The progress lines write MSE by the one rule (issue 9 item 9); the final line stays %.6f. */
    @Test
    void progressLinesUseTheOneMseFormat() {
        Cli.Result result = Cli.run("train", "--epochs", "3");

        assertEquals(0, result.exitCode(), result.out() + result.err());
        List<String> epochs = result.outLines().stream().filter(l -> l.startsWith("Epoch ")).toList();
        for (String line : epochs) {
            assertTrue(line.matches("Epoch \\d+/3( - \\S+: mse=(\\d\\.\\d\\de-\\d+|0\\.0*[1-9]\\d{2}|[1-9][\\d.]*|diverged))+"),
                    line);
        }
        assertTrue(result.outLines().stream().anyMatch(l -> l.matches("final relu mse=\\d+\\.\\d{6}")),
                result.out());
    }
}
