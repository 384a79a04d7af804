package scot.goldenthread.measures;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import de.siegmar.fastcsv.writer.CsvWriter;

import scot.goldenthread.people.Access;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Paging;
import scot.goldenthread.shared.Refused;
import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The measure pages: every measure, and one measure with its values, status, trend and chart. */
@Controller
class MeasureController {

	private final MeasureCatalogue catalogue;

	private final MeasureJudge judge;

	private final Observations observations;

	private final Commentary commentary;

	private final MeasureUses uses;

	private final Access access;

	private final Geographies geographies;

	private final MeasurePermissions permissions;

	private final Clock clock;

	private final MeasureList list;

	private final MeasureRetirement retirement;

	MeasureController(MeasureCatalogue catalogue, MeasureJudge judge, Observations observations, Commentary commentary,
			MeasureUses uses, Access access, Geographies geographies, MeasurePermissions permissions, Clock clock, MeasureList list,
			MeasureRetirement retirement) {
		this.retirement = retirement;
		this.permissions = permissions;
		this.access = access;
		this.geographies = geographies;
		this.commentary = commentary;
		this.uses = uses;
		this.catalogue = catalogue;
		this.judge = judge;
		this.observations = observations;
		this.clock = clock;
		this.list = list;
	}

	/**
	 * The published measures, narrowed by partnership, plan, national outcome, strategic outcome, status, trend and whether they have data,
	 * those with data first.
	 */
	@GetMapping("/measures")
	String measures(@RequestParam(required = false) String partnership, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String strategicOutcome,
			@RequestParam(required = false) String status, @RequestParam(required = false) String trend,
			@RequestParam(defaultValue = "false") boolean withData, @RequestParam(defaultValue = "1") int page, Model model) {
		MeasureList.Filter filter = new MeasureList.Filter(partnership, plan, outcome, strategicOutcome, status, trend, withData, page);
		MeasureList.Listing listing = this.list.list(filter, MeasureList.PAGE_SIZE);
		model.addAttribute("filter", filter);
		model.addAttribute("list", listing);
		// a partnership of several plans is one choice: the choices are keyed by code
		model.addAttribute("partnerships", options("Any partnership",
				listing.plans().stream().filter((p) -> p.partnershipCode() != null).toList(), MeasureUses.PlanMeasures::partnershipCode,
				MeasureUses.PlanMeasures::partnershipName));
		model.addAttribute("plans", options("Any plan", listing.plans(), MeasureUses.PlanMeasures::planCode, MeasureUses.PlanMeasures::planTitle));
		model.addAttribute("outcomes", options("Any national outcome", listing.plans().stream().flatMap((p) -> p.served().stream()).toList(),
				MeasureUses.Served::outcomeCode, MeasureUses.Served::outcomeName));
		Map<String, String> strategicOutcomes = new LinkedHashMap<>(Map.of("", "Any strategic outcome"));
		listing.plans().forEach((p) -> p.under()
			.forEach((u) -> strategicOutcomes.putIfAbsent(u.reference(), u.title() + " (" + p.planTitle() + ")")));
		model.addAttribute("strategicOutcomes", strategicOutcomes);
		model.addAttribute("mayImportValues", this.permissions.mayImportSome());
		model.addAttribute("statuses", options("Any status", List.of(StatusEngine.Status.values()), Coded::code, StatusEngine.Status::label));
		model.addAttribute("trends", options("Any trend", List.of(StatusEngine.Trend.values()), Coded::code, StatusEngine.Trend::label));
		return "measures/list";
	}

	/** A select's choices, value to label, with "" for any first. */
	private static <T> Map<String, String> options(String any, List<T> choices, Function<T, String> value, Function<T, String> label) {
		Map<String, String> options = new LinkedHashMap<>();
		options.put("", any);
		choices.forEach((choice) -> options.put(value.apply(choice), label.apply(choice)));
		return options;
	}

	@GetMapping("/measures/{code}")
	String measure(@PathVariable String code, @RequestParam(required = false) String place, Model model) {
		MeasureJudge.Assessment assessment = assess(code, place);
		model.addAttribute("a", assessment);
		model.addAttribute("m", assessment.measure());
		model.addAttribute("areaName", this.geographies.name(assessment.area()));
		model.addAttribute("councils", councils());
		model.addAttribute("rows", MeasureChart.periods(assessment));
		boolean mayUpdate = this.permissions.mayChange(assessment.measure());
		// Scotland, councils and family groups in full; the smaller places, of which there may be thousands, on request
		List<Observations.Observation> values = this.observations.ofLargerPlaces(assessment.measure(), mayUpdate);
		model.addAttribute("observations", values);
		model.addAttribute("smaller", this.observations.countsOfSmallAreas(assessment.measure(), mayUpdate));
		model.addAttribute("pageSize", VALUES_PAGE);
		Measure m = assessment.measure();
		Map<String, String> intervals = new LinkedHashMap<>();
		intervals(assessment, values).forEach((period, ends) -> intervals.put(period.code(), m.unit().format(ends[0], m.decimals(), null) + " to "
				+ m.unit().format(ends[1], m.decimals(), null)));
		model.addAttribute("intervals", intervals);
		model.addAttribute("commentary", this.commentary.of(assessment.measure()));
		model.addAttribute("uses", this.uses.of(code));
		model.addAttribute("mayUpdate", mayUpdate);
		// retired or deleted only when no plan uses it (the uses above), deleted only when it holds nothing
		model.addAttribute("holds", mayUpdate ? this.retirement.holds(m) : List.of());
		return "measures/measure";
	}

	/** How many values of smaller places a page lists. */
	static final int VALUES_PAGE = 100;

	/** A page of the measure's values at one of the smaller levels of place. */
	@GetMapping("/measures/{code}/values")
	String values(@PathVariable String code, @RequestParam String level, @RequestParam(defaultValue = "1") int page, Model model) {
		Measure m = published(code);
		boolean mayUpdate = this.permissions.mayChange(m);
		long total = this.observations.countsOfSmallAreas(m, mayUpdate).getOrDefault(level, 0L);
		if (total == 0) {
			throw NotFound.because("The measure has no values for " + level.replace('-', ' ') + "s");
		}
		Paging paging = Paging.of(page, VALUES_PAGE, total);
		model.addAttribute("m", m);
		model.addAttribute("level", level);
		model.addAttribute("levelName", level.replace('-', ' ') + "s");
		model.addAttribute("paging", paging);
		model.addAttribute("mayUpdate", mayUpdate);
		model.addAttribute("observations", this.observations.atLevel(m, level, mayUpdate, paging.offset(), VALUES_PAGE));
		return "measures/values";
	}

	/** Every value of the measure at one of the smaller levels of place, as CSV in the importer's layout. */
	@GetMapping(path = "/measures/{code}/values.csv")
	ResponseEntity<byte[]> valuesCsv(@PathVariable String code, @RequestParam String level) throws IOException {
		Measure m = published(code);
		StringWriter text = new StringWriter();
		try (CsvWriter csv = CsvWriter.builder().build(text)) {
			csv.writeRecord("measure", "period", "geography", "breakdown", "value", "status", "note");
			for (Observations.Observation o : this.observations.atLevel(m, level, this.permissions.mayChange(m), 0, Integer.MAX_VALUE)) {
				csv.writeRecord(m.code(), o.period(), o.geography(), SpreadsheetCells.csv(o.breakdown()), o.value().toPlainString(), o.status(),
						(o.note() != null) ? SpreadsheetCells.csv(o.note()) : "");
			}
		}
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(m.code() + "-" + level + ".csv").build().toString())
			.body(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private Measure published(String code) {
		return this.catalogue.measure(code).filter(Measure::published).orElseThrow(() -> NotFound.because("There is no such measure"));
	}

	/** A person who may change the measure retires it, brings it back into use, or deletes it; a refusal says why on its page. */
	@PostMapping("/measures/{code}/{change:retire|bring-back|delete}")
	String retire(@PathVariable String code, @PathVariable String change, RedirectAttributes redirect) {
		Measure measure = this.catalogue.measure(code).orElseThrow(() -> NotFound.because("There is no such measure"));
		this.access.require(this.permissions.mayChange(measure));
		try {
			switch (change) {
				case "retire" -> this.retirement.retire(measure);
				case "bring-back" -> this.retirement.bringBack(measure);
				default -> {
					this.retirement.delete(measure);
					redirect.addFlashAttribute("done", "The measure " + code + " is deleted.");
					return "redirect:/measures";
				}
			}
			redirect.addFlashAttribute("done", change.equals("retire")
					? "The measure is retired: it is no longer listed, and its values and history are kept here and in the open data."
					: "The measure is back in use and listed again.");
		}
		catch (Refused ex) {
			redirect.addFlashAttribute("errors", ex.errors());
		}
		return "redirect:/measures/" + code;
	}

	/** A person who may update the measure confirms a value held because it lay far outside its history. */
	@PostMapping("/measures/{code}/observations/confirm")
	String confirm(@PathVariable String code, @RequestParam String period, @RequestParam String geography,
			@RequestParam(defaultValue = "") String breakdown, RedirectAttributes redirect) {
		Measure measure = this.catalogue.measure(code).orElseThrow(() -> NotFound.because("There is no such measure"));
		this.access.require(this.permissions.mayChange(measure));
		try {
			Period of = Period.parse(period, measure.periodType());
			if (this.observations.confirm(measure, of, geography, breakdown)) {
				redirect.addFlashAttribute("done", "The value for " + of.label() + " in " + geography + " is confirmed and published.");
				return "redirect:/measures/" + code;
			}
		}
		catch (IllegalArgumentException ex) {
			// no value can be waiting in a period the measure cannot have
		}
		throw NotFound.because("No value of " + code + " is waiting to be confirmed there");
	}

	@GetMapping(path = "/measures/{code}/chart.svg")
	ResponseEntity<String> chart(@PathVariable String code) {
		MeasureJudge.Assessment assessment = assess(code);
		return ResponseEntity.ok()
			.contentType(MediaType.valueOf("image/svg+xml"))
			.cacheControl(CacheControl.noCache())
			.body(MeasureChart.svg(assessment, this.geographies.name(assessment.area()), intervals(assessment,
					(assessment.area() != null) ? this.observations.of(assessment.measure(), assessment.area(), "", null, null, false) : List.of()),
					720, 360));
	}

	private MeasureJudge.Assessment assess(String code) {
		return assess(code, null);
	}

	/**
	 * The confidence interval of the place's own published values, by period, where its publisher gives one (ScotPHO
	 * does), from the values already read.
	 */
	private static Map<Period, double[]> intervals(MeasureJudge.Assessment assessment, List<Observations.Observation> values) {
		Map<Period, double[]> intervals = new LinkedHashMap<>();
		Measure m = assessment.measure();
		values.stream()
			.filter((v) -> v.geography().equals(assessment.area()) && v.breakdown().isEmpty() && v.toConfirm() == null && v.lower() != null
					&& v.upper() != null)
			.forEach((v) -> intervals.put(Period.parse(v.period(), m.periodType()), new double[] { v.lower().doubleValue(), v.upper().doubleValue() }));
		return intervals;
	}

	/** A measure judged for its own place or, where {@code place} names a council, for that council. */
	private MeasureJudge.Assessment assess(String code, String place) {
		Measure measure = published(code);
		if (place != null && !place.isBlank()) {
			if (this.councils().stream().noneMatch((c) -> c.code().equals(place))) {
				throw NotFound.because("There is no council area " + place);
			}
			measure = measure.in(place);
		}
		return this.judge.assess(measure, this.clock.instant(), LocalDate.now(this.clock));
	}

	private List<Geographies.Geography> councils() {
		return this.geographies.councils();
	}

}
