package scot.goldenthread.plans;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.Geographies;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.measures.Polarity;
import scot.goldenthread.nationaloutcomes.NationalOutcomes;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.FormDates;
import scot.goldenthread.shared.TextLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a whole plan from its file: everything is checked first and every problem reported, so that
 * a plan is stored whole or not at all.
 */
@Service
class PlanImporter {

	static final String NATIONAL = "NPF";

	private final PlanRepository plans;

	private final PartnershipDirectory partnerships;

	private final NationalOutcomes nationalOutcomes;

	private final MeasureCatalogue measures;

	private final AuditLog audit;

	private final Geographies geographies;

	private final PlanFiles files;

	private final List<PlanRecords> records;

	PlanImporter(PlanRepository plans, PartnershipDirectory partnerships, NationalOutcomes nationalOutcomes,
			MeasureCatalogue measures, Geographies geographies, AuditLog audit, PlanFiles files, List<PlanRecords> records) {
		this.records = records;
		this.files = files;
		this.geographies = geographies;
		this.plans = plans;
		this.partnerships = partnerships;
		this.nationalOutcomes = nationalOutcomes;
		this.measures = measures;
		this.audit = audit;
	}

	/** Stores the plan and answers its id, or throws with every problem found and stores nothing. */
	@Transactional
	public long importPlan(PlanDocument document) {
		List<ImportProblem> problems = new Validation(document, null).problems();
		if (!problems.isEmpty()) {
			throw new PlanImportException(problems);
		}
		PlanDocument.Header header = document.plan();
		long planId = this.plans.insertPlan(header, partnershipId(header));
		Map<PlanDocument.Element, Long> ids = new LinkedHashMap<>();
		insert(planId, null, document.elements(), Map.of(), ids);
		align(ids);
		if (!document.records().isEmpty()) {
			PlanTree tree = this.plans.tree(planId).orElseThrow();
			this.records.forEach((r) -> r.store(tree, document.records()));
		}
		this.plans.insertVersion(planId, 1, LocalDate.parse(header.start().trim()), this.audit.actor(), null, List.of());
		this.audit.created("plan", planId, "Imported plan " + header.code(), header);
		ids.forEach((element, id) -> this.audit.created("plan-element", id,
				"Added " + element.kind() + " " + element.code() + " to plan " + header.code(), element.withChildren(null)));
		return planId;
	}

	/**
	 * Makes the file the plan's next version, in force from {@code inForceFrom}, and answers its number; or throws with
	 * every problem found and changes nothing. Elements are matched by code: those the file leaves out are withdrawn
	 * with their updates kept, and the version before keeps the plan file as it stood, with what changed.
	 */
	@Transactional
	public int refresh(Plan plan, PlanDocument document, LocalDate inForceFrom, String note, PlanDocument before) {
		Validation validation = new Validation(document, plan);
		List<ImportProblem> problems = validation.problems();
		List<PlanVersion> versions = this.plans.versions(plan.id());
		PlanVersion current = versions.get(versions.size() - 1);
		if (inForceFrom == null) {
			problems.add(new ImportProblem("version", "inForceFrom", "is missing: say from when the new version is in force"));
		}
		else if (!inForceFrom.isAfter(current.inForceFrom())) {
			problems.add(new ImportProblem("version", "inForceFrom", "must be after " + current.inForceFrom()
					+ ", when version " + current.number() + " came into force"));
		}
		TextLimits.problem(note, TextLimits.NOTE).ifPresent((reason) -> problems.add(new ImportProblem("version", "note", reason)));
		Map<String, Long> had = this.plans.elementIds(plan.id());
		Set<String> kept = validation.codes;
		List<String> served = this.plans.servedFromOtherPlans(plan.id()).stream().filter((code) -> !kept.contains(code)).toList();
		served.forEach((code) -> problems.add(new ImportProblem("element " + code, null, "is left out, but another plan's element serves it: "
				+ "align that element elsewhere first, or keep this one")));
		if (!problems.isEmpty()) {
			throw new PlanImportException(problems);
		}
		int number = current.number() + 1;
		this.plans.keepDocument(plan.id(), current.number(), new String(this.files.write(before, PlanFormat.YAML), StandardCharsets.UTF_8));
		this.plans.updatePlan(plan.id(), document.plan(), partnershipId(document.plan()));
		this.plans.deleteAlignments(plan.id());
		Map<PlanDocument.Element, Long> ids = new LinkedHashMap<>();
		insert(plan.id(), null, document.elements(), had, ids);
		this.plans.withdraw(had.entrySet().stream().filter((e) -> !kept.contains(e.getKey())).map(Map.Entry::getValue).toList(), number);
		align(ids);
		List<PlanVersion.Change> changes = PlanVersion.changes(before, document);
		this.plans.insertVersion(plan.id(), number, inForceFrom, this.audit.actor(), note, changes);
		this.audit.updated("plan", plan.id(), "Made version " + number + " of plan " + plan.code() + ", in force from " + inForceFrom,
				Map.of("version", current.number()), Map.of("version", number, "inForceFrom", inForceFrom.toString(), "changes", changes));
		return number;
	}

	private Long partnershipId(PlanDocument.Header header) {
		return (header.partnership() != null) ? this.partnerships.partnership(header.partnership()).map(Partnership::id).orElseThrow() : null;
	}

	/** What each element serves, once every element of the plan has its id. */
	private void align(Map<PlanDocument.Element, Long> ids) {
		for (Map.Entry<PlanDocument.Element, Long> entry : ids.entrySet()) {
			int position = 0;
			for (String target : entry.getKey().alignedTo()) {
				Reference reference = Reference.parse(target);
				if (reference.national()) {
					this.plans.insertAlignment(entry.getValue(), position++, null, reference.element());
				}
				else {
					this.plans.insertAlignment(entry.getValue(), position++,
							this.plans.elementId(reference.plan(), reference.element()).orElseThrow(), null);
				}
			}
		}
	}

	/** Writes the elements under {@code parentId}: those the plan {@code had} (by code) again, the rest anew. */
	private void insert(long planId, Long parentId, List<PlanDocument.Element> elements, Map<String, Long> had,
			Map<PlanDocument.Element, Long> ids) {
		int position = 0;
		for (PlanDocument.Element element : elements) {
			Long id = had.get(element.code());
			if (id != null) {
				this.plans.updateElement(id, planId, parentId, position++, element);
			}
			else {
				id = this.plans.insertElement(planId, parentId, position++, element);
			}
			ids.put(element, id);
			int n = 0;
			for (PlanDocument.Measure measure : element.measures()) {
				this.plans.use(id, n++, this.measures.idFor(new MeasureDefinition(measure.code(), measure.title(),
						Polarity.of(measure.polarity()).orElseThrow())), ImprovementProject.MeasureRole.of(measure.role()).orElse(null));
			}
			insert(planId, id, element.children(), had, ids);
		}
	}

	/** "PLAN-CODE/ELEMENT-CODE" names another plan's element, "NPF/health" a national outcome. */
	record Reference(String plan, String element) {

		static Reference parse(String text) {
			int slash = text.indexOf('/');
			if (slash <= 0 || slash == text.length() - 1) {
				throw new IllegalArgumentException(
						"'" + text + "' is not a reference: write PLAN-CODE/ELEMENT-CODE or NPF/national-outcome");
			}
			return new Reference(text.substring(0, slash).trim(), text.substring(slash + 1).trim());
		}

		boolean national() {
			return NATIONAL.equals(this.plan);
		}

	}

	/** Every check an import makes, each problem named by where it is, the field and the reason. */
	private final class Validation {

		private final PlanDocument document;

		private final List<ImportProblem> problems = new ArrayList<>();

		private final Set<String> codes = new HashSet<>();

		private final Map<String, PlanDocument.Measure> measuresInFile = new HashMap<>();

		/** The levels the elements are placed by: the plan's own where it names them without a problem. */
		private PlanLevels levels = PlanLevels.PRODUCT;

		/** The plan the file is a new version of, or null for a new plan. */
		private final Plan refreshing;

		Validation(PlanDocument document, Plan refreshing) {
			this.document = document;
			this.refreshing = refreshing;
		}

		List<ImportProblem> problems() {
			this.problems.addAll(this.document.unread());
			if (!PlanDocument.FORMAT.equals(this.document.format())) {
				problem("file", "format", "must be '" + PlanDocument.FORMAT + "'");
			}
			PlanDocument.Header header = this.document.plan();
			if (header == null) {
				problem("file", "plan", "is missing: the plan's code, title, type, dates and status go here");
				return this.problems;
			}
			checkHeader(header);
			collectCodes(this.document.elements());
			checkElements(null, this.document.elements());
			return this.problems;
		}

		private void checkHeader(PlanDocument.Header header) {
			String where = "plan";
			if (required(where, "code", header.code())) {
				if (this.refreshing == null && PlanImporter.this.plans.plan(header.code().trim()).isPresent()) {
					problem(where, "code", "a plan with code '" + header.code() + "' already exists; to refresh it, make a new version of it");
				}
				else if (this.refreshing != null && !this.refreshing.code().equals(header.code().trim())) {
					problem(where, "code", "is '" + header.code() + "': a new version of plan " + this.refreshing.code() + " keeps its code");
				}
			}
			required(where, "title", header.title());
			text(where, "code", header.code(), TextLimits.NAME);
			text(where, "title", header.title(), TextLimits.TITLE);
			text(where, "owner", header.owner(), TextLimits.TITLE);
			text(where, "description", header.description(), TextLimits.NOTE);
			header.relatedPlans().forEach((related) -> text(where, "relatedPlans", related, TextLimits.TITLE));
			if (required(where, "type", header.type()) && PlanType.of(header.type()).isEmpty()) {
				problem(where, "type", "'" + header.type() + "' is not a plan type; use one of " + Coded.codes(PlanType.class));
			}
			if (required(where, "status", header.status()) && PlanStatus.of(header.status()).isEmpty()) {
				problem(where, "status", "'" + header.status() + "' is not a status; use one of " + Coded.codes(PlanStatus.class));
			}
			LocalDate start = required(where, "start", header.start()) ? date(where, "start", header.start()) : null;
			LocalDate end = required(where, "end", header.end()) ? date(where, "end", header.end()) : null;
			if (start != null && end != null && end.isBefore(start)) {
				problem(where, "end", "the plan ends (" + end + ") before it starts (" + start + ")");
			}
			date(where, "approvedOn", header.approvedOn());
			if (header.partnership() != null && PlanImporter.this.partnerships.partnership(header.partnership()).isEmpty()) {
				problem(where, "partnership", "no partnership has the code '" + header.partnership() + "'");
			}
			locality(where, header.locality());
			checkLevels(header.levels());
		}

		/** Each level a known kind, once, with what the plan calls one and several of it. */
		private void checkLevels(List<PlanDocument.Level> given) {
			List<PlanLevels.Level> levels = new ArrayList<>();
			Set<ElementKind> seen = new HashSet<>();
			int before = this.problems.size();
			for (int i = 0; i < given.size(); i++) {
				PlanDocument.Level level = given.get(i);
				String where = "plan, level " + (i + 1);
				ElementKind kind = null;
				if (required(where, "kind", level.kind())) {
					kind = ElementKind.of(level.kind().trim()).orElse(null);
					if (kind == null) {
						problem(where, "kind", "'" + level.kind() + "' is not a kind of element; a level is one of " + Coded.codes(ElementKind.class)
								+ ", named in the plan's own words");
					}
					else if (!seen.add(kind)) {
						problem(where, "kind", "'" + level.kind() + "' is named twice; each kind is one level of the plan");
					}
				}
				required(where, "name", level.name());
				required(where, "plural", level.plural());
				text(where, "name", level.name(), TextLimits.NAME);
				text(where, "plural", level.plural(), TextLimits.NAME);
				if (kind != null && level.name() != null && level.plural() != null) {
					levels.add(new PlanLevels.Level(kind, level.name().trim(), level.plural().trim()));
				}
			}
			if (this.problems.size() == before && !levels.isEmpty()) {
				this.levels = new PlanLevels(levels);
			}
		}

		/** A plan or element scoped to a locality names one of the localities drawn, by its code. */
		private void locality(String where, String code) {
			if (code != null && !"locality".equals(PlanImporter.this.geographies.level(code).orElse(null))) {
				problem(where, "locality", "'" + code + "' is not the code of a locality; a council's localities are listed on its place page");
			}
		}

		private void collectCodes(List<PlanDocument.Element> elements) {
			for (PlanDocument.Element element : elements) {
				if (element.code() != null && !element.code().isBlank() && !this.codes.add(element.code())) {
					problem(element.where(), "code", "'" + element.code() + "' is used by another element of this plan");
				}
				collectCodes(element.children());
			}
		}

		private void checkElements(ElementKind parent, List<PlanDocument.Element> elements) {
			for (PlanDocument.Element element : elements) {
				String where = element.where();
				required(where, "code", element.code());
				required(where, "title", element.title());
				text(where, "code", element.code(), TextLimits.NAME);
				text(where, "title", element.title(), TextLimits.TITLE);
				text(where, "shortTitle", element.shortTitle(), TextLimits.TITLE);
				text(where, "description", element.description(), TextLimits.NOTE);
				text(where, "latestNote", element.latestNote(), TextLimits.NOTE);
				element.leads().forEach((lead) -> text(where, "leads", lead, TextLimits.TITLE));
				element.keyPlans().forEach((plan) -> text(where, "keyPlans", plan, TextLimits.TITLE));
				element.programmes().forEach((programme) -> text(where, "programmes", programme, TextLimits.TITLE));
				ElementKind kind = null;
				if (required(where, "kind", element.kind())) {
					kind = ElementKind.of(element.kind()).orElse(null);
					if (kind == null) {
						problem(where, "kind", "'" + element.kind() + "' is not a kind of element; use one of " + Coded.codes(ElementKind.class));
					}
					else {
						this.levels.misplaced(kind, parent).ifPresent((reason) -> problem(where, "kind", reason));
					}
				}
				written(where, "start", element.start());
				written(where, "due", element.due());
				locality(where, element.locality());
				checkProgress(where, element.progress());
				if (element.expectedOutcome() != null && element.assessment() == null && element.ownerDecision() == null) {
					problem(where, "expectedOutcome", "'" + element.expectedOutcome() + "' is not an expected outcome; use one of "
							+ Coded.codes(ExpectedOutcome.class));
				}
				element.leads().stream().filter((lead) -> lead == null || lead.isBlank()).findAny()
					.ifPresent((blank) -> problem(where, "leads", "a lead has no name"));
				element.alignedTo().forEach((target) -> checkAlignment(where, target));
				element.measures().forEach((measure) -> checkMeasure(where, measure, element.project() != null));
				checkProject(where, kind, element.project());
				if (element.prevention() != null && Prevention.of(element.prevention()).isEmpty()) {
					problem(where, "prevention", "'" + element.prevention() + "' is not a focus; use one of " + Coded.codes(Prevention.class)
							+ ", or leave it out where the plan does not say");
				}
				checkElements(kind, element.children());
			}
		}

		private void checkProgress(String where, String progress) {
			if (progress == null) {
				return;
			}
			try {
				int value = Integer.parseInt(progress.trim());
				if (value < 0 || value > 100) {
					problem(where, "progress", progress + " is outside 0 to 100");
				}
			}
			catch (NumberFormatException ex) {
				problem(where, "progress", "'" + progress + "' is not a whole number from 0 to 100");
			}
		}

		private void checkAlignment(String where, String target) {
			Reference reference;
			try {
				reference = Reference.parse(target);
			}
			catch (IllegalArgumentException ex) {
				problem(where, "alignedTo", ex.getMessage());
				return;
			}
			if (reference.national()) {
				if (PlanImporter.this.nationalOutcomes.find(reference.element()).isEmpty()) {
					problem(where, "alignedTo", "'" + reference.element() + "' is not a national outcome; use one of "
							+ PlanImporter.this.nationalOutcomes.all().stream().map((n) -> n.code()).toList());
				}
			}
			else if (reference.plan().equals(this.document.plan().code())) {
				if (!this.codes.contains(reference.element())) {
					problem(where, "alignedTo", "this plan has no element '" + reference.element() + "'");
				}
			}
			else if (PlanImporter.this.plans.plan(reference.plan()).isEmpty()) {
				problem(where, "alignedTo", "no plan has the code '" + reference.plan() + "'");
			}
			else if (PlanImporter.this.plans.elementId(reference.plan(), reference.element()).isEmpty()) {
				problem(where, "alignedTo", "plan '" + reference.plan() + "' has no element '" + reference.element() + "'");
			}
		}

		private void checkMeasure(String where, PlanDocument.Measure measure, boolean project) {
			String field = "measures";
			if (!required(where, field + ".code", measure.code()) | !required(where, field + ".title", measure.title())) {
				return;
			}
			if (measure.role() == null && project) {
				problem(where, field + ".role", "is missing: say what part measure '" + measure.code() + "' plays in the improvement project, "
						+ "one of " + Coded.codes(ImprovementProject.MeasureRole.class));
			}
			else if (measure.role() != null && !project) {
				problem(where, field + ".role", "a measure plays a role only in an improvement project; give the action a project, "
						+ "or leave the role out");
			}
			else if (measure.role() != null && ImprovementProject.MeasureRole.of(measure.role()).isEmpty()) {
				problem(where, field + ".role", "'" + measure.role() + "' is not a role of a project's measure; use one of "
						+ Coded.codes(ImprovementProject.MeasureRole.class));
			}
			if (measure.polarity() == null || Polarity.of(measure.polarity()).isEmpty()) {
				problem(where, field + ".polarity", "'" + measure.polarity() + "' is not a polarity; use one of " + Coded.codes(Polarity.class));
			}
			PlanDocument.Measure earlier = this.measuresInFile.putIfAbsent(measure.code(), measure);
			String knownTitle = (earlier != null) ? earlier.title()
					: PlanImporter.this.measures.find(measure.code()).map(MeasureDefinition::title).orElse(measure.title());
			if (!knownTitle.equals(measure.title())) {
				problem(where, field + ".title", "measure '" + measure.code() + "' is already defined as '" + knownTitle + "'");
			}
		}

		/** An improvement project is an action's, with an aim, a known phase and changes each with a known status. */
		private void checkProject(String where, ElementKind kind, PlanDocument.Project project) {
			if (project == null) {
				return;
			}
			if (kind != null && kind != ElementKind.ACTION) {
				problem(where, "project", "only an action can be run as an improvement project, not a " + this.levels.of(kind).label());
			}
			required(where, "project.aim", project.aim());
			text(where, "project.aim", project.aim(), TextLimits.TITLE);
			text(where, "project.byHowMuch", project.byHowMuch(), TextLimits.TITLE);
			text(where, "project.endReport", project.endReport(), TextLimits.NOTE);
			written(where, "project.byWhen", project.byWhen());
			if (project.phase() != null && ImprovementProject.Phase.of(project.phase()).isEmpty()) {
				problem(where, "project.phase", "'" + project.phase() + "' is not a phase; use one of " + Coded.codes(ImprovementProject.Phase.class));
			}
			project.team().forEach((member) -> {
				if (required(where, "project.team", member)) {
					text(where, "project.team", member, TextLimits.TITLE);
				}
			});
			for (PlanDocument.ChangeIdea idea : project.changeIdeas()) {
				if (required(where, "project.changeIdeas.idea", idea.idea())) {
					text(where, "project.changeIdeas.idea", idea.idea(), TextLimits.TITLE);
				}
				if (idea.status() != null && ImprovementProject.ChangeIdea.Status.of(idea.status()).isEmpty()) {
					problem(where, "project.changeIdeas.status", "'" + idea.status() + "' is not how a change's testing stands; use one of "
							+ Coded.codes(ImprovementProject.ChangeIdea.Status.class));
				}
			}
		}

		private boolean required(String where, String field, String value) {
			if (value == null || value.isBlank()) {
				problem(where, field, "is missing");
				return false;
			}
			return true;
		}

		private void text(String where, String field, String value, int max) {
			TextLimits.problem(value, max).ifPresent((reason) -> problem(where, field, reason));
		}

		private LocalDate date(String where, String field, String value) {
			if (value == null) {
				return null;
			}
			try {
				LocalDate date = LocalDate.parse(value.trim());
				FormDates.outOfRange(date).ifPresent((reason) -> problem(where, field, "'" + value + "' " + reason));
				return date;
			}
			catch (DateTimeParseException ex) {
				problem(where, field, "'" + value + "' is not a date; write it as YYYY-MM-DD");
				return null;
			}
		}

		/** A start or due date as the plan writes it: a day, a month, a financial or academic year, or a year. */
		private void written(String where, String field, String value) {
			if (value == null) {
				return;
			}
			WrittenDate.Result read = WrittenDate.parse(value);
			if (read.problem() != null) {
				problem(where, field, read.problem());
			}
			else {
				FormDates.outOfRange(read.date().first()).or(() -> FormDates.outOfRange(read.date().last()))
					.ifPresent((reason) -> problem(where, field, "'" + value + "' " + reason));
			}
		}

		private void problem(String where, String field, String reason) {
			// a value the reading could not take is told once, as the reading found it
			if (this.document.unread().stream().noneMatch((p) -> p.where().equals(where) && Objects.equals(p.field(), field))) {
				this.problems.add(new ImportProblem(where, field, reason));
			}
		}

	}

}
