package scot.goldenthread.stocktake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.reports.CommitteeReports;
import scot.goldenthread.reports.ReportWriter;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What a plan stands on, the owner adding to it, and the plan checked against the six statements. */
@Controller
class StockTakeController {

	private final PlanAccess plans;

	private final StockTakeRecords records;

	private final StockTake stockTake;

	private final PartnershipDirectory partnerships;

	private final CommitteeReports papers;

	private final ReportWriter writer;

	private final StockTakeSummary summaries;

	private final Clock clock;

	StockTakeController(PlanAccess plans, StockTakeRecords records, StockTake stockTake, PartnershipDirectory partnerships,
			CommitteeReports papers, ReportWriter writer, StockTakeSummary summaries, Clock clock) {
		this.papers = papers;
		this.writer = writer;
		this.summaries = summaries;
		this.clock = clock;
		this.plans = plans;
		this.records = records;
		this.stockTake = stockTake;
		this.partnerships = partnerships;
	}

	@GetMapping("/plans/{id}/stands-on")
	String standsOn(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.tree(id);
		boolean unpublished = this.plans.seesUnpublished(tree);
		List<Records.Contribution> contributions = this.records.contributions(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("names", tree.elements().stream().collect(Collectors.toMap(PlanElement::id, (e) -> e.code() + " " + e.headline())));
		model.addAttribute("participation", this.records.participation(id, unpublished));
		model.addAttribute("evidence", this.records.evidence(id, unpublished));
		model.addAttribute("equalityImpacts", this.records.equalityImpacts(id, unpublished));
		model.addAttribute("paperNames", this.papers.of(id).stream().collect(Collectors.toMap((c) -> c.id(), (c) -> c.subject() + ", " + c.reportTo())));
		model.addAttribute("contributions", contributions);
		model.addAttribute("byPartner", totals(contributions, Records.Contribution::partnerName));
		model.addAttribute("byYear", totals(contributions, Records.Contribution::financialYear));
		model.addAttribute("byPriority", totals(contributions, (c) -> priorityOf(tree, c.elementId())));
		model.addAttribute("mayOwn", this.plans.mayOwn(tree));
		return "stocktake/stands-on";
	}

	/** Money and staff time by partner or year, in name or year order. */
	record Total(BigDecimal money, BigDecimal fte) {
	}

	private static Map<String, Total> totals(List<Records.Contribution> contributions, java.util.function.Function<Records.Contribution, String> by) {
		return new TreeMap<>(contributions.stream().collect(Collectors.groupingBy(by, Collectors.reducing(new Total(BigDecimal.ZERO, BigDecimal.ZERO),
				(c) -> new Total(Objects.requireNonNullElse(c.money(), BigDecimal.ZERO), Objects.requireNonNullElse(c.fte(), BigDecimal.ZERO)),
				(a, b) -> new Total(a.money().add(b.money()), a.fte().add(b.fte()))))));
	}

	/** The priority (or theme, or outcome) a contribution's element is, or is under: its code and headline. */
	private static String priorityOf(PlanTree tree, long elementId) {
		for (PlanElement e = tree.element(elementId).orElse(null); e != null; e = (e.parentId() != null) ? tree.element(e.parentId()).orElse(null) : null) {
			if (SixStatements.PRIORITIES.contains(e.kind())) {
				return e.code() + " " + e.headline();
			}
		}
		return "Not under a priority";
	}

	@GetMapping("/plans/{id}/stands-on/participation")
	String participationForm(@PathVariable long id, Model model) {
		return form(id, null, model, "participation", new StockTakeRecords.ParticipationForm(null, null, null, null, null, null, null, null, null,
				null, null, "public", List.of()));
	}

	@PostMapping("/plans/{id}/stands-on/participation")
	String addParticipation(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.ParticipationForm form, Model model,
			RedirectAttributes redirect) {
		return save(id, null, model, redirect, "participation", () -> this.records.save(this.plans.owned(id), null, form));
	}

	@GetMapping("/plans/{id}/stands-on/evidence")
	String evidenceForm(@PathVariable long id, Model model) {
		return form(id, null, model, "evidence", new StockTakeRecords.EvidenceForm(null, null, null, null, null, null, "public", List.of(), List.of(),
				false));
	}

	@PostMapping("/plans/{id}/stands-on/evidence")
	String addEvidence(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.EvidenceForm form,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return save(id, null, model, redirect, "evidence", () -> this.records.save(this.plans.owned(id), null, form, upload(file)));
	}

	@GetMapping("/plans/{id}/stands-on/equality-impact")
	String equalityImpactForm(@PathVariable long id, Model model) {
		return form(id, null, model, "equality-impact", new StockTakeRecords.EqualityImpactForm(null, null, null, null, null, null, "public", false));
	}

	@PostMapping("/plans/{id}/stands-on/equality-impact")
	String addEqualityImpact(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.EqualityImpactForm form,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return save(id, null, model, redirect, "equality-impact", () -> this.records.save(this.plans.owned(id), null, form, upload(file)));
	}

	@GetMapping("/plans/{id}/stands-on/contribution")
	String contributionForm(@PathVariable long id, Model model) {
		return form(id, null, model, "contribution", new StockTakeRecords.ContributionForm(null, null, null, null, null, null, null));
	}

	@PostMapping("/plans/{id}/stands-on/contribution")
	String addContribution(@PathVariable long id, @ModelAttribute("form") StockTakeRecords.ContributionForm form, Model model,
			RedirectAttributes redirect) {
		return save(id, null, model, redirect, "contribution", () -> this.records.save(this.plans.owned(id), null, form));
	}

	/** A record's form filled in with it as it stands, for its owner to change. */
	@GetMapping("/plans/{id}/stands-on/{record}/{recordId}")
	String changeForm(@PathVariable long id, @PathVariable String record, @PathVariable long recordId, Model model) {
		long planId = this.plans.owned(id).plan().id();
		Object form = switch (record) {
			case "participation" -> StockTakeRecords.form(StockTakeRecords.one(this.records.participation(planId, true), recordId, Records.Participation::id));
			case "evidence" -> StockTakeRecords.form(StockTakeRecords.one(this.records.evidence(planId, true), recordId, Records.Evidence::id));
			case "equality-impact" -> StockTakeRecords.form(StockTakeRecords.one(this.records.equalityImpacts(planId, true), recordId, Records.EqualityImpact::id));
			case "contribution" -> StockTakeRecords.form(StockTakeRecords.one(this.records.contributions(planId), recordId, Records.Contribution::id));
			default -> throw NotFound.because("There is no such kind of record");
		};
		return form(id, recordId, model, record, form);
	}

	@PostMapping("/plans/{id}/stands-on/participation/{recordId}")
	String changeParticipation(@PathVariable long id, @PathVariable long recordId, @ModelAttribute("form") StockTakeRecords.ParticipationForm form,
			Model model, RedirectAttributes redirect) {
		return save(id, recordId, model, redirect, "participation", () -> this.records.save(this.plans.owned(id), recordId, form));
	}

	@PostMapping("/plans/{id}/stands-on/evidence/{recordId}")
	String changeEvidence(@PathVariable long id, @PathVariable long recordId, @ModelAttribute("form") StockTakeRecords.EvidenceForm form,
			@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
		return save(id, recordId, model, redirect, "evidence", () -> this.records.save(this.plans.owned(id), recordId, form, upload(file)));
	}

	@PostMapping("/plans/{id}/stands-on/equality-impact/{recordId}")
	String changeEqualityImpact(@PathVariable long id, @PathVariable long recordId,
			@ModelAttribute("form") StockTakeRecords.EqualityImpactForm form, @RequestParam(required = false) MultipartFile file, Model model,
			RedirectAttributes redirect) {
		return save(id, recordId, model, redirect, "equality-impact", () -> this.records.save(this.plans.owned(id), recordId, form, upload(file)));
	}

	@PostMapping("/plans/{id}/stands-on/contribution/{recordId}")
	String changeContribution(@PathVariable long id, @PathVariable long recordId, @ModelAttribute("form") StockTakeRecords.ContributionForm form,
			Model model, RedirectAttributes redirect) {
		return save(id, recordId, model, redirect, "contribution", () -> this.records.save(this.plans.owned(id), recordId, form));
	}

	/** The file an evidence or equality impact record carries, for whoever may see the record; sent to save, never shown in place. */
	@GetMapping("/plans/{id}/stands-on/{record}/{recordId}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable String record, @PathVariable long recordId) {
		PlanTree tree = this.plans.tree(id);
		StockTakeRecords.StoredFile file = this.records.file(id, record, recordId, this.plans.seesUnpublished(tree))
			.orElseThrow(() -> NotFound.because("There is no such file"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

	private static StockTakeRecords.Upload upload(MultipartFile file) {
		try {
			return (file == null) ? null : new StockTakeRecords.Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Map<String, String> NAMES = Map.of("participation", "a participation record", "evidence", "evidence",
			"equality-impact", "an equality impact assessment", "contribution", "a contribution from a partner");

	private static final Map<String, String> ADD = Map.of("participation", "Add the record", "evidence", "Add the evidence", "equality-impact",
			"Add the assessment", "contribution", "Add the contribution");

	private static final Map<String, String> DONE = Map.of("participation", "The participation record", "evidence", "The evidence",
			"equality-impact", "The equality impact assessment", "contribution", "The partner's contribution");

	private String form(long id, Long recordId, Model model, String kind, Object empty) {
		PlanTree tree = this.plans.owned(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("heading", ((recordId == null) ? "Add " : "Change ") + NAMES.get(kind));
		model.addAttribute("button", (recordId == null) ? ADD.get(kind) : "Save the changes");
		model.addAttribute("action", "/plans/" + id + "/stands-on/" + kind + ((recordId != null) ? "/" + recordId : ""));
		model.addAttribute("elements", StockTakeRecords.informable(tree));
		model.addAttribute("measures", tree.elements().stream().flatMap((e) -> e.measures().stream())
			.collect(Collectors.toMap(MeasureDefinition::code, (m) -> m, (a, b) -> a, TreeMap::new)).values());
		model.addAttribute("partners", this.partnerships.partners());
		model.addAttribute("methods", choices("Choose how", Records.Participation.Method.values(), Records.Participation.Method::label));
		model.addAttribute("kinds", "evidence".equals(kind) ? choices("Choose a kind", Records.Evidence.Kind.values(), Records.Evidence.Kind::label)
				: choices(null, Records.Participation.Kind.values(), Records.Participation.Kind::label));
		model.addAttribute("sources", choices("Choose one", Records.Contribution.Source.values(), Records.Contribution.Source::label));
		model.addAttribute("outcomes", choices("Not recorded", Records.EqualityImpact.Outcome.values(), (o) -> o.label() + ": " + o.meaning()));
		Map<String, String> papers = new LinkedHashMap<>();
		papers.put("", "The plan");
		if ("equality-impact".equals(kind)) {
			this.papers.of(id).forEach((c) -> papers.put(String.valueOf(c.id()), "Committee paper: " + c.subject() + ", " + c.reportTo() + ", "
					+ c.meetingDate().format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK))));
		}
		model.addAttribute("papers", papers);
		model.addAttribute("fileName", (recordId == null) ? null : switch (kind) {
			case "evidence" -> StockTakeRecords.one(this.records.evidence(id, true), recordId, Records.Evidence::id).fileName();
			case "equality-impact" -> StockTakeRecords.one(this.records.equalityImpacts(id, true), recordId, Records.EqualityImpact::id).fileName();
			default -> null;
		});
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", empty);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "stocktake/" + kind + "-form";
	}

	private String save(long id, Long recordId, Model model, RedirectAttributes redirect, String kind, Runnable saving) {
		try {
			saving.run();
			redirect.addFlashAttribute("done", DONE.get(kind) + ((recordId == null) ? " is added." : " is changed."));
			return "redirect:/plans/" + id + "/stands-on";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return form(id, recordId, model, kind, null);
		}
	}

	/** A select's choices, by code, after a first one asking to choose where {@code prompt} is given. */
	private static <E extends Coded> Map<String, String> choices(String prompt, E[] values, java.util.function.Function<E, String> label) {
		Map<String, String> choices = new LinkedHashMap<>();
		if (prompt != null) {
			choices.put("", prompt);
		}
		for (E value : values) {
			choices.put(value.code(), label.apply(value));
		}
		return choices;
	}

	@PostMapping("/plans/{id}/stands-on/{record}/{recordId}/remove")
	String remove(@PathVariable long id, @PathVariable String record, @PathVariable long recordId, RedirectAttributes redirect) {
		if (!this.records.remove(this.plans.owned(id), record, recordId)) {
			throw NotFound.because("This plan has no such record");
		}
		redirect.addFlashAttribute("done", "The record is removed.");
		return "redirect:/plans/" + id + "/stands-on";
	}

	@GetMapping("/plans/{id}/stock-take")
	String check(@PathVariable long id, Model model) {
		PlanTree tree = this.plans.tree(id);
		model.addAttribute("plan", tree.plan());
		model.addAttribute("statements", this.stockTake.check(tree));
		model.addAttribute("assessments", this.records.selfAssessments(id));
		model.addAttribute("mayOwn", this.plans.mayOwn(tree));
		return "stocktake/check";
	}

	/** The check printed as a report, as the person asking may see it: a page to keep, a tagged PDF or a Word file. */
	@GetMapping("/plans/{id}/stock-take/download")
	ResponseEntity<byte[]> report(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
		PlanTree tree = this.plans.tree(id);
		return this.writer.file(StockTakeReport.of(tree.plan(), this.stockTake.check(tree), this.records.selfAssessments(id),
				OffsetDateTime.now(this.clock)), format);
	}

	/** How every published plan stands against the six statements, by partnership, from the standings kept: a few queries for any number. */
	@GetMapping("/stock-take")
	String summary(Model model) {
		model.addAttribute("summary", this.summaries.summary());
		model.addAttribute("titles", SixStatements.TITLES);
		return "stocktake/summary";
	}

	@PostMapping("/plans/{id}/stock-take/{statement}")
	String assess(@PathVariable long id, @PathVariable int statement, @ModelAttribute StockTakeRecords.SelfAssessmentForm form,
			RedirectAttributes redirect) {
		if (statement < 1 || statement > 6) {
			throw NotFound.because("There are six statements");
		}
		this.records.assess(this.plans.owned(id), statement, form);
		redirect.addFlashAttribute("done", "The partnership's assessment against statement " + statement + " is saved.");
		return "redirect:/plans/" + id + "/stock-take#statement-" + statement;
	}

}
