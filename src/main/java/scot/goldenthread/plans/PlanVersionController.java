package scot.goldenthread.plans;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.Refused;
import scot.goldenthread.shared.TextLimits;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A plan's versions: their history with what changed, a version as it stood, and the owner making a new one. */
@Controller
class PlanVersionController {

	private final PlanCatalogue catalogue;

	private final Access access;

	PlanVersionController(PlanCatalogue catalogue, Access access) {
		this.catalogue = catalogue;
		this.access = access;
	}

	@GetMapping("/plans/{id}/versions")
	String versions(@PathVariable long id, Model model) {
		PlanTree tree = tree(id);
		model.addAttribute("plan", tree.plan());
		List<PlanVersion> versions = new ArrayList<>(this.catalogue.versions(id));
		Collections.reverse(versions);
		model.addAttribute("versions", versions);
		model.addAttribute("mayOwn", this.access.mayOwn(this.catalogue.scopeOf(tree.plan())));
		return "plans/versions";
	}

	/** A new version as its owner gives it: the file goes beside this. */
	record VersionForm(@DateInput.Valid(what = "the day the new version comes into force", required = true) DateInput inForceFrom,
			@PlainText(what = "note", max = TextLimits.NOTE) String note) {
	}

	@GetMapping("/plans/{id}/versions/new")
	String newVersion(@PathVariable long id, Model model) {
		PlanTree tree = tree(id);
		this.access.require(this.access.mayOwn(this.catalogue.scopeOf(tree.plan())));
		model.addAttribute("plan", tree.plan());
		List<PlanVersion> versions = this.catalogue.versions(id);
		model.addAttribute("current", versions.get(versions.size() - 1));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new VersionForm(null, null));
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "plans/new-version";
	}

	@PostMapping("/plans/{id}/versions")
	String makeVersion(@PathVariable long id, @RequestParam("file") MultipartFile file, @Valid @ModelAttribute("form") VersionForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) throws IOException {
		try {
			if (file.isEmpty()) {
				Commands.reject(errors, "file", "Choose the plan file of the new version");
			}
			Commands.refuseIfAny(errors);
			try (InputStream in = file.getInputStream()) {
				int number = this.catalogue.refresh(id, in, PlanApiController.formatOf(file, null), DateInput.date(form.inForceFrom()), form.note(),
						this.access);
				List<PlanVersion> versions = this.catalogue.versions(id);
				redirect.addFlashAttribute("done", "Version " + number + " of the plan is made, " + versions.get(versions.size() - 1).inForce() + ".");
				return "redirect:/plans/" + id + "/versions";
			}
		}
		catch (Refused ex) {
			model.addAttribute("errors", ex.errors());
		}
		catch (PlanImportException ex) {
			model.addAttribute("fileName", file.getOriginalFilename());
			model.addAttribute("problems", ex.problems());
		}
		return newVersion(id, model);
	}

	/** The plan file as a version left it, as this person (or the public) may see it. */
	@GetMapping("/plans/{id}/versions/{number}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable int number, @RequestParam(defaultValue = "yaml") String format) {
		PlanFormat planFormat = PlanFormat.of(format).orElseThrow(() -> NotFound.because("There is no such format: use yaml, json or xlsx"));
		PlanTree version = this.catalogue.version(tree(id), number, this.access)
			.orElseThrow(() -> NotFound.because("This plan has no version " + number));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(planFormat.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(version.plan().code() + "-version-" + number + "." + planFormat.code()).build().toString())
			.body(this.catalogue.export(version, planFormat, this.access));
	}

	private PlanTree tree(long id) {
		return this.catalogue.tree(id, this.access).orElseThrow(() -> NotFound.because("There is no such plan"));
	}

}
