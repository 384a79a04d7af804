package scot.goldenthread.people;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in, for the header's links. */
@ControllerAdvice
class SignedInAdvice {

	private final Access access;

	SignedInAdvice(Access access) {
		this.access = access;
	}

	@ModelAttribute
	void signedIn(HttpServletRequest request, Model model) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return;
		}
		this.access.current().ifPresent((account) -> {
			model.addAttribute("signedIn", account);
			model.addAttribute("administrator", this.access.isAdministrator());
		});
	}

}
