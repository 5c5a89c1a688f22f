package org.activationlab.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starting the window where none can open gives one line and exit 2, never a stack trace. */
class DisplayTest {

    @Test
    void linuxWithoutDisplayVariablesHasNone() {
        assertTrue(Display.missing("Linux", Map.of(), null).isPresent());
        assertTrue(Display.missing("Linux", Map.of("DISPLAY", " "), null).isPresent());
        assertFalse(Display.missing("Linux", Map.of("DISPLAY", ":0"), null).isPresent());
        assertFalse(Display.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), null).isPresent());
        assertFalse(Display.missing("Linux", Map.of(), "Monocle").isPresent(), "headless glass needs none");
        assertFalse(Display.missing("Windows 11", Map.of(), null).isPresent());
        assertFalse(Display.missing("Mac OS X", Map.of(), null).isPresent());
    }

    @Test
    void windowWithoutDisplayIsOneLineAndExitTwo() throws Exception {
        assertOneLineRefusal(run(null));
    }

    @Test
    void windowOnADisplayThatCannotOpenIsOneLineAndExitTwo() throws Exception {
        assertOneLineRefusal(run(":4093"));
    }

    @Test
    void benchUiWithoutDisplayIsOneLineAndExitTwo() throws Exception {
        assertOneLineRefusal(run(null, "bench-ui", "--seconds", "1"));
    }

    @Test
    void benchUiWarmUpOutOfRangeIsRefusedBeforeAnyWindow() throws Exception {
        Result result = run(null, "bench-ui", "--warmup", "500");
        assertEquals(2, result.exitCode, result.output);
        List<String> lines = result.output.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(List.of("error: --warmup must be 0–120 seconds, got 500.0"), lines);
    }

    private static void assertOneLineRefusal(Result result) {
        assertEquals(2, result.exitCode, result.output);
        List<String> lines = result.output.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line, no stack trace:\n" + result.output);
        assertTrue(lines.get(0).startsWith("error: the window needs a display"), lines.get(0));
        assertTrue(lines.get(0).contains("xvfb-run"), lines.get(0));
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(String display, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add("-Djava.util.prefs.userRoot=" + System.getProperty("java.util.prefs.userRoot"));
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("WAYLAND_DISPLAY");
        if (display == null) {
            builder.environment().remove("DISPLAY");
        } else {
            builder.environment().put("DISPLAY", display);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the launcher hung without a display");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
