package scot.goldenthread.partnerships;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators make and change partnerships and partners on pages and through the API (under /admin and /api/admin,
 * which only administrators reach); every change is in the audit trail.
 */
@Controller
class PartnershipAdminController {

	private final PartnershipDirectory directory;

	PartnershipAdminController(PartnershipDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/admin/partnerships/new")
	String newPartnership(Model model) {
		return partnershipForm(model, null, new PartnershipDetails(null, null, null, null, null, null, List.of()), Map.of());
	}

	@PostMapping("/admin/partnerships/new")
	String create(PartnershipDetails details, Model model, RedirectAttributes redirect) {
		BindingResult errors = this.directory.check(null, details);
		if (errors.hasErrors()) {
			return partnershipForm(model, null, details, Commands.messages(errors));
		}
		Partnership made = this.directory.create(details);
		redirect.addFlashAttribute("done", made.name() + " has been added.");
		return "redirect:/partnerships/" + made.code();
	}

	@GetMapping("/admin/partnerships/{code}")
	String partnership(@PathVariable String code, Model model) {
		Partnership p = existing(code);
		List<String> members = this.directory.members(code).stream().map(Partner::code).toList();
		return partnershipForm(model, p, new PartnershipDetails(p.code(), p.name(), p.kind().code(), p.parentCode(), p.area(), p.description(),
				members), Map.of());
	}

	@PostMapping("/admin/partnerships/{code}")
	String update(@PathVariable String code, PartnershipDetails form, Model model, RedirectAttributes redirect) {
		Partnership p = existing(code);
		// the code is the partnership's for good: what the form sends for it is ignored
		PartnershipDetails details = new PartnershipDetails(code, form.name(), form.kind(), form.parent(), form.area(), form.description(),
				form.members());
		BindingResult errors = this.directory.check(code, details);
		if (errors.hasErrors()) {
			return partnershipForm(model, p, details, Commands.messages(errors));
		}
		this.directory.update(code, details);
		redirect.addFlashAttribute("done", "The partnership has been saved.");
		return "redirect:/partnerships/" + code;
	}

	@GetMapping("/admin/partners/new")
	String newPartner(Model model) {
		return partnerForm(model, null, new PartnerDetails(null, null, false, null), Map.of());
	}

	@PostMapping("/admin/partners/new")
	String createPartner(PartnerDetails details, Model model, RedirectAttributes redirect) {
		BindingResult errors = this.directory.checkPartner(false, details);
		if (errors.hasErrors()) {
			return partnerForm(model, null, details, Commands.messages(errors));
		}
		Partner made = this.directory.createPartner(details);
		redirect.addFlashAttribute("done", made.name() + " has been added.");
		return "redirect:/partners/" + made.code();
	}

	@GetMapping("/admin/partners/{code}")
	String partner(@PathVariable String code, Model model) {
		Partner p = this.directory.partner(code).orElseThrow(() -> NotFound.because("There is no such partner"));
		return partnerForm(model, p, new PartnerDetails(p.code(), p.name(), p.statutory(), p.description()), Map.of());
	}

	@PostMapping("/admin/partners/{code}")
	String updatePartner(@PathVariable String code, PartnerDetails form, Model model, RedirectAttributes redirect) {
		Partner p = this.directory.partner(code).orElseThrow(() -> NotFound.because("There is no such partner"));
		PartnerDetails details = new PartnerDetails(code, form.name(), form.statutory(), form.description());
		BindingResult errors = this.directory.checkPartner(true, details);
		if (errors.hasErrors()) {
			return partnerForm(model, p, details, Commands.messages(errors));
		}
		this.directory.updatePartner(code, details);
		redirect.addFlashAttribute("done", "The partner has been saved.");
		return "redirect:/partners/" + code;
	}

	/** {@code {"code": "...", "name": "...", "kind": "thematic", "parent": "...", "area": "...", "description": "...", "members": [...]}} */
	@PostMapping("/api/admin/partnerships")
	@ResponseStatus(HttpStatus.CREATED)
	@ResponseBody
	Partnership createByApi(@RequestBody PartnershipDetails details) {
		return this.directory.create(details);
	}

	/** The same fields; the code in the path is kept, whatever the body says. */
	@PutMapping("/api/admin/partnerships/{code}")
	@ResponseBody
	Partnership updateByApi(@PathVariable String code, @RequestBody PartnershipDetails details) {
		return this.directory.update(code, details);
	}

	/** {@code {"code": "...", "name": "...", "statutory": true, "description": "..."}} */
	@PostMapping("/api/admin/partners")
	@ResponseStatus(HttpStatus.CREATED)
	@ResponseBody
	Partner createPartnerByApi(@RequestBody PartnerDetails details) {
		return this.directory.createPartner(details);
	}

	@PutMapping("/api/admin/partners/{code}")
	@ResponseBody
	Partner updatePartnerByApi(@PathVariable String code, @RequestBody PartnerDetails details) {
		return this.directory.updatePartner(code, details);
	}

	/** Details the API was sent that the pages would show beside their fields: each field's problem, and nothing changed. */
	@ExceptionHandler
	@ResponseBody
	ProblemDetail refused(Refused ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Refused; nothing was changed");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	private Partnership existing(String code) {
		return this.directory.partnership(code).orElseThrow(() -> NotFound.because("There is no such partnership"));
	}

	private String partnershipForm(Model model, Partnership partnership, PartnershipDetails details, Map<String, String> errors) {
		Map<String, String> kinds = new LinkedHashMap<>();
		kinds.put("", "Choose a kind");
		Arrays.stream(Partnership.Kind.values()).forEach((k) -> kinds.put(k.code(), k.label()));
		Map<String, String> parents = new LinkedHashMap<>();
		parents.put("", "None: it stands on its own");
		this.directory.partnerships().stream().filter((p) -> partnership == null || !p.code().equals(partnership.code()))
			.forEach((p) -> parents.put(p.code(), p.name()));
		model.addAttribute("partnership", partnership);
		model.addAttribute("details", details);
		model.addAttribute("kinds", kinds);
		model.addAttribute("parents", parents);
		model.addAttribute("partners", this.directory.partners());
		model.addAttribute("errors", errors);
		return "partnerships/edit";
	}

	private String partnerForm(Model model, Partner partner, PartnerDetails details, Map<String, String> errors) {
		model.addAttribute("partner", partner);
		model.addAttribute("details", details);
		model.addAttribute("errors", errors);
		return "partnerships/partner-edit";
	}

}
