package scot.goldenthread.people;

/** Where something lives: its plan (none yet for a plan being imported) and the partnership that owns the plan, if any. */
public record Scope(Long planId, Long partnershipId) {
}
