package org.activationlab.ui;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.activationlab.app.Launcher;

import java.util.concurrent.TimeUnit;

/**
 * Starts the desktop app exactly as {@code java -jar} does ({@link Launcher#main} with no
 * arguments), closes its window as soon as it is shown and reports what happened on standard
 * output, one event a line:
 * {@code shown <ms>}, {@code closed <ms>}, {@code launch returned <ms>}, {@code trainer alive <bool>},
 * {@code main returns <ms>}. The JVM must then end by itself: the probe never calls
 * {@link System#exit}. Run by {@link CloseWindowTest} in a separate JVM.
 */
public final class CloseWindowProbe {

    private static final long STARTUP_TIMEOUT_MS = 60_000;

    private CloseWindowProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread closer = new Thread(CloseWindowProbe::closeTheWindowWhenShown, "probe-closer");
        closer.setDaemon(true);
        closer.start();

        Launcher.main(new String[0]);

        report("launch returned " + System.currentTimeMillis());
        boolean trainerAlive = false;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t == Thread.currentThread() || t.getName().equals("DestroyJavaVM")) {
                continue;
            }
            if (t.getName().equals("activation-lab-trainer")) {
                t.join(1000);
                trainerAlive |= t.isAlive();
            } else if (!t.isDaemon()) {
                // Such as the JavaFX launcher thread, which ends just after launch returns.
                t.join(2000);
                if (t.isAlive()) {
                    report("non-daemon thread " + t.getName());
                }
            }
        }
        report("trainer alive " + trainerAlive);
        report("main returns " + System.currentTimeMillis());
    }

    /** Waits for the FX toolkit, then closes the first window that shows. */
    private static void closeTheWindowWhenShown() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STARTUP_TIMEOUT_MS);
        while (true) {
            try {
                Platform.runLater(CloseWindowProbe::watchWindows);
                return;
            } catch (IllegalStateException toolkitNotStartedYet) {
                if (System.nanoTime() > deadline) {
                    report("toolkit did not start");
                    return;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** On the FX thread: {@link Window#getWindows()} lists the showing windows. */
    private static void watchWindows() {
        if (!Window.getWindows().isEmpty()) {
            close(Window.getWindows().get(0));
            return;
        }
        Window.getWindows().addListener(new ListChangeListener<Window>() {
            @Override
            public void onChanged(Change<? extends Window> change) {
                while (change.next()) {
                    if (change.wasAdded()) {
                        Window.getWindows().removeListener(this);
                        close(change.getAddedSubList().get(0));
                        return;
                    }
                }
            }
        });
    }

    private static void close(Window window) {
        report("shown " + System.currentTimeMillis() + " " + window.getClass().getSimpleName()
                + (window instanceof Stage s ? " \"" + s.getTitle() + "\"" : ""));
        // Let the show finish (and a frame or two run), as a user's click would.
        Platform.runLater(() -> Platform.runLater(() -> {
            if (window instanceof Stage stage) {
                stage.close();
            } else {
                window.hide();
            }
            report("closed " + System.currentTimeMillis());
        }));
    }

    private static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
