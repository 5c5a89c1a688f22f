package org.activationlab.cli;

import org.activationlab.engine.Activation;
import org.activationlab.engine.Activations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code activations}: f(x) and f′(x) of every activation in the catalogue (and GELU's tanh
 * form) at a few points, from the same {@link Activation} objects that training uses.
 */
@Command(name = "activations", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class, sortOptions = false,
        description = "Print f(x) and f'(x) of every activation at the given points.")
public final class ActivationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--x", split = ",", defaultValue = "-3,-1,0,0.5,2", paramLabel = "X",
            description = "Points, comma-separated (default: ${DEFAULT-VALUE}).")
    double[] xs;

    @Option(names = "--csv", description = "Print CSV with the columns activation,x,f,df.")
    boolean csv;

    @Override
    public Integer call() {
        if (xs == null || xs.length == 0) {
            throw new CliException("--x needs at least one point");
        }
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new CliException("--x values must be finite numbers, got " + x);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Activation> activations = catalogue();
        if (csv) {
            out.println("activation,x,f,df");
            for (Activation a : activations) {
                for (double x : xs) {
                    out.println(a.id() + "," + TrainCommand.number(x) + "," + a.value(x) + ","
                            + a.derivative(x));
                }
            }
        } else {
            printTable(out, activations);
        }
        out.flush();
        return ActivationLabCommand.EXIT_OK;
    }

    /** {@link Activations#all()} with GELU's tanh approximation right after GELU. */
    static List<Activation> catalogue() {
        List<Activation> list = new ArrayList<>();
        for (Activation a : Activations.all()) {
            list.add(a);
            if (a == Activations.GELU) {
                list.add(Activations.GELU_TANH);
            }
        }
        return list;
    }

    private void printTable(PrintWriter out, List<Activation> activations) {
        int nameWidth = "activation".length();
        int xWidth = 1;
        for (Activation a : activations) {
            nameWidth = Math.max(nameWidth, a.id().length());
        }
        for (double x : xs) {
            xWidth = Math.max(xWidth, TrainCommand.number(x).length());
        }
        String row = "%-" + nameWidth + "s  %" + xWidth + "s  %12s  %12s%n";
        out.printf(Locale.ROOT, row, "activation", "x", "f(x)", "f'(x)");
        for (Activation a : activations) {
            for (double x : xs) {
                out.printf(Locale.ROOT, row, a.id(), TrainCommand.number(x), fixed(a.value(x)),
                        fixed(a.derivative(x)));
            }
        }
    }

    private static String fixed(double v) {
        return String.format(Locale.ROOT, Math.abs(v) < 1e6 ? "%.6f" : "%.6e", v);
    }
}
