package scot.goldenthread.web;

import scot.goldenthread.shared.FirstLoad;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether the demo data is still loading, for the banner that says so. */
@ControllerAdvice
class FirstLoadAdvice {

	private final FirstLoad firstLoad;

	FirstLoadAdvice(FirstLoad firstLoad) {
		this.firstLoad = firstLoad;
	}

	@ModelAttribute
	void loading(Model model) {
		if (this.firstLoad.loading()) {
			model.addAttribute("loadingDemo", true);
		}
	}

}
