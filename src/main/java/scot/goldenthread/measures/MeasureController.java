package scot.goldenthread.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import scot.goldenthread.shared.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The measure pages: every measure, and one measure with its values, status, trend and chart. */
@Controller
class MeasureController {

	private final MeasureCatalogue catalogue;

	private final MeasureJudge judge;

	private final Observations observations;

	private final Commentary commentary;

	private final MeasureUses uses;

	MeasureController(MeasureCatalogue catalogue, MeasureJudge judge, Observations observations, Commentary commentary,
			MeasureUses uses) {
		this.commentary = commentary;
		this.uses = uses;
		this.catalogue = catalogue;
		this.judge = judge;
		this.observations = observations;
	}

	@GetMapping("/measures")
	String measures(Model model) {
		List<MeasureJudge.Assessment> assessments = this.catalogue.measures().stream().filter(Measure::published)
			.map((m) -> this.judge.assess(m, Instant.now(), LocalDate.now())).toList();
		model.addAttribute("assessments", assessments);
		return "measures/list";
	}

	@GetMapping("/measures/{code}")
	String measure(@PathVariable String code, Model model) {
		MeasureJudge.Assessment assessment = assess(code);
		model.addAttribute("a", assessment);
		model.addAttribute("m", assessment.measure());
		model.addAttribute("areaName", this.observations.placeName(assessment.area()));
		model.addAttribute("rows", MeasureChart.periods(assessment));
		model.addAttribute("observations", this.observations.of(assessment.measure(), null, null, null, null));
		model.addAttribute("commentary", this.commentary.of(assessment.measure()));
		model.addAttribute("uses", this.uses.of(code));
		return "measures/measure";
	}

	@GetMapping(path = "/measures/{code}/chart.svg")
	ResponseEntity<String> chart(@PathVariable String code) {
		MeasureJudge.Assessment assessment = assess(code);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noCache())
			.body(MeasureChart.svg(assessment, this.observations.placeName(assessment.area()), 720, 360));
	}

	private MeasureJudge.Assessment assess(String code) {
		Measure measure = this.catalogue.measure(code).filter(Measure::published)
			.orElseThrow(() -> NotFound.because("There is no such measure"));
		return this.judge.assess(measure, Instant.now(), LocalDate.now());
	}

}
