package scot.goldenthread.reports;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Refused;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report pages: the progress report of a plan, with a form to choose what it holds, and its measures
 * report; and every report as a file, for the page's download links and for the API.
 */
@Controller
class ReportController {

	private final ProgressReports reports;

	private final MeasuresReports measures;

	private final ReportFiles files;

	ReportController(ProgressReports reports, MeasuresReports measures, ReportFiles files) {
		this.reports = reports;
		this.measures = measures;
		this.files = files;
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
			model.addAttribute("r", this.reports.build(tree, selection));
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
		return this.files.progress(planId, format, selection);
	}

	/** Seed 000's dashboard measures with their figures and charts. */
	@GetMapping("/plans/{planId}/measures-report")
	String measuresPage(@PathVariable long planId, Model model) {
		// the page links each chart as SVG: no pictures to draw
		model.addAttribute("m", this.measures.build(planId, false));
		model.addAttribute("formats", ReportFormat.values());
		return "reports/measures-page";
	}

	/** Seed 000's annex 2 as a document: html, pdf or docx. */
	@GetMapping("/plans/{planId}/on-a-page/download")
	ResponseEntity<byte[]> onAPageFile(@PathVariable long planId, @RequestParam String format) {
		return this.files.onAPage(planId, format);
	}

	@GetMapping("/plans/{planId}/measures-report/download")
	ResponseEntity<byte[]> measuresFile(@PathVariable long planId, @RequestParam String format) {
		return this.files.measures(planId, format);
	}

	/** What actions can be chosen under: every element with actions beneath it. */
	private static Map<String, String> groups(PlanTree tree) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", "All");
		for (PlanElement e : tree.elements()) {
			if (e.kind() != ElementKind.ACTION && e.code() != null
					&& e.flatten().stream().anyMatch((d) -> d.kind() == ElementKind.ACTION)) {
				options.put(e.code(), e.level().label() + " " + e.code() + ": " + e.headline());
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
