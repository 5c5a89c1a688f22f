package org.activationlab.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.activationlab.engine.Setting;
import org.activationlab.training.ExperimentConfig;
import org.activationlab.training.ExperimentFile;
import org.activationlab.training.ExperimentFileException;
import org.activationlab.training.lesson.LessonFormatException;
import org.activationlab.training.lesson.LessonLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Walks the settings table and checks that the command line, the experiment file reader and the
 * lesson reader accept exactly each setting's range: its ends (or just inside an open end) and
 * nothing just outside. The drawer's widgets are checked against the table in ExperimentDrawerTest.
 */
class SettingTableTest {

    /** A value at or just beyond an end of a setting's range, as it is written in a file or an argument. */
    record Probe(String literal, boolean inRange) {
    }

    static List<Probe> probes(Setting s) {
        List<Probe> probes = new ArrayList<>();
        switch (s.type()) {
            case INTEGER -> {
                probes.add(new Probe(Long.toString((long) s.min()), true));
                probes.add(new Probe(Long.toString((long) s.max()), true));
                probes.add(new Probe(Long.toString((long) s.min() - 1), false));
                probes.add(new Probe(Long.toString((long) s.max() + 1), false));
            }
            case LONG -> {
                probes.add(new Probe(Long.toString(Long.MIN_VALUE), true));
                probes.add(new Probe(Long.toString(Long.MAX_VALUE), true));
                probes.add(new Probe(BigDecimal.valueOf(Long.MIN_VALUE).subtract(BigDecimal.ONE).toString(), false));
                probes.add(new Probe(BigDecimal.valueOf(Long.MAX_VALUE).add(BigDecimal.ONE).toString(), false));
            }
            case DECIMAL -> {
                probes.add(new Probe(Double.toString(s.min()), !s.minOpen()));
                probes.add(new Probe(Double.toString(Math.nextUp(s.min())), true));
                probes.add(new Probe(Double.toString(Math.nextDown(s.min())), false));
                probes.add(new Probe(Double.toString(s.max()), !s.maxOpen()));
                probes.add(new Probe(Double.toString(Math.nextDown(s.max())), true));
                probes.add(new Probe(Double.toString(Math.nextUp(s.max())), false));
            }
            case CHOICE -> {
                probes.add(new Probe(s.defaultText(), true));
                probes.add(new Probe("no_such_" + s.name().toLowerCase(), false));
            }
        }
        return probes;
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theTableIsConsistent(Setting s) {
        if (s.type() != Setting.Type.CHOICE) {
            assertTrue(s.accepts(Double.parseDouble(s.defaultText())), s + " accepts its default");
        }
        assertTrue(s.key() != null || s.option().isPresent(), s + " is used somewhere");
        if (s.option().isPresent()) {
            assertEquals(s, Setting.byOption(s.option().get()).orElseThrow());
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theCommandLineAcceptsExactlyTheRange(Setting s) {
        if (s.option().isEmpty()) {
            return;
        }
        for (Probe p : probes(s)) {
            String option = s.option().get();
            String problem = cli(option, p.literal());
            if (p.inRange()) {
                assertEquals(null, problem, option + " " + p.literal() + " is in range");
            } else {
                assertTrue(problem != null && problem.contains(option.substring(2)),
                        option + " " + p.literal() + " is out of range, got " + problem);
            }
        }
    }

    @Test
    void theCommandLineTakesItsDefaultsAndHelpFromTheTable() {
        Cli.Result help = Cli.run("train", "--help");
        for (Setting s : Setting.values()) {
            if (s.option().isPresent()) {
                String line = SettingOptions.description(s);
                assertTrue(help.out().replaceAll("\\s+", " ").contains(line.substring(0, Math.min(40, line.length()))),
                        s + " help in\n" + help.out());
            }
        }
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs();
        assertEquals(Setting.BATCH_SIZE.defaultInt(), command.batch);
        assertEquals(Setting.SEED.defaultLong(), command.seed);
        assertEquals(Setting.BIAS_INIT.defaultValue(), command.biasInit);
        assertEquals(Setting.EPOCHS.defaultInt(), command.epochs);
        assertEquals(Setting.POINTS.defaultInt(), command.points);
    }

    /** The classic defaults are the table's, wherever the classic experiment is built. */
    @Test
    void theClassicExperimentIsTheTablesDefaults() throws Exception {
        TrainCommand command = new TrainCommand();
        new CommandLine(command).parseArgs();
        ExperimentConfig fromCli = command.toConfig();
        ExperimentConfig classic = ExperimentConfig.classic();
        assertEquals(ExperimentFile.toJson(ExperimentFile.Contents.of(classic)),
                ExperimentFile.toJson(ExperimentFile.Contents.of(fromCli)));
        assertEquals(ExperimentFile.toJson(ExperimentFile.Contents.of(classic)),
                ExperimentFile.toJson(ExperimentFile.fromJson("{\"format\": \"activation-lab-experiment\", "
                        + "\"version\": 1}").contents()));
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theExperimentReaderAcceptsExactlyTheRange(Setting s) {
        if (s.key() == null) {
            return;
        }
        for (Probe p : probes(s)) {
            if (s == Setting.X_MIN && p.literal().startsWith("1") || s == Setting.X_MAX && p.literal().startsWith("-")) {
                continue; // x_min must stay below x_max: the pair is checked on its own
            }
            String json = experiment(s, p.literal()).toString();
            try {
                ExperimentFile.fromJson(json);
                assertTrue(p.inRange(), s.path() + " = " + p.literal() + " was accepted");
            } catch (ExperimentFileException e) {
                assertFalse(p.inRange(), s.path() + " = " + p.literal() + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(s.key()), e.getMessage());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Setting.class)
    void theLessonReaderAcceptsExactlyTheRange(Setting s) {
        if (s.key() == null) {
            return;
        }
        for (Probe p : probes(s)) {
            if (s == Setting.X_MIN && p.literal().startsWith("1") || s == Setting.X_MAX && p.literal().startsWith("-")) {
                continue;
            }
            JsonObject config = experiment(s, p.literal());
            config.remove("format");
            config.remove("version");
            config.remove("lesson");
            String lesson = "{\"title\": \"t\", \"summary\": \"s\", \"config\": " + config
                    + ", \"steps\": [{\"title\": \"a\", \"text\": \"b\", \"watch\": \"c\"}]}";
            try {
                LessonLoader.parse("x.json", lesson);
                assertTrue(p.inRange(), s.path() + " = " + p.literal() + " was accepted");
            } catch (LessonFormatException e) {
                assertFalse(p.inRange(), s.path() + " = " + p.literal() + ": " + e.getMessage());
                assertTrue(e.getMessage().contains(s.key()), e.getMessage());
            }
        }
    }

    /** The classic experiment's file with one setting changed. */
    private static JsonObject experiment(Setting s, String literal) {
        JsonObject root = JsonParser.parseString(ExperimentFile.toJson(
                ExperimentFile.Contents.of(ExperimentConfig.classic()))).getAsJsonObject();
        JsonPrimitive value = s.type() == Setting.Type.CHOICE ? new JsonPrimitive(literal)
                : new JsonPrimitive(new BigDecimal(literal));
        switch (s.section()) {
            case "" -> root.add(s.key(), value);
            case "models[]" -> {
                JsonObject model = new JsonObject();
                model.addProperty("activation", s == Setting.LEAKY_SLOPE ? "leaky_relu" : "elu");
                model.add(s.key(), value);
                JsonArray models = new JsonArray();
                models.add(model);
                root.add("models", models);
            }
            default -> {
                JsonObject section = root.getAsJsonObject(s.section());
                section.add(s.key(), value);
                if (s == Setting.X_MIN) {
                    section.addProperty(Setting.X_MAX.key(), Setting.X_MAX.max());
                } else if (s == Setting.X_MAX) {
                    section.addProperty(Setting.X_MIN.key(), Setting.X_MIN.min());
                }
            }
        }
        return root;
    }

    /** Null if {@code train option value} is accepted, else the error. */
    private static String cli(String option, String value) {
        TrainCommand command = new TrainCommand();
        try {
            new CommandLine(command).parseArgs(option, value);
            command.toConfig();
            return null;
        } catch (CliException | CommandLine.ParameterException e) {
            return e.getMessage();
        } catch (Exception e) {
            fail(option + " " + value + ": " + e);
            return null;
        }
    }
}
