package org.activationlab.ui;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.activationlab.training.Trainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.activationlab.ui.FxTestSupport.await;
import static org.activationlab.ui.FxTestSupport.awaitSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Closing the window ends the trainer thread, and with it the JVM. */
class CloseWindowTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private ActivationLabApp app;

    @BeforeEach
    void startTheRealApp() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = (ActivationLabApp) FxToolkit.setupApplication(ActivationLabApp.class);
    }

    @AfterEach
    void cleanUp() throws Exception {
        FxToolkit.cleanupApplication(app);
        // The primary stage is shared with the other UI tests: take the app's settings off it.
        FxTestSupport.onFx(() -> {
            stage.setOnHidden(null);
            stage.setOnCloseRequest(null);
            stage.setMinWidth(0);
            stage.setMinHeight(0);
        });
    }

    @Test
    void closingTheWindowWhileTrainingEndsTheTrainerThreadWithinOneSecond() {
        MainView view = app.view();
        assertNotNull(view);
        Trainer trainer = view.model().trainer();
        assertTrue(trainer.isAlive());
        assertTrue(FxTestSupport.onFx(stage::isShowing));
        // Busy, not idle: the thread must stop between epochs too.
        robot.type(KeyCode.SPACE);
        awaitSnapshot(view, "training to run", s -> s.playing() && s.epoch() >= 2);

        long started = System.nanoTime();
        robot.interact(stage::close);
        await("the trainer thread to end", 1000, () -> !trainer.isAlive(), () -> "still alive");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(ms <= 1000, "the trainer thread ended " + ms + " ms after the window closed");
    }

    @Test
    void fileQuitEndsTheTrainerThreadLikeTheCloseButton() {
        Trainer trainer = app.view().model().trainer();
        robot.type(KeyCode.SPACE);
        awaitSnapshot(app.view(), "training to run", s -> s.playing() && s.epoch() >= 2);

        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        await("the window to close", () -> !FxTestSupport.onFx(stage::isShowing), () -> "still showing");
        await("the trainer thread to end", 1000, () -> !trainer.isAlive(), () -> "still alive");
    }

    @Test
    void closingTheWindowEndsTheJvmWithoutSystemExit() throws Exception {
        boolean headless = Boolean.parseBoolean(System.getProperty("testfx.headless", "true"));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        // Surefire may hand the forked JVM a manifest-only jar; it names the real class path.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        if (headless) {
            command.add("-Dglass.platform=Monocle");
            command.add("-Dmonocle.platform=Headless");
        }
        // The probe starts the real app, which saves its window size: into the test preferences.
        command.add("-Djava.util.prefs.userRoot=" + System.getProperty("java.util.prefs.userRoot"));
        command.add("-Dprism.order=sw");
        command.add("-Djava.awt.headless=true");
        command.add("-Xshare:auto");
        command.add(CloseWindowProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();

        List<String> output = new ArrayList<>();
        long[] closedAt = {0};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("closed ")) {
                        closedAt[0] = System.nanoTime();
                    }
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "probe-output");
        reader.setDaemon(true);
        reader.start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        long exitedAt = System.nanoTime();
        if (!exited) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        reader.join(5000);
        String log;
        synchronized (output) {
            log = String.join("\n", output);
        }
        if (!exited) {
            fail("the app's JVM did not end within 60 s of starting; its output:\n" + log);
        }
        assertEquals(0, process.exitValue(), "exit code; output:\n" + log);
        assertTrue(output.stream().anyMatch(l -> l.startsWith("shown ")), "the window was never shown:\n" + log);
        assertTrue(closedAt[0] != 0, "the window was never closed:\n" + log);
        assertTrue(output.stream().anyMatch(l -> l.startsWith("launch returned ")),
                "Application.launch did not return:\n" + log);
        assertTrue(output.contains("trainer alive false"), "the trainer thread outlived the window:\n" + log);
        assertTrue(output.stream().noneMatch(l -> l.startsWith("non-daemon thread ")),
                "threads that keep the JVM alive:\n" + log);
        assertTrue(output.stream().anyMatch(l -> l.startsWith("main returns ")), log);
        long ms = TimeUnit.NANOSECONDS.toMillis(exitedAt - closedAt[0]);
        assertTrue(ms < 5000, "the JVM ended " + ms + " ms after the window closed:\n" + log);
    }
}
