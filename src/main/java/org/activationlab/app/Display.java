package org.activationlab.app;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a window can open here. JavaFX finds out by throwing a 15-line stack trace from deep in
 * its toolkit; the launcher asks first and says it in one line, with the way to run headless.
 */
final class Display {

    private Display() {
    }

    /** Why no window can open in this environment, or empty where one can (or may). */
    static Optional<String> missing(String osName, Map<String, String> environment, String glassPlatform) {
        if ("Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        // Windows and macOS always have a window system; X11 and Wayland are found by variables.
        if (!(os.contains("linux") || os.contains("bsd") || os.contains("sunos"))) {
            return Optional.empty();
        }
        if (isSet(environment.get("DISPLAY")) || isSet(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of(needsDisplay("neither DISPLAY nor WAYLAND_DISPLAY is set"));
    }

    /** {@link #missing(String, Map, String)} for this process. */
    static Optional<String> missing() {
        return missing(System.getProperty("os.name", ""), System.getenv(), System.getProperty("glass.platform"));
    }

    /** The one line for a display that is named but cannot be opened. */
    static String cannotOpen(RuntimeException toolkitFailure) {
        String reason = toolkitFailure.getMessage() == null ? toolkitFailure.getClass().getSimpleName()
                : toolkitFailure.getMessage();
        return needsDisplay(reason.length() > 80 ? reason.substring(0, 80) + "…" : reason);
    }

    private static String needsDisplay(String reason) {
        return "the window needs a display (" + reason + "): run it on a desktop or under "
                + "xvfb-run -a; the commands train, export-png and activations run without one (--help)";
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
