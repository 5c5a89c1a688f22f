/**
 * The headless command line, built with picocli: {@code activation-lab train | activations |
 * bench}. {@link org.activationlab.cli.ActivationLabCommand#commandLine()} gives the configured
 * command line (other packages may add subcommands, e.g. the app's {@code bench-ui});
 * {@link org.activationlab.cli.ActivationLabCommand#run(String...)} runs it and returns the exit
 * code: 0 success, 2 bad input (one {@code error:} line on stderr), 3 a model diverged,
 * 1 internal error. Output goes to the command line's own writers, so tests capture it with
 * {@code setOut}/{@code setErr}.
 */
package org.activationlab.cli;
