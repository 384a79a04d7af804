package scot.goldenthread.progress;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A lead updates all their actions for a period on one page, or in a workbook downloaded and uploaded again. */
@Controller
class BulkUpdateController {

	private final BulkUpdates bulk;

	private final ProgressUpdates updates;

	private final Clock clock;

	BulkUpdateController(BulkUpdates bulk, ProgressUpdates updates, Clock clock) {
		this.bulk = bulk;
		this.updates = updates;
		this.clock = clock;
	}

	@GetMapping("/my-updates/periods/{periodId}")
	String page(@PathVariable long periodId, Model model) {
		ReportingPeriod period = this.updates.period(periodId);
		List<BulkUpdates.Line> lines = this.bulk.lines(period);
		model.addAttribute("period", period);
		model.addAttribute("editable", lines.stream().filter(BulkUpdates.Line::editable).toList());
		model.addAttribute("others", lines.stream().filter((l) -> !l.editable()).toList());
		model.addAttribute("assessments", ProgressController.assessments());
		model.addAttribute("today", LocalDate.now(this.clock));
		if (!model.containsAttribute("typed")) {
			Map<Long, ProgressUpdates.Draft> typed = new LinkedHashMap<>();
			lines.forEach((l) -> typed.put(l.item().elementId(), l.start()));
			model.addAttribute("typed", typed);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "progress/update-all";
	}

	@PostMapping("/my-updates/periods/{periodId}")
	String save(@PathVariable long periodId, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "save") String action,
			Model model, RedirectAttributes redirect) {
		ReportingPeriod period = this.updates.period(periodId);
		Map<Long, ProgressUpdates.Draft> typed = new LinkedHashMap<>();
		List<BulkUpdates.Typed> lines = new ArrayList<>();
		for (BulkUpdates.Line line : this.bulk.lines(period)) {
			long id = line.item().elementId();
			if (!line.editable() || !form.containsKey("note-" + id)) {
				continue;
			}
			String version = form.getOrDefault("version-" + id, "");
			ProgressUpdates.Draft draft = new ProgressUpdates.Draft(form.get("progress-" + id), form.get("assessment-" + id), form.get("note-" + id),
					List.of(), version.matches("\\d{1,9}") ? Integer.valueOf(version) : null);
			typed.put(id, draft);
			lines.add(new BulkUpdates.Typed(id, line.item().code(), draft));
		}
		boolean submit = "submit".equals(action);
		BulkUpdates.Outcome outcome = this.bulk.save(period, lines, submit, false);
		if (!outcome.problems().isEmpty()) {
			Map<String, String> errors = new LinkedHashMap<>();
			outcome.problems().forEach((p) -> errors.put((p.field().isEmpty() ? "note" : p.field()) + "-" + p.elementId(),
					p.where() + ": " + p.message()));
			model.addAttribute("errors", errors);
			model.addAttribute("typed", typed);
			return page(periodId, model);
		}
		redirect.addFlashAttribute("done", saved(outcome, submit));
		return "redirect:/my-updates";
	}

	@GetMapping("/my-updates/periods/{periodId}/workbook")
	ResponseEntity<byte[]> workbook(@PathVariable long periodId) {
		ReportingPeriod period = this.updates.period(periodId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("my-updates-" + period.name().replaceAll("[^A-Za-z0-9]+", "-") + ".xlsx").build().toString())
			.body(UpdateWorkbook.write(period, this.bulk.lines(period)));
	}

	@PostMapping("/my-updates/periods/{periodId}/workbook")
	String upload(@PathVariable long periodId, @RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "save") String action,
			@RequestParam(defaultValue = "all") String keep, Model model) throws IOException {
		ReportingPeriod period = this.updates.period(periodId);
		String name = (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) ? file.getOriginalFilename() : "The file";
		UpdateWorkbook.Read read;
		try (InputStream in = file.getInputStream()) {
			read = UpdateWorkbook.read(name, in);
		}
		boolean submit = "submit".equals(action);
		BulkUpdates.Outcome outcome = read.problems().isEmpty() ? this.bulk.save(period, read.lines(), submit, "valid".equals(keep))
				: new BulkUpdates.Outcome(0, 0, read.problems(), false);
		model.addAttribute("uploaded", outcome);
		model.addAttribute("uploadMessage", outcome.problems().isEmpty() ? saved(outcome, submit)
				: outcome.kept() ? saved(outcome, submit) + " The rows below were not taken."
						: "Nothing was saved: put right the rows below and upload the workbook again, or choose to keep the rows that are right.");
		model.addAttribute("problemColumns", outcome.problems().stream().map((p) -> UpdateWorkbook.column(p.field())).toList());
		return page(periodId, model);
	}

	private static String saved(BulkUpdates.Outcome outcome, boolean submit) {
		return outcome.saved() + ((outcome.saved() == 1) ? " update " : " updates ") + (submit ? "submitted for approval" : "saved as drafts")
				+ ((outcome.unchanged() > 0) ? "; " + outcome.unchanged() + " left as " + ((outcome.unchanged() == 1) ? "it was" : "they were") : "") + ".";
	}

}
