package scot.goldenthread.plans;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.measures.MeasureUses;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.PlanNames;
import scot.goldenthread.people.Scope;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.NotFound;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the application asks of plans: find, read as a tree, import, export, delete. */
@Service
public class PlanCatalogue implements MeasureUses, PlanNames {

	private final PlanRepository plans;

	private final PlanImporter importer;

	private final PlanExporter exporter;

	private final PlanFiles files;

	private final AuditLog audit;

	private final PartnershipDirectory partnerships;

	private final MeasureCatalogue measures;

	private final PlanVersions versions;

	private final List<PlanRecords> records;

	PlanCatalogue(PlanRepository plans, PlanImporter importer, PlanExporter exporter, PlanFiles files, AuditLog audit,
			PartnershipDirectory partnerships, MeasureCatalogue measures, PlanVersions versions, List<PlanRecords> records) {
		this.records = records;
		this.versions = versions;
		this.measures = measures;
		this.plans = plans;
		this.importer = importer;
		this.exporter = exporter;
		this.files = files;
		this.audit = audit;
		this.partnerships = partnerships;
	}

	public List<Plan> plans() {
		return this.plans.plans();
	}

	public List<Plan> plansOf(String partnershipCode) {
		return this.plans.plansOf(partnershipCode);
	}

	@Override
	public Map<Long, String> planNames() {
		Map<Long, String> names = new LinkedHashMap<>();
		plans().forEach((p) -> names.put(p.id(), p.code() + " " + p.title()));
		return names;
	}

	/** A draft plan is seen only by those who may see what is not yet published there; the rest is public. */
	public boolean visible(Plan plan, Access access) {
		return visible(plan, () -> access.maySeeUnpublished(scopeOf(plan)));
	}

	/** Who may see unpublished work is asked only of a draft, the one kind of plan it matters for. */
	private static boolean visible(Plan plan, BooleanSupplier seesUnpublished) {
		return plan.status() != PlanStatus.DRAFT || seesUnpublished.getAsBoolean();
	}

	/** A locality plan, or an element of any plan, that serves a locality. */
	public record Serving(Plan plan, Long elementId, String code, String title, String kind) {
	}

	/** The plans and elements this person (or the public) may see that are scoped to the locality. */
	public List<Serving> serving(String locality, Access access) {
		Map<Long, Plan> visible = new java.util.HashMap<>();
		plans(access).forEach((p) -> visible.put(p.id(), p));
		List<Serving> serving = new java.util.ArrayList<>();
		visible.values().stream().filter((p) -> locality.equals(p.locality()))
			.forEach((p) -> serving.add(new Serving(p, null, p.code(), p.title(), p.type().label())));
		this.plans.elementsServing(locality).stream().filter((e) -> visible.containsKey(e.planId()))
			.forEach((e) -> serving.add(new Serving(visible.get(e.planId()), e.id(), e.code(), e.title(), e.level().label())));
		return serving;
	}

	/** A plan ({@code elementId} null) or one of its elements whose words match a search, and how well. */
	public record Match(long planId, Long elementId, float rank) {
	}

	/** What matches the words typed (PostgreSQL's web search syntax: words, "a phrase", or, -not), best first. */
	public List<Match> matching(String words) {
		return this.plans.matching(words);
	}

	/** The plans this person (or the public) may see. */
	public List<Plan> plans(Access access) {
		return visible(plans(), access);
	}

	/** The plans among these that this person (or the public) may see. */
	public List<Plan> visible(List<Plan> plans, Access access) {
		Predicate<Plan> seesUnpublished = seesUnpublished(access);
		return plans.stream().filter((p) -> visible(p, () -> seesUnpublished.test(p))).toList();
	}

	/**
	 * The plan as this person (or the public) may see it: a draft they may not see is not there, nor are the
	 * measures not public.
	 */
	public Optional<PlanTree> tree(long id, Access access) {
		return plan(id).flatMap((plan) -> trees(List.of(plan), access).stream().findFirst());
	}

	/**
	 * The trees of the plans among these that this person (or the public) may see, as {@link #tree(long, Access)}
	 * gives each, read in the same few queries however many plans there are.
	 */
	public List<PlanTree> trees(List<Plan> plans, Access access) {
		Predicate<Plan> seesUnpublished = seesUnpublished(access);
		List<Plan> visible = plans.stream().filter((p) -> visible(p, () -> seesUnpublished.test(p))).toList();
		Set<String> unpublished = this.measures.unpublished();
		return this.plans.trees(visible).stream().map((t) -> seesUnpublished.test(t.plan()) ? t : t.without(unpublished)).toList();
	}

	/**
	 * Whether this person may see a plan's unpublished work, for many plans: the partnerships' ids are read once,
	 * when the first plan is asked about, rather than once a plan as {@link #scopeOf} reads them.
	 */
	private Predicate<Plan> seesUnpublished(Access access) {
		Map<String, Long> partnershipIds = new HashMap<>();
		return (plan) -> {
			if (partnershipIds.isEmpty()) {
				this.partnerships.partnerships().forEach((p) -> partnershipIds.put(p.code(), p.id()));
			}
			return access.maySeeUnpublished(new Scope(plan.id(),
					(plan.partnershipCode() != null) ? partnershipIds.get(plan.partnershipCode()) : null));
		};
	}

	/** Where a plan lives, for deciding who may see and change it. */
	public Scope scopeOf(Plan plan) {
		return new Scope(plan.id(), partnershipId(plan.partnershipCode()));
	}

	private Long partnershipId(String code) {
		return (code == null) ? null : this.partnerships.partnership(code).map(Partnership::id).orElse(null);
	}

	/** A plan by its code, such as PPL-2022-23. */
	public Optional<Plan> plan(String code) {
		return this.plans.plan(code);
	}

	public Optional<Plan> plan(long id) {
		return this.plans.plan(id);
	}

	public Optional<PlanTree> tree(long id) {
		return this.plans.tree(id);
	}

	/** The plan an element belongs to, with the element. */
	public Optional<PlanTree> treeOf(long elementId) {
		return this.plans.planOf(elementId).flatMap(this::tree);
	}

	/**
	 * Writes an approved update into the plan, where every page, report and the public see it, in the
	 * approval's own transaction; a milestone reported done is 100% done.
	 */
	@EventListener
	@Transactional
	public void on(ProgressApproved approved) {
		Map<Long, PlanRepository.ElementProgress> elements = this.plans.progressOf(approved.elementId());
		recordProgress(elements.get(approved.elementId()), approved.progress(), approved.assessment(), approved.note());
		ImprovementProject project = (approved.phase() != null) ? element(approved.elementId()).project() : null;
		if (project != null && project.phase() != approved.phase()) {
			this.plans.recordPhase(approved.elementId(), approved.phase());
			this.audit.updated("plan-element", approved.elementId(), "Moved improvement project " + elements.get(approved.elementId()).code()
					+ " to its " + approved.phase().label().toLowerCase(Locale.ROOT) + " phase", Map.of("phase", project.phase().code()),
					Map.of("phase", approved.phase().code()));
		}
		for (long milestone : approved.milestonesDone()) {
			PlanRepository.ElementProgress done = elements.get(milestone);
			if (done != null && !Integer.valueOf(100).equals(done.progress())) {
				recordProgress(done, 100, Assessment.COMPLETED, done.latestNote());
			}
		}
	}

	private void recordProgress(PlanRepository.ElementProgress before, int progress, Assessment assessment, String note) {
		this.plans.recordProgress(before.id(), progress, assessment, note);
		this.audit.updated("plan-element", before.id(), "Recorded progress on " + before.code() + ": " + progress + "%",
				progressOf(before.progress(), before.assessment(), before.latestNote()), progressOf(progress, assessment, note));
	}

	/** A plan owner marks an action completed, cancelled, deferred or on hold, or (null) leaves it to be worked out. */
	@Transactional
	public void decide(long elementId, OwnerDecision decision) {
		PlanElement before = element(elementId);
		this.plans.setOwnerDecision(elementId, decision);
		this.audit.updated("plan-element", elementId, "Set the status of " + before.code() + " to "
				+ ((decision != null) ? decision.label() : "worked out from progress"),
				Map.of("ownerDecision", String.valueOf(before.ownerDecision())), Map.of("ownerDecision", String.valueOf(decision)));
	}

	private PlanElement element(long elementId) {
		return treeOf(elementId).flatMap((tree) -> tree.element(elementId)).orElseThrow();
	}

	private static Map<String, Object> progressOf(Integer progress, Assessment assessment, String latestNote) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("progress", progress);
		state.put("assessment", assessment);
		state.put("latestNote", latestNote);
		return state;
	}

	@Override
	public List<Use> of(String measureCode) {
		return this.measures.measure(measureCode).map((m) -> this.plans.usesOf(m.id())).orElse(List.of());
	}

	@Override
	public List<PlanMeasures> plansUsingMeasures(Access access) {
		Map<Long, Set<String>> codesByPlan = new HashMap<>();
		Map<Long, String> codes = new HashMap<>();
		measurePlans().forEach((use, code) -> {
			codesByPlan.computeIfAbsent(use.planId(), (id) -> new HashSet<>()).add(code);
			codes.put(use.measureId(), code);
		});
		// a measure serves an outcome only through an element that uses it, so its code is among those
		Map<Long, List<Served>> servedByPlan = new HashMap<>();
		PlanRepository.MeasureReach reach = this.plans.measureReach();
		reach.served().forEach((o) -> servedByPlan.computeIfAbsent(o.planId(), (id) -> new ArrayList<>())
			.add(new Served(o.outcomeCode(), o.outcomeName(), codes.get(o.measureId()))));
		Map<Long, List<PlanRepository.MeasureStrategicOutcome>> underByPlan = reach.under().stream()
			.collect(Collectors.groupingBy(PlanRepository.MeasureStrategicOutcome::planId));
		return plans(access).stream().filter((plan) -> codesByPlan.containsKey(plan.id()))
			.map((plan) -> new PlanMeasures(plan.code(), plan.title(), plan.partnershipCode(), plan.partnershipName(),
					codesByPlan.get(plan.id()), servedByPlan.getOrDefault(plan.id(), List.of()),
					underByPlan.getOrDefault(plan.id(), List.of()).stream()
						.map((u) -> new Under(plan.code() + "/" + u.elementCode(), u.elementTitle(), codes.get(u.measureId()))).toList()))
			.toList();
	}

	@Override
	public Map<String, Set<Scope>> owners() {
		Map<String, Set<Scope>> owners = new HashMap<>();
		measurePlans().forEach((use, code) -> owners.computeIfAbsent(code, (c) -> new HashSet<>())
			.add(new Scope(use.planId(), use.partnershipId())));
		return owners;
	}

	/** Each plan's use of a measure, with the measure's code, which the measures answer by id. */
	private Map<PlanRepository.MeasurePlan, String> measurePlans() {
		List<PlanRepository.MeasurePlan> uses = this.plans.measurePlans();
		Map<Long, MeasureDefinition> measures = this.measures.definitions(uses.stream().map(PlanRepository.MeasurePlan::measureId).toList());
		Map<PlanRepository.MeasurePlan, String> codes = new LinkedHashMap<>();
		uses.forEach((use) -> codes.put(use, measures.get(use.measureId()).code()));
		return codes;
	}

	/** Reads and stores a plan file whole, or throws {@link PlanImportException} naming every problem. */
	public long importFile(InputStream in, PlanFormat format) {
		return this.importer.importPlan(this.files.read(in, format));
	}

	/**
	 * The same, for the person signed in, who must own plans where the file's plan belongs: for its
	 * partnership or everywhere.
	 */
	public long importFile(InputStream in, PlanFormat format, Access access) {
		PlanDocument document = this.files.read(in, format);
		access.require(access.mayOwn(new Scope(null, partnershipId(document.plan().partnership()))));
		return this.importer.importPlan(document);
	}

	/**
	 * Makes the file the plan's next version, in force from {@code inForceFrom}, for one who owns the plan (and the
	 * partnership the file names); answers the version's number, or throws {@link PlanImportException} naming every
	 * problem, with nothing changed.
	 */
	public int refresh(long planId, InputStream in, PlanFormat format, LocalDate inForceFrom, String note, Access access) {
		PlanTree tree = tree(planId).orElseThrow(() -> NotFound.because("There is no such plan"));
		access.require(access.mayOwn(scopeOf(tree.plan())));
		PlanDocument document = this.files.read(in, format);
		access.require(access.mayOwn(new Scope(planId, partnershipId(document.plan().partnership()))));
		return this.importer.refresh(tree.plan(), document, inForceFrom, Commands.typed(note), this.exporter.document(tree));
	}

	/** The plan's versions, first to last. */
	public List<PlanVersion> versions(long planId) {
		return this.versions.of(planId);
	}

	/** The plan's version in force on the day: the latest to have come into force by then, or the first before any had. */
	public PlanVersion versionInForce(long planId, LocalDate day) {
		List<PlanVersion> all = versions(planId);
		return all.stream().filter((v) -> !v.inForceFrom().isAfter(day)).reduce((a, b) -> b).orElse(all.get(0));
	}

	/** The plan as one of its versions left it, as this person (or the public) may see it, if it has that version. */
	public Optional<PlanTree> version(PlanTree tree, int number, Access access) {
		return this.versions.tree(tree, number)
			.map((t) -> (t == tree || seesUnpublished(access).test(t.plan())) ? t : t.without(this.measures.unpublished()));
	}

	/**
	 * The plan file of a plan as it was read for the person asking, with the records it stands on: those not published,
	 * and contacts, only for one who may see the plan's unpublished work.
	 */
	public byte[] export(PlanTree tree, PlanFormat format, Access access) {
		return export(tree, format, seesUnpublished(access).test(tree.plan()));
	}

	/** The plan file with the records the public may have. */
	public byte[] export(PlanTree tree, PlanFormat format) {
		return export(tree, format, false);
	}

	private byte[] export(PlanTree tree, PlanFormat format, boolean unpublished) {
		List<PlanDocument.Records> kept = this.records.stream().map((r) -> r.of(tree, unpublished)).toList();
		return this.files.write(this.exporter.document(tree, kept.isEmpty() ? null : kept.get(0)), format);
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
