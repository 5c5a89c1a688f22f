package org.activationlab.training;

/**
 * What became of one {@link TrainerCommand}: applied, refused (with the reason, for the user) or
 * superseded by a later command before it took effect (a newer {@code Load} replaced it, or a
 * later command of the same kind in the same flood overrode it).
 *
 * @param id      the id {@link Trainer#send} returned
 * @param command the command's name, e.g. {@code SetLearningRate}
 * @param status  applied, failed or superseded
 * @param message why it failed, or by which command it was superseded; null when applied
 */
public record CommandOutcome(long id, String command, Status status, String message) {

    public enum Status { APPLIED, FAILED, SUPERSEDED }

    public boolean failed() {
        return status == Status.FAILED;
    }

    static CommandOutcome applied(long id, TrainerCommand command) {
        return new CommandOutcome(id, name(command), Status.APPLIED, null);
    }

    static CommandOutcome failed(long id, TrainerCommand command, String message) {
        return new CommandOutcome(id, name(command), Status.FAILED, message);
    }

    static CommandOutcome superseded(long id, TrainerCommand command, long by) {
        return new CommandOutcome(id, name(command), Status.SUPERSEDED, "superseded by command " + by);
    }

    private static String name(TrainerCommand command) {
        return command.getClass().getSimpleName();
    }
}
