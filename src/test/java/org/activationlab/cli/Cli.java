package org.activationlab.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the command line in-process with captured output. */
final class Cli {

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.isEmpty() ? List.of() : out.lines().toList();
        }

        List<String> errLines() {
            return err.isEmpty() ? List.of() : err.lines().toList();
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        return run(ActivationLabCommand.commandLine(), args);
    }

    static Result run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
