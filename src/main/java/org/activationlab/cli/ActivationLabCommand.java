package org.activationlab.cli;

import org.activationlab.engine.DataFileException;
import org.activationlab.engine.Echo;
import org.activationlab.training.AtomicOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The headless command line, {@code activation-lab <command> [options]}.
 *
 * <p>Exit codes: {@value #EXIT_OK} success; {@value #EXIT_USAGE} bad input (one line
 * {@code error: …} on stderr, never a stack trace); {@value #EXIT_DIVERGED} a model's loss became
 * NaN or infinite while training; {@value #EXIT_INTERNAL} an unexpected failure (a bug), also
 * reported in one line.
 *
 * <p>Other packages add commands to {@link #commandLine()} before executing it, e.g. the app's
 * launcher adds {@code bench-ui}; the exception handlers there apply to them as well.
 */
@Command(name = "activation-lab", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class,
        description = "Why neural networks need activation functions: train small networks on "
                + "sin(x) and friends, with and without an activation, headless.",
        subcommands = {TrainCommand.class, ActivationsCommand.class, BenchCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad input, 3 a model diverged, 1 internal error."})
public final class ActivationLabCommand implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_DIVERGED = 3;

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String... args) {
        System.exit(run(args));
    }

    /** Runs the command line with these arguments and returns the exit code (no System.exit). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /**
     * A new, fully configured command line: the root command with its subcommands and the
     * handlers that turn bad input into one {@code error:} line and exit code 2. Callers may add
     * subcommands and replace the output writers ({@code setOut}/{@code setErr}) before executing.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ActivationLabCommand());
        // No "@file" argument files: an argument starting with @ is taken as written (an
        // argument file named by mistake, or /dev/zero, would otherwise be read as arguments).
        commandLine.setExpandAtFiles(false);
        commandLine.setParameterExceptionHandler(ActivationLabCommand::handleParameterException);
        commandLine.setExecutionExceptionHandler(ActivationLabCommand::handleExecutionException);
        return commandLine;
    }

    /** No command given: a usage error. */
    @Override
    public Integer call() {
        throw new CliException("no command given (choose from "
                + String.join(", ", spec.subcommands().keySet()) + "; see --help)");
    }

    private static int handleParameterException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String message = lowerFirst(e.getMessage());
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            String arg = u.getUnmatched().get(0);
            message = commandLine.getSubcommands().isEmpty()
                    ? "unexpected argument '" + arg + "' (" + commandLine.getCommandName()
                            + " takes options only)"
                    : "unknown command '" + arg + "' (choose from "
                            + String.join(", ", commandLine.getSubcommands().keySet()) + ")";
        }
        return printError(commandLine.getErr(), message, EXIT_USAGE);
    }

    private static int handleExecutionException(Exception e, CommandLine commandLine,
                                                ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof CliException || e instanceof DataFileException
                || e instanceof AtomicOutput.OutputFileException) {
            return printError(err, e.getMessage(), EXIT_USAGE);
        }
        if (e instanceof ParameterException) {
            return printError(err, lowerFirst(e.getMessage()), EXIT_USAGE);
        }
        Throwable t = e instanceof CommandLine.ExecutionException && e.getCause() != null
                ? e.getCause() : e;
        String message = t.getMessage() == null ? "" : ": " + t.getMessage();
        return printError(err, "internal error: " + t.getClass().getName() + message
                + " (please report this)", EXIT_INTERNAL);
    }

    private static int printError(PrintWriter err, String message, int code) {
        String text = message == null || message.isBlank() ? "unknown error" : message;
        err.println("error: " + oneLine(text));
        err.flush();
        return code;
    }

    /**
     * A message as one line of bounded length: line breaks become spaces, and a long value
     * echoed in it (picocli repeats a bad argument whole) is cut to about {@value Echo#MAX}
     * characters (our own messages shorten values themselves, see {@link Echo}).
     */
    static String oneLine(String message) {
        String text = message.strip().replaceAll("\\s*\\R\\s*", " ");
        StringBuilder sb = new StringBuilder();
        int run = 0;
        for (int i = 0; i < text.length() && sb.length() < MAX_ERROR; i++) {
            char c = text.charAt(i);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (run <= MAX_WORD) {
                sb.append(c);
            } else if (run == MAX_WORD + 1) {
                sb.append('…');
            }
        }
        if (sb.length() >= MAX_ERROR) {
            sb.append('…');
        }
        return sb.toString();
    }

    /** The longest run without a space: a shortened value with its quotes and punctuation. */
    private static final int MAX_WORD = Echo.MAX + 20;

    /** The longest error line (without "error: "), whatever the input. */
    static final int MAX_ERROR = 400;

    private static String lowerFirst(String s) {
        if (s == null || s.length() < 2 || !Character.isUpperCase(s.charAt(0))
                || Character.isUpperCase(s.charAt(1))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** The project version (from the jar's Maven descriptor) and the Java runtime. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"activation-lab " + version(),
                    "Java " + System.getProperty("java.version") + " ("
                            + System.getProperty("java.vm.name") + ", "
                            + System.getProperty("java.vendor") + "), "
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }

    /** The version in the jar's {@code pom.properties}, or "development build" outside a jar. */
    static String version() {
        try (InputStream in = ActivationLabCommand.class.getResourceAsStream(
                "/META-INF/maven/org.activationlab/activation-lab/pom.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String v = properties.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException ignored) {
            // fall through
        }
        String v = ActivationLabCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "(development build)";
    }
}
