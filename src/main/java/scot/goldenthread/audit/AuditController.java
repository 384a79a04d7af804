package scot.goldenthread.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators (the security configuration keeps /admin to them): filtered, and as CSV. */
@Controller
class AuditController {

	static final int PAGE = 100;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	/** What the trail is filtered by, as typed; every field may be empty. */
	record Search(String actor, String entityType, String text, @DateInput.Valid(what = "the first day") DateInput from,
			@DateInput.Valid(what = "the last day") DateInput to) {

		Search {
			actor = blank(actor);
			entityType = blank(entityType);
			text = blank(text);
		}

		AuditLog.Filter filter() {
			return new AuditLog.Filter(nullIfBlank(this.actor), nullIfBlank(this.entityType), nullIfBlank(this.text), DateInput.date(this.from),
					DateInput.date(this.to));
		}

	}

	@GetMapping("/admin/audit")
	String audit(@Valid @ModelAttribute("form") Search search, BindingResult errors, @RequestParam(defaultValue = "0") int page, Model model) {
		List<AuditLog.AuditEvent> events = errors.hasErrors() ? List.of() : this.audit.search(search.filter(), Math.max(page, 0) * PAGE, PAGE + 1);
		model.addAttribute("events", events.stream().limit(PAGE).toList());
		model.addAttribute("more", events.size() > PAGE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("actors", this.audit.actors());
		model.addAttribute("entityTypes", this.audit.entityTypes());
		model.addAttribute("errors", Commands.messages(errors));
		return "audit/audit";
	}

	@GetMapping("/admin/audit.csv")
	void csv(@Valid Search search, BindingResult errors, HttpServletResponse response) throws IOException {
		if (errors.hasErrors()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, String.join("; ", Commands.messages(errors).values()));
			return;
		}
		AuditLog.Filter filter = search.filter();
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
		try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8))) {
			csv.writeRecord("occurred_at", "actor", "action", "entity_type", "entity_id", "summary", "before", "after");
			// page through, so a long trail is never held whole
			for (int offset = 0;; offset += 1000) {
				List<AuditLog.AuditEvent> events = this.audit.search(filter, offset, 1000);
				events.forEach((e) -> csv.writeRecord(Stream.of(e.occurredAt().toString(), e.actor(), e.action(), e.entityType(),
						e.entityId(), e.summary(), e.before(), e.after()).map(SpreadsheetCells::csv).toList()));
				if (events.size() < 1000) {
					break;
				}
			}
		}
	}

	private static String nullIfBlank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String blank(String text) {
		return (text == null) ? "" : text;
	}

}
