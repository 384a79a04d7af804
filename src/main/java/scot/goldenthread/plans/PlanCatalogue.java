package scot.goldenthread.plans;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.audit.AuditLog;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the application asks of plans: find, read as a tree, import, export, delete. */
@Service
public class PlanCatalogue implements scot.goldenthread.measures.MeasureUses {

	private final PlanRepository plans;

	private final PlanImporter importer;

	private final PlanExporter exporter;

	private final PlanFiles files;

	private final AuditLog audit;

	PlanCatalogue(PlanRepository plans, PlanImporter importer, PlanExporter exporter, PlanFiles files, AuditLog audit) {
		this.plans = plans;
		this.importer = importer;
		this.exporter = exporter;
		this.files = files;
		this.audit = audit;
	}

	public List<Plan> plans() {
		return this.plans.plans();
	}

	public List<Plan> plansOf(String partnershipCode) {
		return this.plans.plansOf(partnershipCode);
	}

	public Optional<Plan> plan(long id) {
		return this.plans.plan(id);
	}

	public Optional<PlanTree> tree(long id) {
		return this.plans.tree(id);
	}

	@Override
	public List<Use> of(String measureCode) {
		return this.plans.usesOf(measureCode);
	}

	/** Reads and stores a plan file whole, or throws {@link PlanImportException} naming every problem. */
	public long importFile(InputStream in, PlanFormat format) {
		return this.importer.importPlan(this.files.read(in, format));
	}

	public Optional<byte[]> export(long id, PlanFormat format) {
		return tree(id).map((tree) -> this.files.write(this.exporter.document(tree), format));
	}

	/**
	 * Deletes the plan, or answers false where there is none. A plan that other plans serve is kept:
	 * deleting it would silently cut their golden thread.
	 */
	@Transactional
	public boolean delete(long id) {
		Optional<PlanTree> tree = tree(id);
		tree.ifPresent((t) -> {
			List<String> serving = this.plans.plansAlignedTo(id);
			if (!serving.isEmpty()) {
				throw new PlanInUseException("Plan " + t.plan().code() + " cannot be deleted: plans " + serving
						+ " are aligned to it. Remove those alignments first.");
			}
			this.audit.deleted("plan", id, "Deleted plan " + t.plan().code(), this.exporter.document(t));
			this.plans.deletePlan(id);
		});
		return tree.isPresent();
	}

}
