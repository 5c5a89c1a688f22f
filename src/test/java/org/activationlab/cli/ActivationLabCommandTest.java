package org.activationlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationLabCommandTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "train", "activations", "bench"})
    void everyCommandHasHelpAndVersion(String command) {
        String[] prefix = command.isEmpty() ? new String[0] : new String[] {command};

        Cli.Result help = Cli.run(concat(prefix, "--help"));
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: activation-lab" + (command.isEmpty() ? "" : " " + command)),
                help.out());
        assertEquals("", help.err());

        Cli.Result version = Cli.run(concat(prefix, "--version"));
        assertEquals(0, version.exitCode(), version.err());
        assertTrue(version.out().startsWith("activation-lab "), version.out());
    }

    private static String[] concat(String[] prefix, String last) {
        String[] all = java.util.Arrays.copyOf(prefix, prefix.length + 1);
        all[prefix.length] = last;
        return all;
    }

    @Test
    void runReturnsTheExitCodeWithoutExiting() {
        assertEquals(0, ActivationLabCommand.run("--version"));
        assertEquals(2, ActivationLabCommand.run("train", "--depth", "9"));
    }

    @Command(name = "bench-ui", mixinStandardHelpOptions = true)
    static final class FailingCommand implements Callable<Integer> {
        private final RuntimeException failure;

        FailingCommand(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    @Test
    void addedSubcommandsGetTheSameErrorHandling() {
        CommandLine commandLine = ActivationLabCommand.commandLine();
        commandLine.addSubcommand("bench-ui", new FailingCommand(new CliException("no display")));

        Cli.Result usage = Cli.run(commandLine, "bench-ui");
        assertEquals(2, usage.exitCode());
        assertEquals(List.of("error: no display"), usage.errLines());

        Cli.Result unknown = Cli.run(commandLine, "bench-ux");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("bench-ui"), unknown.err());
    }

    @Test
    void anUnexpectedFailureIsOneLineWithExitCode1() {
        CommandLine commandLine = ActivationLabCommand.commandLine();
        commandLine.addSubcommand("bench-ui",
                new FailingCommand(new IllegalStateException("line one\nline two")));

        Cli.Result result = Cli.run(commandLine, "bench-ui");
        assertEquals(1, result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertEquals("error: internal error: java.lang.IllegalStateException: line one line two "
                + "(please report this)", result.errLines().get(0));
        assertFalse(result.err().contains("at org."));
    }
}
