package scot.goldenthread.audit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import scot.goldenthread.shared.FormDates;
import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for administrators (the security configuration keeps /admin to them): filtered, and as CSV. */
@Controller
class AuditController {

	static final int PAGE = 100;

	private final AuditLog audit;

	AuditController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String text, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditLog.Filter filter = filter(actor, entityType, text, from, to, errors);
		List<AuditLog.AuditEvent> events = errors.isEmpty() ? this.audit.search(filter, Math.max(page, 0) * PAGE, PAGE + 1) : List.of();
		model.addAttribute("events", events.stream().limit(PAGE).toList());
		model.addAttribute("more", events.size() > PAGE);
		model.addAttribute("page", Math.max(page, 0));
		model.addAttribute("actors", this.audit.actors());
		model.addAttribute("entityTypes", this.audit.entityTypes());
		model.addAttribute("form", Map.of("actor", blank(actor), "entityType", blank(entityType), "text", blank(text), "from", blank(from), "to", blank(to)));
		model.addAttribute("errors", errors);
		return "audit/audit";
	}

	@GetMapping("/admin/audit.csv")
	void csv(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) String text, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditLog.Filter filter = filter(actor, entityType, text, from, to, errors);
		if (!errors.isEmpty()) {
			response.sendError(HttpServletResponse.SC_BAD_REQUEST, String.join("; ", errors.values()));
			return;
		}
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

	private static AuditLog.Filter filter(String actor, String entityType, String text, String from, String to, Map<String, String> errors) {
		return new AuditLog.Filter(nullIfBlank(actor), nullIfBlank(entityType), nullIfBlank(text), FormDates.read("from", from, false, errors), FormDates.read("to", to, false, errors));
	}

	private static String nullIfBlank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String blank(String text) {
		return (text == null) ? "" : text;
	}

}
