package scot.goldenthread.reports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.Refused;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Committee papers: a plan's list, one paper with its appendix, the form owners write it in, and its files. */
@Controller
class CommitteeReportController {

	private final CommitteeReports papers;

	private final ProgressReports reports;

	private final ReportFiles files;

	private final CommitteeAppendices appendices;

	private final LaidPapers laid;

	CommitteeReportController(CommitteeReports papers, ProgressReports reports, ReportFiles files, CommitteeAppendices appendices,
			LaidPapers laid) {
		this.appendices = appendices;
		this.laid = laid;
		this.papers = papers;
		this.reports = reports;
		this.files = files;
	}

	@GetMapping("/plans/{planId}/committee-reports")
	String list(@PathVariable long planId, Model model) {
		model.addAttribute("tree", this.reports.tree(planId));
		model.addAttribute("papers", this.papers.of(planId));
		model.addAttribute("mayWrite", this.papers.mayWrite(planId));
		return "reports/committee-list";
	}

	@GetMapping("/committee-reports/{id}")
	String show(@PathVariable long id, Model model) {
		CommitteeReport paper = this.papers.get(id);
		model.addAttribute("c", paper);
		ProgressReport appendix = this.papers.appendix(paper);
		model.addAttribute("r", appendix);
		model.addAttribute("plan", appendix.plan());
		model.addAttribute("attached", this.appendices.of(paper));
		model.addAttribute("laid", this.laid.of(paper));
		model.addAttribute("mayWrite", this.papers.mayWrite(paper.planId()));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("formats", List.of(ReportFormat.HTML, ReportFormat.PDF, ReportFormat.DOCX));
		return "reports/committee-page";
	}

	@GetMapping("/plans/{planId}/committee-reports/new")
	String newForm(@PathVariable long planId, Model model) {
		return form(planId, null, Map.of(), Map.of(), model);
	}

	@GetMapping("/committee-reports/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		CommitteeReport paper = this.papers.get(id);
		return form(paper.planId(), paper, Map.of(), Map.of(), model);
	}

	@PostMapping("/plans/{planId}/committee-reports")
	String create(@PathVariable long planId, @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		try {
			CommitteeReport created = this.papers.create(planId, draft(fields));
			redirect.addFlashAttribute("done", "The committee report is saved.");
			return "redirect:/committee-reports/" + created.id();
		}
		catch (Refused ex) {
			return form(planId, null, fields.toSingleValueMap(), ex.errors(), model);
		}
	}

	@PostMapping("/committee-reports/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes redirect) {
		CommitteeReport paper = this.papers.get(id);
		try {
			this.papers.update(id, draft(fields));
			redirect.addFlashAttribute("done", "The committee report is saved.");
			return "redirect:/committee-reports/" + id;
		}
		catch (Refused ex) {
			return form(paper.planId(), this.papers.get(id), fields.toSingleValueMap(), ex.errors(), model);
		}
	}

	@GetMapping("/committee-reports/{id}/download")
	ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam String format) {
		return this.files.committee(id, format);
	}

	/** The form, with what was saved, or what was typed when it was refused. */
	private String form(long planId, CommitteeReport paper, Map<String, String> typed, Map<String, String> errors, Model model) {
		PlanTree tree = this.reports.tree(planId);
		if (!this.papers.mayWrite(planId)) {
			throw new org.springframework.security.access.AccessDeniedException("Only the plan's owners write its committee reports");
		}
		Map<String, String> form = new java.util.HashMap<>();
		if (paper != null) {
			form.put("organisation", paper.organisation());
			form.put("reportTo", paper.reportTo());
			form.put("subject", paper.subject());
			form.put("reportBy", paper.reportBy());
			form.put("period", (paper.periodId() != null) ? paper.periodId().toString() : "");
			form.put("version", String.valueOf(paper.version()));
			paper.sections().forEach((s, text) -> form.put(s.code(), text));
		}
		else {
			form.put("subject", tree.plan().title() + " – progress update");
		}
		form.putAll(typed);
		model.addAttribute("meetingDate", (paper != null && DateInput.in(typed, "meetingDate") == null) ? DateInput.of(paper.meetingDate())
				: DateInput.in(typed, "meetingDate"));
		model.addAttribute("tree", tree);
		model.addAttribute("paper", paper);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("periods", this.reports.periods(planId));
		model.addAttribute("sections", CommitteeReport.Section.values());
		return "reports/committee-form";
	}

	private static CommitteeReports.Draft draft(MultiValueMap<String, String> fields) {
		Map<CommitteeReport.Section, String> sections = new EnumMap<>(CommitteeReport.Section.class);
		for (CommitteeReport.Section section : CommitteeReport.Section.values()) {
			sections.put(section, fields.getFirst(section.code()));
		}
		String version = fields.getFirst("version");
		return new CommitteeReports.Draft(fields.getFirst("organisation"), fields.getFirst("reportTo"), DateInput.in(fields.toSingleValueMap(), "meetingDate"),
				fields.getFirst("subject"), fields.getFirst("reportBy"), fields.getFirst("period"), sections,
				(version != null && version.matches("\\d+")) ? Integer.valueOf(version) : null);
	}

}
