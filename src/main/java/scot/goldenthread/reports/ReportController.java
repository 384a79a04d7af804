package scot.goldenthread.reports;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanOnAPage;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Refused;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The progress report of a plan: a page to choose what it holds and read it, and the same report as a
 * file in every format, from the page or the API.
 */
@Controller
class ReportController {

	private final ProgressReports reports;

	private final MeasuresReports measures;

	private final ReportWriter writer;

	ReportController(ProgressReports reports, MeasuresReports measures, ReportWriter writer) {
		this.reports = reports;
		this.measures = measures;
		this.writer = writer;
	}

	@GetMapping("/plans/{planId}/report")
	String page(@PathVariable long planId, @ModelAttribute("selection") ProgressReports.Selection selection, Model model,
			HttpServletRequest request) {
		PlanTree tree = this.reports.tree(planId);
		model.addAttribute("tree", tree);
		model.addAttribute("query", (request.getQueryString() != null) ? "&" + request.getQueryString() : "");
		model.addAttribute("groups", groups(tree));
		model.addAttribute("periods", this.reports.periods(planId));
		model.addAttribute("mayAskForDraft", this.reports.mayAskForDraft(tree.plan()));
		model.addAttribute("statuses", statuses());
		model.addAttribute("formats", ReportFormat.values());
		try {
			model.addAttribute("r", this.reports.build(planId, selection));
			model.addAttribute("errors", Map.of());
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
		}
		return "reports/progress-page";
	}

	@GetMapping("/plans/{planId}/report/download")
	ResponseEntity<byte[]> download(@PathVariable long planId, @RequestParam String format,
			@ModelAttribute ProgressReports.Selection selection) {
		return file(planId, format, selection);
	}

	/** {@code GET /api/reports/progress?plan=1&format=pdf} with the same selection as the page. */
	@GetMapping("/api/reports/progress")
	ResponseEntity<byte[]> api(@RequestParam long plan, @RequestParam(defaultValue = "html") String format,
			@ModelAttribute ProgressReports.Selection selection) {
		return file(plan, format, selection);
	}

	private ResponseEntity<byte[]> file(long planId, String format, ProgressReports.Selection selection) {
		ReportFormat chosen = format(format);
		ProgressReport report = this.reports.build(planId, selection);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	/** Seed 000's dashboard measures with their figures and charts. */
	@GetMapping("/plans/{planId}/measures-report")
	String measuresPage(@PathVariable long planId, Model model) {
		model.addAttribute("m", this.measures.build(planId));
		model.addAttribute("formats", ReportFormat.values());
		return "reports/measures-page";
	}

	@GetMapping({ "/plans/{planId}/measures-report/download" })
	ResponseEntity<byte[]> measuresFile(@PathVariable long planId, @RequestParam String format) {
		return measuresReport(planId, format);
	}

	/** {@code GET /api/reports/measures?plan=1&format=pdf}. */
	@GetMapping("/api/reports/measures")
	ResponseEntity<byte[]> measuresApi(@RequestParam long plan, @RequestParam(defaultValue = "html") String format) {
		return measuresReport(plan, format);
	}

	private ResponseEntity<byte[]> measuresReport(long planId, String format) {
		ReportFormat chosen = format(format);
		MeasuresReport report = this.measures.build(planId);
		return attachment(report.fileName(), chosen, (out) -> this.writer.write(report, chosen, out));
	}

	/** Seed 000's annex 2 as a document: html, pdf or docx. */
	@GetMapping("/plans/{planId}/on-a-page/download")
	ResponseEntity<byte[]> onAPageFile(@PathVariable long planId, @RequestParam String format) {
		return onAPage(planId, format);
	}

	/** {@code GET /api/reports/plan-on-a-page?plan=1&format=pdf}. */
	@GetMapping("/api/reports/plan-on-a-page")
	ResponseEntity<byte[]> onAPageApi(@RequestParam long plan, @RequestParam(defaultValue = "html") String format) {
		return onAPage(plan, format);
	}

	private ResponseEntity<byte[]> onAPage(long planId, String format) {
		ReportFormat chosen = format(format);
		if (chosen == ReportFormat.XLSX || chosen == ReportFormat.CSV) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A plan on a page comes as html, pdf or docx");
		}
		PlanOnAPage page = PlanOnAPage.of(this.reports.tree(planId));
		return attachment(page.tree().plan().code() + "-plan-on-a-page", chosen, (out) -> this.writer.write(page, chosen, out));
	}

	private static ReportFormat format(String format) {
		return ReportFormat.of(format).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST,
				"format must be one of html, pdf, docx, xlsx or csv"));
	}

	/** A file to save, named for what it holds, with the content type of its format. */
	static ResponseEntity<byte[]> attachment(String name, ReportFormat format, java.util.function.Consumer<java.io.OutputStream> write) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		write.accept(out);
		return ResponseEntity.ok()
			.contentType(format.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format.extension()).build().toString())
			.body(out.toByteArray());
	}

	@ExceptionHandler
	@ResponseBody
	ResponseEntity<ProblemDetail> refused(Refused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("The selection cannot be read");
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().body(problem);
	}

	/** What actions can be chosen under: every element with actions beneath it. */
	private static Map<String, String> groups(PlanTree tree) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "All");
		for (PlanElement e : tree.elements()) {
			if (e.kind() != ElementKind.ACTION && e.code() != null
					&& e.flatten().stream().anyMatch((d) -> d.kind() == ElementKind.ACTION)) {
				options.put(e.code(), e.kind().label() + " " + e.code() + ": " + e.headline());
			}
		}
		return options;
	}

	private static Map<String, String> statuses() {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "Any");
		for (ExpectedOutcome outcome : ExpectedOutcome.values()) {
			options.put(outcome.code(), outcome.label());
		}
		return options;
	}

}
