package org.activationlab.app;

import org.activationlab.cli.ActivationLabCommand;
import org.activationlab.cli.CliException;
import org.activationlab.engine.Activations;
import org.activationlab.engine.NetworkSpec;
import org.activationlab.app.UiBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code bench-ui}: the desktop app's frame rate and switch latency, in a real window. */
@Command(name = "bench-ui", mixinStandardHelpOptions = true,
        versionProvider = ActivationLabCommand.VersionProvider.class,
        description = {"Opens the real window at 1280×800, trains at Max speed, switches the "
                + "activation once a second, and prints average FPS, p50/p99 frame time, snapshots "
                + "published vs drawn, and the latency from a switch to the first frame showing it.",
                "Needs a display (under Xvfb: xvfb-run -a java -jar activation-lab.jar bench-ui)."})
final class UiBenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "15", paramLabel = "S",
            description = "How long to run, 1–600 (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--warmup", defaultValue = "30", paramLabel = "S",
            description = "Seconds of training (and switching) before measuring, 0–120 (default: "
                    + "${DEFAULT-VALUE}): the JIT compiles the drawing and training code for about the "
                    + "first 25. The warm-up's frames are printed apart.")
    double warmup;

    @Option(names = "--race", description = "Race mode: every activation trains side by side; "
            + "prints FPS, frame times and epochs/s per model.")
    boolean race;

    @Option(names = "--preload-epochs", defaultValue = "0", paramLabel = "N",
            description = "Start with N epochs of made-up history (statistics scattered around the "
                    + "first ones, a switch marker every 150 epochs), to measure the frame cost after "
                    + "a long run at once, 0–10000000 (default: ${DEFAULT-VALUE}).")
    int preloadEpochs;

    @Option(names = "--width", paramLabel = "N",
            description = "Units per hidden layer of the networks trained (default: the classic 64).")
    Integer width;

    @Option(names = "--depth", paramLabel = "N",
            description = "Hidden layers of the networks trained (default: the classic 2).")
    Integer depth;

    @Override
    public Integer call() throws InterruptedException {
        if (!(seconds >= 1 && seconds <= 600)) {
            throw new CliException("--seconds must be 1–600, got " + seconds);
        }
        if (!(warmup >= 0 && warmup <= 120)) {
            throw new CliException("--warmup must be 0–120 seconds, got " + warmup);
        }
        if (preloadEpochs < 0 || preloadEpochs > 10_000_000) {
            throw new CliException("--preload-epochs must be 0–10000000, got " + preloadEpochs);
        }
        NetworkSpec network = null;
        if (width != null || depth != null) {
            NetworkSpec classic = NetworkSpec.classic(Activations.RELU);
            try {
                network = new NetworkSpec(depth == null ? classic.depth() : depth,
                        width == null ? classic.width() : width, classic.activation(),
                        classic.initializer(), classic.initScale(), classic.biasInit());
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
        var missing = Display.missing();
        if (missing.isPresent()) {
            throw new CliException(missing.get());
        }
        try {
            UiBenchmark bench = new UiBenchmark(seconds, race).withPreloadEpochs(preloadEpochs).withWarmUp(warmup);
            if (network != null) {
                bench.withNetwork(network);
            }
            return bench.run(spec.commandLine().getOut());
        } catch (UnsupportedOperationException toolkitFailure) {
            throw new CliException(Display.cannotOpen(toolkitFailure));
        }
    }
}
