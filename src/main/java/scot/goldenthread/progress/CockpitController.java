package scot.goldenthread.progress;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;
import scot.goldenthread.shared.ReportTable;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The plan owner's cockpit: who owes what in a period, approving what waits, reminding leads, and the same as a file. */
@Controller
class CockpitController {

	private static final ReportTable<Cockpit.Row> TABLE = new ReportTable<>(List.of(
			new ReportTable.Column<>("Period", 24, (r) -> r.item().period().name()),
			new ReportTable.Column<>("Kind", 9, Cockpit.Row::kind),
			new ReportTable.Column<>("Code", 12, (r) -> r.item().code()),
			new ReportTable.Column<>("Title", 50, (r) -> r.item().title()),
			new ReportTable.Column<>("Leads", 30, (r) -> String.join("; ", r.item().leads())),
			new ReportTable.Column<>("Partner", 26, Cockpit.Row::partner),
			new ReportTable.Column<>("State", 20, (r) -> r.item().stateLabel()),
			new ReportTable.Column<>("Deadline", 12, (r) -> r.item().period().deadline()),
			new ReportTable.Column<>("Against the deadline", 24, Cockpit.Row::timing),
			new ReportTable.Column<>("Written by", 18, (r) -> (r.item().update() != null) ? r.item().update().writtenBy() : null)));

	private final Cockpit cockpit;

	private final ProgressUpdates updates;

	private final MeasureUpdates measureUpdates;

	private final Reminders reminders;

	private final Clock clock;

	CockpitController(Cockpit cockpit, ProgressUpdates updates, MeasureUpdates measureUpdates, Reminders reminders, Clock clock) {
		this.cockpit = cockpit;
		this.updates = updates;
		this.measureUpdates = measureUpdates;
		this.reminders = reminders;
		this.clock = clock;
	}

	@GetMapping("/plans/{planId}/cockpit")
	String cockpit(@PathVariable long planId, @RequestParam(required = false) Long period, @ModelAttribute("filter") Cockpit.Filter filter,
			Model model) {
		model.addAttribute("view", this.cockpit.of(planId, period, filter));
		model.addAttribute("canSend", this.reminders.canSend());
		return "progress/cockpit";
	}

	@GetMapping("/plans/{planId}/cockpit/download")
	ResponseEntity<byte[]> download(@PathVariable long planId, @RequestParam(required = false) Long period,
			@ModelAttribute Cockpit.Filter filter, @RequestParam(defaultValue = "csv") String format) {
		Cockpit.View view = this.cockpit.of(planId, period, filter);
		boolean excel = "xlsx".equals(format);
		if (!excel && !"csv".equals(format)) {
			throw NotFound.because("The cockpit downloads as csv or xlsx");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String name = view.plan().code() + "-updates" + ((view.period() != null) ? "-" + view.period().id() : "");
		if (excel) {
			TABLE.xlsx(view.shown(), "Updates due", new String[][] { { "Plan", view.plan().title() },
					{ "Reporting period", (view.period() != null) ? view.period().name() : "None" },
					{ "As at", LocalDate.now(this.clock).toString() },
					{ "Complete", view.whole().approved() + " of " + view.whole().due() + " approved" } }, out);
		}
		else {
			TABLE.csv(view.shown(), out);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(excel ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + format).build().toString())
			.body(out.toByteArray());
	}

	/**
	 * Approves the updates ticked, each as "action:id:version" or "measure:id:version", each on its own: one refused
	 * (changed meanwhile, say) is named and the rest still go.
	 */
	@PostMapping("/plans/{planId}/cockpit/approve")
	String approve(@PathVariable long planId, @RequestParam long period, @RequestParam(required = false) List<String> updates,
			RedirectAttributes redirect) {
		this.cockpit.period(planId, period);
		int approved = 0;
		List<String> refused = new ArrayList<>();
		for (String ticked : (updates != null) ? updates : List.<String>of()) {
			String[] parts = ticked.split(":");
			try {
				if (parts.length != 3) {
					throw NotFound.because("There is no such update");
				}
				long id = Long.parseLong(parts[1]);
				int version = Integer.parseInt(parts[2]);
				if ("measure".equals(parts[0])) {
					this.measureUpdates.approve(id, version);
				}
				else {
					this.updates.approve(id, version);
				}
				approved++;
			}
			catch (Refused ex) {
				refused.add(String.join(" ", ex.errors().values()));
			}
			catch (NumberFormatException ex) {
				refused.add("'" + ticked + "' is not an update");
			}
		}
		redirect.addFlashAttribute("done", (approved == 0 && refused.isEmpty()) ? "Tick the updates to approve first."
				: approved + ((approved == 1) ? " update" : " updates") + " approved and published.");
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("refused", refused);
		}
		return "redirect:/plans/" + planId + "/cockpit?period=" + period;
	}

	@PostMapping("/plans/{planId}/cockpit/remind")
	String remind(@PathVariable long planId, @RequestParam long period, @RequestParam(required = false) String lead,
			RedirectAttributes redirect) {
		ReportingPeriod chosen = this.cockpit.period(planId, period);
		if (!this.reminders.canSend()) {
			redirect.addFlashAttribute("done", "No email server is set up, so no reminder could be sent.");
		}
		else {
			int sent = this.reminders.remindNow(chosen, (lead == null || lead.isBlank()) ? null : lead, LocalDate.now(this.clock));
			redirect.addFlashAttribute("done", (sent == 0) ? "No reminder was sent: everyone owing updates has been reminded today, or has no email address."
					: "Reminders sent to " + sent + ((sent == 1) ? " lead." : " leads."));
		}
		return "redirect:/plans/" + planId + "/cockpit?period=" + period;
	}

}
