package scot.goldenthread.plans;

/**
 * The records a plan stands on, kept by the module that owns them and carried in the plan file beside its elements, so
 * that a plan with its records is exported and imported whole without the plans knowing how they are kept.
 */
public interface PlanRecords {

	/** The plan's records as its file carries them; without {@code unpublished}, those the public may have. */
	PlanDocument.Records of(PlanTree tree, boolean unpublished);

	/** Stores a file's records for the plan just stored from it, or throws {@link PlanImportException} naming each problem. */
	void store(PlanTree tree, PlanDocument.Records records);

}
