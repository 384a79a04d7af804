package scot.goldenthread.reports;

import io.swagger.v3.oas.annotations.tags.Tag;

import scot.goldenthread.shared.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every report as a file, for scripts: the same files as the pages' download links. */
@RestController
@Tag(name = "Reports", description = "Progress, measures and committee reports and the plan on a page, as files")
class ReportApiController {

	private final ReportFiles files;

	ReportApiController(ReportFiles files) {
		this.files = files;
	}

	/**
	 * The progress report of a plan; {@code format} is html, pdf, docx, xlsx or csv, and the selection is
	 * priority (an element's code), lead, partner, status, dueFrom, dueTo, period (an id), rollUp and draft.
	 */
	@GetMapping("/api/reports/progress")
	ResponseEntity<byte[]> progress(@RequestParam long plan, @RequestParam(defaultValue = "html") String format,
			@ModelAttribute ProgressReports.Selection selection) {
		return this.files.progress(plan, format, selection);
	}

	/** The dashboard measures of a plan with their figures and charts, in any of the five formats. */
	@GetMapping("/api/reports/measures")
	ResponseEntity<byte[]> measures(@RequestParam long plan, @RequestParam(defaultValue = "html") String format) {
		return this.files.measures(plan, format);
	}

	/** A plan on a page, as html, pdf or docx. */
	@GetMapping("/api/reports/plan-on-a-page")
	ResponseEntity<byte[]> onAPage(@RequestParam long plan, @RequestParam(defaultValue = "html") String format) {
		return this.files.onAPage(plan, format);
	}

	/** A committee report with its appendix, as html, pdf or docx. */
	@GetMapping("/api/reports/committee/{id}")
	ResponseEntity<byte[]> committee(@PathVariable long id, @RequestParam(defaultValue = "html") String format) {
		return this.files.committee(id, format);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Refused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("The selection cannot be read");
		problem.setProperty("errors", ex.errors());
		return ResponseEntity.badRequest().body(problem);
	}

}
