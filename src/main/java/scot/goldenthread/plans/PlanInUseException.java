package scot.goldenthread.plans;

/** A plan that other plans are aligned to, and so cannot be removed. */
public class PlanInUseException extends RuntimeException {

	public PlanInUseException(String message) {
		super(message);
	}

}
