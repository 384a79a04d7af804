package scot.goldenthread.plans;

/** One reason a plan file was refused: where in the file, which field, and why. */
public record ImportProblem(String where, String field, String reason) {

	@Override
	public String toString() {
		return this.where + ((this.field != null) ? ", " + this.field : "") + ": " + this.reason;
	}

}
