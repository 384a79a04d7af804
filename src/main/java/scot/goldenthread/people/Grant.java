package scot.goldenthread.people;

/** A role held for one partnership, for one plan, or, with neither, everywhere. */
public record Grant(long id, Role role, Long partnershipId, Long planId) {

	public boolean everywhere() {
		return this.partnershipId == null && this.planId == null;
	}

	/** Where it is held, as forms and {@link Places} key it. */
	public String place() {
		return everywhere() ? "" : (this.planId != null) ? "plan:" + this.planId : "partnership:" + this.partnershipId;
	}

	boolean covers(Scope scope) {
		return everywhere() || (this.planId != null && this.planId.equals(scope.planId()))
				|| (this.partnershipId != null && this.partnershipId.equals(scope.partnershipId()));
	}

}
