package scot.goldenthread.partnerships;

import scot.goldenthread.shared.NotFound;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A partnership's logo and the colour of its pages as a stylesheet: the pages' security policy lets no style be
 * written into them, so the colour comes as a file.
 */
@Controller
class LookFilesController {

	private final PartnershipLooks looks;

	LookFilesController(PartnershipLooks looks) {
		this.looks = looks;
	}

	@GetMapping("/partnerships/{code}/logo")
	ResponseEntity<byte[]> logo(@PathVariable String code) {
		PartnershipLooks.Logo logo = this.looks.logo(code).orElseThrow(() -> NotFound.because("The partnership has no logo"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.type())).body(logo.bytes());
	}

	@GetMapping(value = "/partnerships/{code}/look.css", produces = "text/css")
	ResponseEntity<String> css(@PathVariable String code) {
		Look look = this.looks.own(code).orElseThrow(() -> NotFound.because("The partnership has no look of its own"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css;charset=UTF-8"))
			.body(".gt-look { background: " + look.colour() + "; border-bottom-color: " + look.colour() + "; }\n");
	}

}
