package scot.goldenthread.plans;

import java.util.List;

/**
 * An action's update approved by its plan's owner, the latest approved: the plan's element takes what it
 * says, the milestones it reports done are done, and an improvement project reaches the phase it gives (none
 * leaves it where it was). The update cycle publishes it; plans listen, so they need know nothing of the cycle.
 */
public record ProgressApproved(long elementId, int progress, Assessment assessment, String note, List<Long> milestonesDone,
		ImprovementProject.Phase phase) {
}
