package scot.goldenthread.plans;

import java.util.List;

/**
 * An action's update approved by its plan's owner, the latest approved: the plan's element takes what it
 * says, and the milestones it reports done are done. The update cycle publishes it; plans listen, so they
 * need know nothing of the cycle.
 */
public record ProgressApproved(long elementId, int progress, Assessment assessment, String note, List<Long> milestonesDone) {
}
