package org.activationlab.cli;

import org.activationlab.engine.Activations;
import org.activationlab.engine.Dataset;
import org.activationlab.engine.Initializer;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.engine.TargetFunction;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.lesson.LessonCatalogue;
import org.activationlab.training.lesson.LessonLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzzing of every input kind, as a hostile user would: command lines, experiment files,
 * CSV files and lesson folders. For every case: exit 0, 2 or 3 only; no stack trace or internal
 * error; at most one error line, of bounded length; the inputs unchanged; no temporary file left.
 * A failing case prints its seed number and input, so it can be replayed.
 */
class FuzzTest {

    private static final long SEED = 20_261_129L;
    private static final int CASES = 250;
    private static final int MAX_LINE = 600;

    /** Values a hostile user types, for any option or field. */
    private static final String[] HOSTILE = {"", " ", "-1", "0", "1", "2", "1e400", "-1e400", "1e-400", "NaN",
            "Infinity", "-Infinity", "0e-99999999999", "1e-2147483649", "2147483648", "-2147483649",
            "9223372036854775808", "0x10", "1d", "1_000", "１", "abc", "relu", "none", "max", "@/dev/zero",
            "/dev/zero", "--", "-", "\"", "'", "\\", "\n", "ü€😀", "1,5", "9".repeat(5000), "x".repeat(100_000)};

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- command lines

    @Test
    void commandLines() throws Exception {
        Random random = new Random(SEED);
        Path data = dir.resolve("pts.csv");
        Files.writeString(data, "x,y\n0,0\n1,1\n2,4\n3,9\n");
        Path experiment = dir.resolve("e.json");
        ExperimentFile.write(experiment, ExperimentFile.Contents.of(small()));
        String[][] options = {
                {"--activation", "relu", "tanh", "leaky_relu", "prelu"}, {"--compare", "linear", "none", "relu,tanh", ",", "none,relu"},
                {"--epochs", "1", "2", "0", "1000001"}, {"--seed", "7", "-3"}, {"--lr", "0.01", "10", "1e-8", "11"},
                {"--batch", "1", "8", "1024", "1025"}, {"--width", "1", "4", "513"}, {"--depth", "1", "2", "9"},
                {"--optimizer", "sgd", "adam", "adamw"}, {"--init", "he", "glorot", "xavier"},
                {"--init-scale", "0.5", "100", "101"}, {"--bias-init", "-100", "0.5", "101"},
                {"--target", "abs", "square", "cos"}, {"--noise", "0.1", "10", "10.5"}, {"--points", "2", "20", "100001"},
                {"--data", data.toString(), "/dev/zero", dir.toString(), dir.resolve("missing.csv").toString()},
                {"--open", experiment.toString(), "/dev/zero", data.toString()},
                {"--csv", dir.resolve("o.csv").toString(), data.toString(), experiment.toString(), dir.toString()},
                {"--predictions", dir.resolve("p.csv").toString(), data.toString(), experiment.toString()},
                {"--save-experiment", dir.resolve("s.json").toString(), experiment.toString(), data.toString()},
                {"-q"}, {"--help"}, {"--version"}, {"--quiet"}, {"--no-such-option", "1"}};
        byte[] dataBytes = Files.readAllBytes(data);
        byte[] experimentBytes = Files.readAllBytes(experiment);
        for (int c = 0; c < CASES; c++) {
            // An output may overwrite a file that this run does not read; the next run starts afresh.
            Files.write(data, dataBytes);
            Files.write(experiment, experimentBytes);
            List<String> args = new ArrayList<>(List.of("train"));
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                String[] option = options[random.nextInt(options.length)];
                args.add(option[0]);
                if (option.length > 1 || random.nextInt(8) == 0) {
                    args.add(random.nextInt(4) == 0 || option.length == 1 ? pick(random, HOSTILE)
                            : option[1 + random.nextInt(option.length - 1)]);
                }
            }
            if (random.nextInt(20) == 0) {
                args.set(0, pick(random, new String[] {"bench", "activations", "nonsense", "@" + data}));
            }
            if (!args.contains("--epochs")) {
                args.addAll(List.of("--epochs", "1"));
            }
            // Keep every run small: the fuzz is about input handling, not training time.
            if (!args.contains("--width")) {
                args.addAll(List.of("--width", "4"));
            }
            if (!args.contains("--depth")) {
                args.addAll(List.of("--depth", "1"));
            }
            // Outputs stay in the temporary folder whatever value was drawn (a relative name would
            // land in the working directory, and a device must never be a target here).
            for (int i = 0; i + 1 < args.size(); i++) {
                if (List.of("--csv", "--predictions", "--save-experiment").contains(args.get(i))) {
                    String value = args.get(i + 1);
                    if (!value.startsWith(dir.toString())) {
                        args.set(i + 1, dir.resolve("out-" + value.replace("/", "_")).toString());
                    }
                }
            }
            if (args.get(0).equals("bench")) {
                args = new ArrayList<>(List.of("bench", "--repeat", pick(random, HOSTILE), "--epochs", "0"));
            }
            Map<Path, byte[]> inputs = new HashMap<>();
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--data") || args.get(i).equals("--open")) {
                    Path input = Path.of(args.get(i + 1).isEmpty() ? "." : args.get(i + 1));
                    if (input.equals(data) || input.equals(experiment)) {
                        inputs.put(input, Files.readAllBytes(input));
                    }
                }
            }
            check("command line " + c, args, inputs);
            // the outputs of a run are not inputs of the next
            for (String out : List.of("o.csv", "p.csv", "s.json")) {
                Files.deleteIfExists(dir.resolve(out));
            }
        }
    }

    // ---------------------------------------------------------------- experiment files

    @Test
    void experimentFiles() throws Exception {
        Random random = new Random(SEED + 1);
        String generated = ExperimentFile.toJson(ExperimentFile.Contents.of(small()));
        String points = ExperimentFile.toJson(ExperimentFile.Contents.of(small().withData(
                new Dataset(new float[] {0, 1, 2, 3}, new float[] {0, 1, 4, 9}, "four"))));
        Path file = dir.resolve("f.json");
        for (int c = 0; c < CASES; c++) {
            String json = mutate(random, random.nextBoolean() ? generated : points);
            Files.writeString(file, json, StandardCharsets.UTF_8);
            check("experiment file " + c, List.of("train", "--open", file.toString(), "--epochs", "1", "--width", "4",
                    "--depth", "1", "-q", "--csv", dir.resolve("o.csv").toString()), Map.of(file, Files.readAllBytes(file)));
            Files.deleteIfExists(dir.resolve("o.csv"));
        }
    }

    // ---------------------------------------------------------------- CSV files

    @Test
    void csvFiles() throws Exception {
        Random random = new Random(SEED + 2);
        String[] cells = {"0", "1.5", "-2e3", ".5", "5.", "1,5", "\"3\"", "NaN", "inf", "-Infinity", "1e39", "x",
                "", " ", "0x1p3", "1d", "1".repeat(20_000) + "x", "١٢", "#", "\uFEFF1"};
        Path file = dir.resolve("d.csv");
        for (int c = 0; c < CASES; c++) {
            StringBuilder csv = new StringBuilder(random.nextInt(4) == 0 ? "x,y\n" : "");
            int rows = random.nextInt(30);
            char separator = pick(random, new String[] {",", ";", "\t"}).charAt(0);
            for (int r = 0; r < rows; r++) {
                if (random.nextInt(3) == 0) {
                    csv.append(pick(random, cells));
                } else {
                    csv.append(random.nextGaussian());
                }
                int more = random.nextInt(10) == 0 ? random.nextInt(3) : 1;
                for (int k = 0; k < more; k++) {
                    csv.append(separator).append(random.nextInt(3) == 0 ? pick(random, cells) : random.nextDouble());
                }
                csv.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
            Files.writeString(file, random.nextInt(15) == 0 ? mutate(random, csv.toString()) : csv.toString(),
                    StandardCharsets.UTF_8);
            check("CSV file " + c, List.of("train", "--data", file.toString(), "--epochs", "1", "--width", "4",
                    "--depth", "1", "-q", "--predictions", dir.resolve("p.csv").toString()),
                    Map.of(file, Files.readAllBytes(file)));
            Files.deleteIfExists(dir.resolve("p.csv"));
        }
    }

    // ---------------------------------------------------------------- lesson folders

    @Test
    void lessonFolders() throws Exception {
        Random random = new Random(SEED + 3);
        String good = """
                { "title": "Good", "summary": "A lesson that works.",
                  "config": { "models": [{"activation": "leaky_relu", "slope": 0.2}, "relu"],
                              "network": {"depth": 1, "width": 4}, "data": {"points": 20, "noise": 0.1},
                              "optimizer": {"kind": "sgd", "learning_rate": 0.01}, "batch_size": 4, "epoch_limit": 3 },
                  "steps": [ { "title": "One", "text": "Some text.", "watch": "Something.", "config": {"seed": 3} },
                             { "title": "Two", "text": "More.", "watch": "Else.", "tab": "Loss", "panel": "softmax" } ] }
                """;
        for (int c = 0; c < CASES; c++) {
            Path folder = Files.createDirectory(dir.resolve("lessons" + c));
            List<String> names = new ArrayList<>();
            int lessons = 1 + random.nextInt(3);
            for (int i = 0; i < lessons; i++) {
                String name = "l" + i + ".json";
                names.add(name);
                Path file = folder.resolve(name);
                switch (random.nextInt(12)) {
                    case 0 -> Files.createDirectory(file);
                    case 1 -> fifo(file);
                    case 2 -> Files.createSymbolicLink(file, Path.of("/dev/zero"));
                    case 3 -> { } // missing
                    default -> Files.writeString(file, mutate(random, good), StandardCharsets.UTF_8);
                }
            }
            String index = "{ \"lessons\": [" + String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList()) + "] }";
            Files.writeString(folder.resolve("index.json"), random.nextInt(10) == 0 ? mutate(random, index) : index);
            Map<Path, byte[]> before = contents(folder);
            LessonCatalogue catalogue;
            try {
                catalogue = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                        () -> LessonLoader.load(LessonLoader.directory(folder)));
            } catch (RuntimeException | Error e) {
                throw new AssertionError("lesson folder " + c + ": " + e, e);
            }
            for (String warning : catalogue.warnings()) {
                assertTrue(!warning.contains("\n") && warning.length() <= MAX_LINE,
                        "lesson folder " + c + ": " + warning.length() + " " + warning.substring(0, Math.min(200, warning.length())));
                assertTrue(!warning.contains("Exception") && !warning.contains("cannot be used ("),
                        "lesson folder " + c + ": internal error: " + warning);
            }
            for (var lesson : catalogue.lessons()) {
                lesson.steps().forEach(step -> step.settings().config());
            }
            Map<Path, byte[]> after = contents(folder);
            assertEquals(before.keySet(), after.keySet());
            for (var entry : before.entrySet()) {
                assertTrue(Arrays.equals(entry.getValue(), after.get(entry.getKey())),
                        "lesson folder " + c + ": changed " + entry.getKey());
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A small experiment that trains in a blink. */
    private static ExperimentConfig small() {
        return ExperimentConfig.classic()
                .withData(Dataset.generate(TargetFunction.SIN, 40, -3, 3, 0.1, 5))
                .withNetwork(new NetworkSpec(1, 4, Activations.RELU, Initializer.GLOROT_UNIFORM, 1, 0))
                .withEpochLimit(2);
    }

    /** One to three random changes of the kinds a broken or hostile file has. */
    private static String mutate(Random random, String text) {
        String s = text;
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes && !s.isEmpty(); i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(8)) {
                case 0 -> s = s.substring(0, at); // cut off
                case 1 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(5)));
                case 2 -> s = s.substring(0, at) + pick(random, new String[] {"{", "}", "[", "]", ",", ":", "\"", "'",
                        "//", "/*", "#", "\u0000", "\\", "NaN", "null"}) + s.substring(at);
                default -> {
                    // replace a value (a number, text, true/false/null) by a hostile one
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            ":\\s*(-?[0-9][0-9.eE+-]*|\"[^\"]*\"|true|false|null)").matcher(s);
                    List<int[]> values = new ArrayList<>();
                    while (m.find()) {
                        values.add(new int[] {m.start(1), m.end(1)});
                    }
                    if (!values.isEmpty()) {
                        int[] v = values.get(random.nextInt(values.size()));
                        String value = pick(random, HOSTILE);
                        boolean quote = random.nextBoolean() && !value.matches("-?[0-9].*");
                        String literal = quote ? "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"")
                                .replace("\n", "\\n") + "\"" : value;
                        if (random.nextInt(6) == 0) {
                            literal = pick(random, new String[] {"[]", "{}", "[1, 2]", "{\"a\": 1}", "true"});
                        }
                        s = s.substring(0, v[0]) + literal + s.substring(v[1]);
                    }
                }
            }
        }
        return s;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static void fifo(Path file) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("mkfifo", file.toString()).start().waitFor());
    }

    /** The bytes of every regular file in {@code folder} (links and pipes not followed). */
    private static Map<Path, byte[]> contents(Path folder) throws IOException {
        Map<Path, byte[]> map = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    map.put(p, Files.readAllBytes(p));
                } else {
                    map.put(p, new byte[0]);
                }
            }
        }
        return map;
    }

    /** Runs one case and checks the promises. */
    private void check(String label, List<String> args, Map<Path, byte[]> inputs) throws Exception {
        Cli.Result r;
        try {
            r = Cli.run(args.toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            throw new AssertionError(label + ": " + e + " for " + shorten(args), e);
        }
        String where = label + " " + shorten(args) + "\n" + shorten(List.of(r.err()));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 2 || r.exitCode() == 3, "exit " + r.exitCode() + ": " + where);
        assertTrue(!r.err().contains("\tat ") && !r.err().contains("internal error")
                && !r.err().contains("Exception"), "stack trace or internal error: " + where);
        long errors = r.errLines().stream().filter(l -> l.startsWith("error:")).count();
        assertTrue(errors <= 1, "more than one error line: " + where);
        assertTrue(r.exitCode() != 2 || errors == 1, "exit 2 says why in one line: " + where);
        for (String line : r.errLines()) {
            assertTrue(line.length() <= MAX_LINE, "an error line of " + line.length() + " characters: " + where);
        }
        for (var input : inputs.entrySet()) {
            assertTrue(Arrays.equals(input.getValue(), Files.readAllBytes(input.getKey())),
                    "input " + input.getKey() + " changed: " + where);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> temps = files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), temps, "temporary files left: " + where);
        }
    }

    private static String shorten(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            sb.append(' ').append(a.length() > 80 ? a.substring(0, 80) + "…(" + a.length() + ")" : a);
        }
        return sb.toString();
    }
}
