package scot.goldenthread.annualreports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.people.Access;
import scot.goldenthread.reports.ReportWriter;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A plan's annual reports: the list, each report, its words, its way from draft to published, and its files. */
@Controller
class AnnualReportController {

	/** The prefix of a words field's name: "word.summary", "word.measure:LOIP-ES-03". */
	private static final String WORD = "word.";

	private final AnnualReports reports;

	private final PlanCatalogue plans;

	private final Access access;

	private final ReportWriter writer;

	private final Clock clock;

	private final ReportComments comments;

	AnnualReportController(AnnualReports reports, ReportComments comments, PlanCatalogue plans, Access access, ReportWriter writer, Clock clock) {
		this.comments = comments;
		this.reports = reports;
		this.plans = plans;
		this.access = access;
		this.writer = writer;
		this.clock = clock;
	}

	@GetMapping("/plans/{id}/annual-reports")
	String list(@PathVariable long id, Model model) {
		Plan plan = this.plans.plan(id).filter((p) -> this.plans.visible(p, this.access)).orElseThrow(() -> NotFound.because("There is no such plan"));
		model.addAttribute("plan", plan);
		model.addAttribute("reports", this.reports.of(id));
		model.addAttribute("mayWrite", this.reports.mayWrite(plan));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		if (!model.containsAttribute("year")) {
			// the last whole financial year: its start is the calendar year of three months ago, less one
			int start = LocalDate.now(this.clock).minusMonths(3).getYear() - 1;
			model.addAttribute("year", start + "/" + String.format("%02d", (start + 1) % 100));
		}
		return "annualreports/list";
	}

	@PostMapping("/plans/{id}/annual-reports")
	String make(@PathVariable long id, @RequestParam(defaultValue = "") String year, Model model, RedirectAttributes redirect) {
		try {
			AnnualReports.AnnualReport made = this.reports.make(id, year);
			redirect.addFlashAttribute("done", "The draft annual report for " + made.year() + " is made from the data.");
			return "redirect:/annual-reports/" + made.id();
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			model.addAttribute("year", year);
			return list(id, model);
		}
	}

	@GetMapping("/annual-reports/{id}")
	String report(@PathVariable long id, HttpServletRequest request, Model model) {
		AnnualReports.AnnualReport report = this.reports.get(id);
		if (report.openForComment(LocalDate.now(this.clock)) && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
			// the comment form's token, and the session it is kept in, made before a long page starts to be sent
			token.getToken();
		}
		if (!model.containsAttribute("comment")) {
			model.addAttribute("comment", new ReportComments.Form(null, null, null, null));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		model.addAttribute("open", report.openForComment(LocalDate.now(this.clock)));
		model.addAttribute("comments", this.comments.published(report));
		model.addAttribute("counts", this.comments.counts(id));
		model.addAttribute("parts", parts(report.content()));
		model.addAttribute("r", report);
		model.addAttribute("c", report.content());
		model.addAttribute("balance", AnnualReportDocument.balance(report.content()));
		model.addAttribute("improved", report.content().went(AnnualReportContent.Direction.IMPROVED));
		model.addAttribute("worse", report.content().went(AnnualReportContent.Direction.WORSE));
		model.addAttribute("mayWrite", report.status() != AnnualReports.Status.PUBLISHED && this.reports.mayWrite(report.plan()));
		return "annualreports/report";
	}

	/** The parts of the report a comment can be on, by key. */
	private static Map<String, String> parts(AnnualReportContent c) {
		Map<String, String> parts = new LinkedHashMap<>();
		parts.put("", "The whole report");
		parts.put("summary", "The summary");
		c.sections().forEach((s) -> parts.put("section:" + s.elementId(), s.level() + " " + s.code() + ": " + s.title()));
		c.measures().forEach((m) -> parts.put("measure:" + m.code(), "Measure: " + m.title()));
		parts.put("participation", "You said, we did");
		parts.put("resources", "Resources");
		return parts;
	}

	/** A resident's comment, from anyone, while the draft is open for comments; held for the plan's owner. */
	@PostMapping("/annual-reports/{id}/comments")
	String comment(@PathVariable long id, @ModelAttribute("comment") ReportComments.Form form, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		try {
			this.comments.send(id, form, request.getRemoteAddr());
			redirect.addFlashAttribute("done", "Thank you: your comment is sent. The partnership reads every comment before it is published.");
			return "redirect:/annual-reports/" + id + "#comments";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return report(id, request, model);
		}
	}

	/** The comments received, held first, for the owner to publish or decline, with the days the draft is open for them. */
	@GetMapping("/annual-reports/{id}/comments")
	String moderation(@PathVariable long id, Model model) {
		AnnualReports.AnnualReport report = this.reports.get(id);
		this.access.require(this.reports.mayWrite(report.plan()));
		model.addAttribute("r", report);
		model.addAttribute("comments", this.comments.of(report));
		model.addAttribute("parts", parts(report.content()));
		model.addAttribute("commentsFrom", (report.commentsFrom() != null) ? DateInput.of(report.commentsFrom()) : null);
		model.addAttribute("commentsTo", (report.commentsTo() != null) ? DateInput.of(report.commentsTo()) : null);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "annualreports/comments";
	}

	@PostMapping("/annual-reports/{id}/comments/{commentId}")
	String moderate(@PathVariable long id, @PathVariable long commentId, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String reply, Model model, RedirectAttributes redirect) {
		try {
			this.comments.moderate(commentId, decision, reason, reply);
			redirect.addFlashAttribute("done", "published".equals(decision) ? "The comment is published." : "The comment is declined.");
			return "redirect:/annual-reports/" + id + "/comments";
		}
		catch (Refused ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((field, reason2) -> errors.put(field + "-" + commentId, reason2));
			model.addAttribute("errors", errors);
			return moderation(id, model);
		}
	}

	/** The days the draft is open for comments; none closes it. */
	@PostMapping("/annual-reports/{id}/comment-days")
	String commentDays(@PathVariable long id, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		DateInput from = DateInput.in(fields, "commentsFrom");
		DateInput to = DateInput.in(fields, "commentsTo");
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate first = day(from, "commentsFrom", errors);
		LocalDate last = day(to, "commentsTo", errors);
		try {
			if (!errors.isEmpty()) {
				throw new Refused(errors);
			}
			this.reports.openForComment(id, first, last, version(fields));
			redirect.addFlashAttribute("done", (first != null) ? "The draft is open for comments on the days given." : "The draft is closed to comments.");
			return "redirect:/annual-reports/" + id + "/comments";
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
			return moderation(id, model);
		}
	}

	private static LocalDate day(DateInput input, String field, Map<String, String> errors) {
		try {
			return DateInput.date(input);
		}
		catch (RuntimeException ex) {
			errors.put(field, "Enter a real day, such as 1 6 2025, or leave it empty");
			return null;
		}
	}

	/** A story with its picture, added from the words page; any problem told there beside its field. */
	@PostMapping("/annual-reports/{id}/stories")
	String addStory(@PathVariable long id, @ModelAttribute("story") AnnualReports.StoryForm form,
			@RequestParam(required = false) org.springframework.web.multipart.MultipartFile picture, Model model, RedirectAttributes redirect)
			throws java.io.IOException {
		try {
			this.reports.addStory(id, form, (picture != null) ? picture.getBytes() : null);
			redirect.addFlashAttribute("done", "The story is added.");
			return "redirect:/annual-reports/" + id + "/words#stories";
		}
		catch (Refused ex) {
			AnnualReports.AnnualReport report = this.reports.get(id);
			return wordsPage(report, report.words(), ex.errors(), report.version(), model);
		}
	}

	@PostMapping("/annual-reports/{id}/stories/{storyId}/remove")
	String removeStory(@PathVariable long id, @PathVariable long storyId, RedirectAttributes redirect) {
		this.reports.removeStory(id, storyId);
		redirect.addFlashAttribute("done", "The story is removed.");
		return "redirect:/annual-reports/" + id + "/words#stories";
	}

	@GetMapping("/annual-reports/{id}/words")
	String words(@PathVariable long id, Model model) {
		AnnualReports.AnnualReport report = this.reports.get(id);
		this.access.require(this.reports.mayWrite(report.plan()));
		return wordsPage(report, report.words(), Map.of(), report.version(), model);
	}

	private String wordsPage(AnnualReports.AnnualReport report, Map<String, String> words, Map<String, String> errors, int version, Model model) {
		model.addAttribute("r", report);
		model.addAttribute("c", report.content());
		model.addAttribute("words", words);
		model.addAttribute("errors", errors);
		model.addAttribute("version", version);
		if (!model.containsAttribute("story")) {
			model.addAttribute("story", new AnnualReports.StoryForm(null, null, null, null));
		}
		Map<String, String> sections = new LinkedHashMap<>();
		sections.put("", "None: a story of the whole plan");
		report.content().sections().forEach((s) -> sections.put(String.valueOf(s.elementId()), s.level() + " " + s.code() + ": " + s.title()));
		model.addAttribute("sections", sections);
		return "annualreports/words";
	}

	@PostMapping("/annual-reports/{id}/words")
	String write(@PathVariable long id, @RequestParam Map<String, String> fields, Model model, RedirectAttributes redirect) {
		Map<String, String> words = new LinkedHashMap<>();
		fields.forEach((name, text) -> {
			if (name.startsWith(WORD)) {
				words.put(name.substring(WORD.length()), text);
			}
		});
		int version = version(fields);
		try {
			this.reports.write(id, words, version);
			redirect.addFlashAttribute("done", "The words of the report are saved.");
			return "redirect:/annual-reports/" + id;
		}
		catch (Refused ex) {
			AnnualReports.AnnualReport report = this.reports.get(id);
			Map<String, String> errors = new LinkedHashMap<>();
			ex.errors().forEach((key, reason) -> errors.put(key.isEmpty() ? "" : WORD + key, reason));
			return wordsPage(report, words, errors, version, model);
		}
	}

	@PostMapping("/annual-reports/{id}/{step:refresh|approve|publish}")
	String step(@PathVariable long id, @PathVariable String step, @RequestParam Map<String, String> fields, RedirectAttributes redirect) {
		int version = version(fields);
		try {
			switch (step) {
				case "refresh" -> this.reports.refresh(id, version);
				case "approve" -> this.reports.approve(id, version);
				default -> this.reports.publish(id, version);
			}
			redirect.addFlashAttribute("done", switch (step) {
				case "refresh" -> "The figures are brought up to date from the data.";
				case "approve" -> "The report is approved. Publish it when it is to go to the public.";
				default -> "The report is published.";
			});
		}
		catch (Refused ex) {
			redirect.addFlashAttribute("problem", String.join(" ", ex.errors().values()));
		}
		return "redirect:/annual-reports/" + id;
	}

	private static int version(Map<String, String> fields) {
		try {
			return Integer.parseInt(fields.getOrDefault("version", "-1"));
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/** The report as a tagged PDF, a Word file or a page to keep; a draft only for those who may see it. */
	@GetMapping("/annual-reports/{id}/download")
	ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format) {
		AnnualReports.AnnualReport report = this.reports.get(id);
		return this.writer.file(AnnualReportDocument.of(report, this.comments.published(report), this.comments.counts(id), OffsetDateTime.now(this.clock)), format);
	}

	/** A published report's figures and words as open data, as they were published. */
	@GetMapping("/open-data/annual-reports/{id}.json")
	ResponseEntity<String> openData(@PathVariable long id) {
		return this.reports.published(id).map((json) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json))
			.orElseThrow(() -> NotFound.because("There is no such published report"));
	}

}
