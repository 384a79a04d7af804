package scot.goldenthread.reports;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A committee report's further appendices, and its files as laid before the committee. */
@Controller
class CommitteePapersController {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final CommitteeAppendices appendices;

	private final LaidPapers laid;

	private final CommitteeReports papers;

	CommitteePapersController(CommitteeAppendices appendices, LaidPapers laid, CommitteeReports papers) {
		this.appendices = appendices;
		this.laid = laid;
		this.papers = papers;
	}

	@GetMapping("/committee-reports/{id}/appendices/{appendixId}")
	ResponseEntity<byte[]> appendix(@PathVariable long id, @PathVariable long appendixId) {
		CommitteeAppendices.File file = this.appendices.file(id, appendixId).orElseThrow(() -> NotFound.because("There is no such appendix"));
		return ReportFiles.attachment(file.fileName(), MediaType.parseMediaType(file.contentType()), file.content());
	}

	@PostMapping("/committee-reports/{id}/appendices")
	String attach(@PathVariable long id, @RequestParam(defaultValue = "") String title, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			CommitteeAppendices.Attached attached = this.appendices.attach(id, title,
					(file != null) ? file.getOriginalFilename() : null, (file != null) ? file.getBytes() : null);
			redirect.addFlashAttribute("done", "Appendix " + attached.number() + ", " + attached.title() + ", is attached.");
		}
		catch (Refused ex) {
			redirect.addFlashAttribute("errors", ex.errors());
			redirect.addFlashAttribute("appendixTitle", title);
		}
		return "redirect:/committee-reports/" + id + "#attach";
	}

	@PostMapping("/committee-reports/{id}/appendices/{appendixId}/remove")
	String remove(@PathVariable long id, @PathVariable long appendixId, RedirectAttributes redirect) {
		this.appendices.remove(id, appendixId);
		redirect.addFlashAttribute("done", "The appendix is removed; those after it are renumbered.");
		return "redirect:/committee-reports/" + id;
	}

	@PostMapping("/committee-reports/{id}/lay")
	String lay(@PathVariable long id, RedirectAttributes redirect) {
		LaidPapers.Laid laid = this.laid.lay(id);
		redirect.addFlashAttribute("done", "The paper's PDF and Word file are kept as laid before the committee, until "
				+ laid.keptUntil().format(DAY) + ".");
		return "redirect:/committee-reports/" + id + "#laid";
	}

	@GetMapping("/committee-reports/{id}/laid/{laidId}")
	ResponseEntity<byte[]> laid(@PathVariable long id, @PathVariable long laidId, @RequestParam String format) {
		ReportFormat chosen = ReportFormat.of(format).filter((f) -> f == ReportFormat.PDF || f == ReportFormat.DOCX)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be pdf or docx"));
		byte[] file = this.laid.file(id, laidId, chosen).orElseThrow(() -> NotFound.because("There are no such papers, or their four years are over"));
		return ReportFiles.attachment(ReportFiles.committeeName(this.papers.get(id)) + "-as-laid." + chosen.extension(), chosen.mediaType(), file);
	}

}
