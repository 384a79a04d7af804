package scot.goldenthread.progress;

import scot.goldenthread.shared.Refused;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the pages of both kinds of update do alike. */
final class UpdatePages {

	private UpdatePages() {
	}

	/** An owner's decision made on an update's page: back to that page, told it is done or why it was refused. */
	static String decide(Runnable decision, String done, String updatePage, RedirectAttributes redirect) {
		try {
			decision.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (Refused ex) {
			redirect.addFlashAttribute("errors", ex.errors());
		}
		return "redirect:" + updatePage;
	}

}
