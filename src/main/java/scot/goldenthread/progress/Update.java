package scot.goldenthread.progress;

/** What the update cycle knows of any update for a reporting period, of an action or of a measure. */
public interface Update {

	UpdateState state();

	String writtenBy();

	int version();

}
