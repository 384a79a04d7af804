package scot.goldenthread.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.partnerships.Look;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.partnerships.PartnershipLooks;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Scope;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A partnership's owners set the name it goes by and its own look: colour, font, logo and the footer's lines. */
@Controller
class LookController {

	private final PartnershipDirectory directory;

	private final PartnershipLooks looks;

	private final Access access;

	LookController(PartnershipDirectory directory, PartnershipLooks looks, Access access) {
		this.directory = directory;
		this.looks = looks;
		this.access = access;
	}

	@GetMapping("/partnerships/{code}/look")
	String form(@PathVariable String code, Model model) {
		Partnership partnership = owned(code);
		Look look = this.looks.own(code).orElse(null);
		return page(partnership, partnership.name(), (look != null) ? look.colour() : "#0b0c0c", (look != null) ? look.font() : "Arial",
				(look != null) ? look.contact() : "", (look != null) ? look.licence() : "Open Government Licence v3.0", Map.of(), model);
	}

	@PostMapping("/partnerships/{code}/look")
	String set(@PathVariable String code, @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String colour, @RequestParam(defaultValue = "") String font,
			@RequestParam(defaultValue = "") String contact, @RequestParam(defaultValue = "") String licence,
			@RequestParam(required = false) MultipartFile logo, @RequestParam(defaultValue = "false") boolean removeLogo, Model model,
			RedirectAttributes redirect) throws IOException {
		Partnership partnership = owned(code);
		try {
			this.looks.set(code, new PartnershipLooks.Change(name, colour, font, contact, licence, (logo != null) ? logo.getBytes() : null, removeLogo));
			redirect.addFlashAttribute("done", "The look of " + name.strip() + " is set.");
			return "redirect:/partnerships/" + code + "/look";
		}
		catch (Refused ex) {
			return page(partnership, name, colour, font, contact, licence, ex.errors(), model);
		}
	}

	private String page(Partnership partnership, String name, String colour, String font, String contact, String licence, Map<String, String> errors,
			Model model) {
		model.addAttribute("partnership", partnership);
		model.addAttribute("own", this.looks.own(partnership.code()).orElse(null));
		model.addAttribute("name", name);
		model.addAttribute("colour", colour);
		model.addAttribute("font", font);
		model.addAttribute("contact", contact);
		model.addAttribute("licence", licence);
		Map<String, String> fonts = new LinkedHashMap<>();
		Look.FONTS.forEach((f) -> fonts.put(f, f));
		model.addAttribute("fonts", fonts);
		model.addAttribute("errors", errors);
		return "partnerships/look";
	}

	private Partnership owned(String code) {
		Partnership partnership = this.directory.partnership(code).orElseThrow(() -> NotFound.because("There is no such partnership"));
		this.access.require(this.access.mayOwn(new Scope(null, partnership.id())));
		return partnership;
	}

}
