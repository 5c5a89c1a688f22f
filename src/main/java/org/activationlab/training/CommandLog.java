package org.activationlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An immutable view of the trainer's command outcomes, in the order the commands were sent
 * (their ids increase). Like {@link Series}, the trainer only appends beyond a published view, so
 * a snapshot's log never changes and costs nothing to publish. It keeps the newest
 * {@link #CAPACITY} outcomes or more, so a reader that skips snapshots still sees every outcome of
 * a flood of that many commands; the counts cover every command since the trainer started.
 */
public final class CommandLog {

    /** Outcomes kept at least (older ones are dropped in halves once twice this many pile up). */
    public static final int CAPACITY = 20_000;

    private final CommandOutcome[] outcomes;
    private final int length;
    private final long total;
    private final long failedTotal;

    private CommandLog(CommandOutcome[] outcomes, int length, long total, long failedTotal) {
        this.outcomes = outcomes;
        this.length = length;
        this.total = total;
        this.failedTotal = failedTotal;
    }

    /** The outcome of command {@code id}, if it has one yet and it is still kept. */
    public Optional<CommandOutcome> outcome(long id) {
        int lo = 0;
        int hi = length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = outcomes[mid].id();
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return Optional.of(outcomes[mid]);
            }
        }
        return Optional.empty();
    }

    /** The kept outcomes, oldest first. */
    public List<CommandOutcome> all() {
        List<CommandOutcome> list = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            list.add(outcomes[i]);
        }
        return list;
    }

    /** The kept outcomes of commands with an id above {@code id}, oldest first. */
    public List<CommandOutcome> after(long id) {
        List<CommandOutcome> list = new ArrayList<>();
        for (int i = length - 1; i >= 0 && outcomes[i].id() > id; i--) {
            list.add(0, outcomes[i]);
        }
        return list;
    }

    /** Outcomes recorded since the trainer started, kept or not. */
    public long total() {
        return total;
    }

    /** Failed commands since the trainer started. */
    public long failedTotal() {
        return failedTotal;
    }

    /** The id of the newest command with an outcome, or 0. */
    public long lastId() {
        return length == 0 ? 0 : outcomes[length - 1].id();
    }

    /** Trainer-side append-only storage. */
    static final class Builder {
        private CommandOutcome[] outcomes = new CommandOutcome[64];
        private int length;
        private long total;
        private long failedTotal;

        void add(CommandOutcome outcome) {
            if (length == outcomes.length) {
                int keep = length >= 2 * CAPACITY ? CAPACITY : length;
                CommandOutcome[] grown = new CommandOutcome[Math.max(64, keep * 2)];
                System.arraycopy(outcomes, length - keep, grown, 0, keep);
                outcomes = grown; // old views keep the old array
                length = keep;
            }
            outcomes[length++] = outcome;
            total++;
            failedTotal += outcome.failed() ? 1 : 0;
        }

        CommandLog view() {
            return new CommandLog(outcomes, length, total, failedTotal);
        }
    }
}
