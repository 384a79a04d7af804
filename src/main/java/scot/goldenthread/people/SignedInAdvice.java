package scot.goldenthread.people;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page who is signed in and what they may do, so that no page offers a link that would be refused. */
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
			model.addAttribute("mayImport", this.access.holdsAnywhere(Role.PLAN_OWNER));
		});
	}

}
