package scot.goldenthread.plans;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/** Plans as JSON, and plan files in and out, for scripts and the other capabilities. */
@RestController
@Tag(name = "Plans", description = "Plans, their elements and the golden thread; import and export")
@RequestMapping("/api/plans")
class PlanApiController {

	private final PlanCatalogue catalogue;

	private final GoldenThread thread;

	private final Access access;

	private final ActionStatuses statuses;

	PlanApiController(PlanCatalogue catalogue, GoldenThread thread, Access access, ActionStatuses statuses) {
		this.access = access;
		this.statuses = statuses;
		this.catalogue = catalogue;
		this.thread = thread;
	}

	@GetMapping
	List<PlanSummary> plans() {
		return this.catalogue.plans(this.access).stream().map(PlanSummary::of).toList();
	}

	@GetMapping("/{id}")
	PlanDetail plan(@PathVariable long id) {
		PlanTree tree = this.catalogue.tree(id, this.access).orElseThrow(() -> notFound("plan", id));
		ActionStatuses.Judged judged = this.statuses.of(tree);
		return new PlanDetail(PlanSummary.of(tree.plan()), tree.plan().owner(), tree.plan().partnershipCode(),
				tree.plan().description(), judged.asAt(tree.plan()).words(), tree.roots().stream().map((e) -> ElementNode.of(e, judged)).toList());
	}

	@GetMapping("/{id}/elements/{elementId}/thread")
	Map<String, Object> thread(@PathVariable long id, @PathVariable long elementId) {
		this.catalogue.tree(id, this.access).flatMap((tree) -> tree.element(elementId)).orElseThrow(() -> notFound("element", elementId));
		return Map.of("up", this.thread.up(elementId), "nationalOutcomes", this.thread.nationalOutcomes(elementId), "down",
				this.thread.down(elementId));
	}

	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(defaultValue = "yaml") String format) {
		return download(this.catalogue, this.access, id, format);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> importPlan(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String format) throws IOException {
		PlanFormat planFormat = formatOf(file, format);
		try (InputStream in = file.getInputStream()) {
			long id = this.catalogue.importFile(in, planFormat, this.access);
			return ResponseEntity.created(URI.create("/api/plans/" + id)).body(Map.of("id", id));
		}
	}

	/** The plan's versions, first to last, each with what changed from the one before. */
	@GetMapping("/{id}/versions")
	List<PlanVersion> versions(@PathVariable long id) {
		this.catalogue.tree(id, this.access).orElseThrow(() -> notFound("plan", id));
		return this.catalogue.versions(id);
	}

	/**
	 * Makes the file the plan's next version, in force from {@code inForceFrom} (year-month-day); {@code note} says why,
	 * in words. A file or date with problems is refused whole, every problem named.
	 */
	@PostMapping(path = "/{id}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Map<String, Object>> newVersion(@PathVariable long id, @RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String format, @RequestParam(required = false) String inForceFrom,
			@RequestParam(required = false) String note) throws IOException {
		LocalDate from;
		try {
			from = (inForceFrom != null && !inForceFrom.isBlank()) ? LocalDate.parse(inForceFrom.strip()) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new PlanImportException(new ImportProblem("version", "inForceFrom", "'" + inForceFrom + "' is not a date; write it as YYYY-MM-DD"));
		}
		try (InputStream in = file.getInputStream()) {
			int number = this.catalogue.refresh(id, in, formatOf(file, format), from, note, this.access);
			return ResponseEntity.created(URI.create("/api/plans/" + id + "/versions")).body(Map.of("id", id, "version", number));
		}
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		Plan plan = this.catalogue.plan(id).orElseThrow(() -> notFound("plan", id));
		this.access.require(this.access.mayOwn(this.catalogue.scopeOf(plan)));
		this.catalogue.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The format a request names, or else the one its file name says. */
	static PlanFormat formatOf(MultipartFile file, String format) {
		if (file.isEmpty()) {
			throw new PlanImportException(new ImportProblem("file", null, "is empty: choose a YAML, JSON or Excel plan file"));
		}
		return ((format != null && !format.isBlank()) ? PlanFormat.of(format) : PlanFormat.ofFileName(file.getOriginalFilename()))
			.orElseThrow(() -> new PlanImportException(new ImportProblem("file", "format",
					"cannot tell the format of '" + file.getOriginalFilename() + "': use .yaml, .json or .xlsx")));
	}

	static ResponseEntity<byte[]> download(PlanCatalogue catalogue, Access access, long id, String format) {
		PlanFormat planFormat = PlanFormat.of(format)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json, yaml or xlsx"));
		PlanTree tree = catalogue.tree(id, access).orElseThrow(() -> notFound("plan", id));
		Plan plan = tree.plan();
		byte[] file = catalogue.export(tree, planFormat, access);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(planFormat.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(plan.code() + "." + planFormat.code())
				.build()
				.toString())
			.body(file);
	}

	static ResponseStatusException notFound(String what, long id) {
		return NotFound.because("There is no " + what + " " + id);
	}

	record PlanSummary(long id, String code, String title, String type, LocalDate start, LocalDate end, String status) {

		static PlanSummary of(Plan plan) {
			return new PlanSummary(plan.id(), plan.code(), plan.title(), plan.type().code(), plan.start(), plan.end(),
					plan.status().code());
		}

	}

	/** {@code statusesAsAt}: when its actions' statuses are judged, in words. */
	record PlanDetail(@com.fasterxml.jackson.annotation.JsonUnwrapped PlanSummary plan, String owner, String partnership,
			String description, String statusesAsAt, List<ElementNode> elements) {
	}

	/** An action's one status ({@code expectedOutcome} is its code), and what it is made of. */
	record StatusDetail(String code, String label, String workedOut, String why, String leadAssessment, String remark) {

		static StatusDetail of(ActionStatus.Status status, PlanElement action) {
			return new StatusDetail(status.status().code(), status.label(), status.judged().code(), status.why(),
					Coded.codeOf(action.assessment()), status.remark());
		}

	}

	record ElementNode(long id, String code, String kind, String title, String shortTitle, String description,
			LocalDate start, String startAsWritten, LocalDate due, String dueAsWritten, Integer progress, String expectedOutcome, StatusDetail status, List<String> leads,
			String latestNote, List<Long> alignedTo, List<String> alignedToNationalOutcomes, List<String> measures,
			String prevention, ProjectNode project, List<ElementNode> children) {

		static ElementNode of(PlanElement e, ActionStatuses.Judged judged) {
			ActionStatus.Status status = judged.of(e);
			return new ElementNode(e.id(), e.code(), e.kind().code(), e.title(), e.shortTitle(), e.description(), e.start(),
					e.startWritten(), e.due(), e.dueWritten(), e.progress(), (status != null) ? status.status().code() : null,
					(status != null) ? StatusDetail.of(status, e) : null, e.leads(),
					e.latestNote(), e.alignedTo().stream().filter((a) -> !a.national()).map(PlanElement.Alignment::elementId).toList(),
					e.alignedTo().stream().filter(PlanElement.Alignment::national).map(PlanElement.Alignment::nationalOutcomeCode).toList(),
					e.measures().stream().map((m) -> m.code()).toList(), Coded.codeOf(e.prevention()), ProjectNode.of(e), e.children().stream().map((c) -> of(c, judged)).toList());
		}

	}

	/** An improvement project, its measures' codes by the part each plays ("outcome", "process", "balancing"). */
	record ProjectNode(String aim, String byHowMuch, LocalDate byWhen, String byWhenAsWritten, String phase, List<String> team,
			List<Map<String, String>> changeIdeas, String endReport, Map<String, List<String>> measures) {

		static ProjectNode of(PlanElement e) {
			ImprovementProject p = e.project();
			if (p == null) {
				return null;
			}
			Map<String, List<String>> measures = new LinkedHashMap<>();
			for (ImprovementProject.MeasureRole role : ImprovementProject.MeasureRole.values()) {
				measures.put(role.code(), p.measures(e, role).stream().map(MeasureDefinition::code).toList());
			}
			return new ProjectNode(p.aim(), p.byHowMuch(), p.byWhen(), p.byWhenWritten(), p.phase().code(), p.team(),
					p.changeIdeas().stream().map((i) -> Map.of("idea", i.idea(), "status", i.status().code())).toList(), p.endReport(), measures);
		}

	}

}
