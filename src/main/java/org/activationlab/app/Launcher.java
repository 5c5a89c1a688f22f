package org.activationlab.app;

import javafx.application.Application;
import org.activationlab.cli.ActivationLabCommand;
import org.activationlab.ui.ActivationLabApp;

/**
 * The jar's entry point. Not a subclass of {@link Application}, so the shaded jar runs with
 * {@code java -jar} on the class path. No arguments open the desktop app; a subcommand runs
 * headless.
 */
public final class Launcher {

    /**
     * JavaFX warns on every start that it was loaded from the class path, which is how this jar
     * is meant to run; a teacher starting the app from a terminal should not see that. Held here
     * so the logger (and its filter) is not collected.
     */
    private static final java.util.logging.Logger PLATFORM_LOGGER =
            java.util.logging.Logger.getLogger("javafx");

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            PLATFORM_LOGGER.setFilter(r -> r.getMessage() == null
                    || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
            Display.missing().ifPresent(Launcher::refuse);
            try {
                Application.launch(ActivationLabApp.class);
            } catch (UnsupportedOperationException toolkitFailure) {
                refuse(Display.cannotOpen(toolkitFailure));
            }
            return;
        }
        System.exit(commandLine().execute(args));
    }

    private static void refuse(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }

    /** The command line with the subcommands that need the UI. */
    static picocli.CommandLine commandLine() {
        picocli.CommandLine commandLine = ActivationLabCommand.commandLine();
        commandLine.addSubcommand("bench-ui", new UiBenchmarkCommand());
        commandLine.addSubcommand("export-png", new ExportPngCommand());
        commandLine.addSubcommand("export-gif", new ExportGifCommand());
        return commandLine;
    }
}
