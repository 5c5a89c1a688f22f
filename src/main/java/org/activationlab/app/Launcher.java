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

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ActivationLabApp.class);
            return;
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with the subcommands that need the UI. */
    static picocli.CommandLine commandLine() {
        picocli.CommandLine commandLine = ActivationLabCommand.commandLine();
        commandLine.addSubcommand("bench-ui", new UiBenchmarkCommand());
        commandLine.addSubcommand("export-png", new ExportPngCommand());
        return commandLine;
    }
}
