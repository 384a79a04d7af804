package scot.goldenthread.plans;

import scot.goldenthread.nationaloutcomes.NationalOutcome;
import scot.goldenthread.nationaloutcomes.NationalOutcomes;
import scot.goldenthread.shared.NotFound;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The national outcomes, each with the local plans' elements that serve it and how they are doing. */
@Controller
class NationalOutcomeController {

	private final NationalOutcomes nationalOutcomes;

	private final GoldenThread thread;

	private final NationalOutcomeProgress progress;

	NationalOutcomeController(NationalOutcomes nationalOutcomes, GoldenThread thread, NationalOutcomeProgress progress) {
		this.nationalOutcomes = nationalOutcomes;
		this.thread = thread;
		this.progress = progress;
	}

	@GetMapping("/national-outcomes")
	String nationalOutcomes(Model model) {
		model.addAttribute("outcomes", this.nationalOutcomes.all());
		model.addAttribute("counts", this.thread.countsByNationalOutcome());
		return "plans/national-outcomes";
	}

	@GetMapping("/national-outcomes/{code}")
	String nationalOutcome(@PathVariable String code, Model model) {
		NationalOutcome outcome = this.nationalOutcomes.find(code).orElseThrow(() -> NotFound.because("There is no such national outcome"));
		model.addAttribute("outcome", outcome);
		model.addAttribute("progress", this.progress.of(code));
		return "plans/national-outcome";
	}

}
