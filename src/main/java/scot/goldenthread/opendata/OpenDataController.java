package scot.goldenthread.opendata;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.MeasureFile;
import scot.goldenthread.measures.Observations;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.people.Access;
import scot.goldenthread.places.PlaceFigures;
import scot.goldenthread.plans.ActionStatus;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Published data to take away, under an open licence: every published value in the layout the importer
 * reads (so data can go round and come back unchanged) and as JSON, and each published plan in its
 * import format. Only public measures, confirmed values and plans the public may see are in them.
 */
@Controller
class OpenDataController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final Observations observations;

	private final MeasureDefinitions definitions;

	private final PlanCatalogue plans;

	private final Access access;

	private final String licence;

	private final String licenceUrl;

	private final Clock clock;

	private final SmallAreas areas;

	private final PlaceFigures placeFigures;

	private final ActionStatuses statuses;

	private final MeasureCatalogue measures;

	private final WholeValuesFile whole;

	OpenDataController(Observations observations, MeasureDefinitions definitions, MeasureCatalogue measures, PlanCatalogue plans,
			Access access, SmallAreas areas, PlaceFigures placeFigures, ActionStatuses statuses, WholeValuesFile whole,
			@Value("${goldenthread.open-data.licence}") String licence, @Value("${goldenthread.open-data.licence-url}") String licenceUrl,
			Clock clock) {
		this.observations = observations;
		this.whole = whole;
		this.areas = areas;
		this.placeFigures = placeFigures;
		this.statuses = statuses;
		this.measures = measures;
		this.definitions = definitions;
		this.plans = plans;
		this.access = access;
		this.licence = licence;
		this.licenceUrl = licenceUrl;
		this.clock = clock;
	}

	@GetMapping("/open-data")
	String page(Model model) {
		model.addAttribute("plans", published());
		model.addAttribute("licence", this.licence);
		model.addAttribute("licenceUrl", this.licenceUrl);
		return "opendata/open-data";
	}

	/** Every published measure's definition, with its tolerance, baseline and targets, in the file the importer reads. */
	@GetMapping("/open-data/measures.yaml")
	ResponseEntity<StreamingResponseBody> measures() {
		MeasureFile published = this.definitions.published();
		return file("measures.yaml", MediaType.parseMediaType("application/yaml;charset=UTF-8"), (out) -> {
			out.write(("# " + this.licence + ": " + this.licenceUrl + "\n").getBytes(StandardCharsets.UTF_8));
			YAMLMapper.builder().build().writeValue(out, published);
		});
	}

	/**
	 * Columns measure, period, geography, one per breakdown dimension (blank for a total), value, status, note: every
	 * published value, or one measure's, one place's, or one period's of a measure.
	 */
	@GetMapping("/open-data/observations.csv")
	ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String measure, @RequestParam(required = false) String geography,
			@RequestParam(required = false) String period) {
		Observations.Selection selection = selection(measure, geography, period);
		if (selection.equals(Observations.Selection.ALL)) {
			return file(name(selection) + ".csv", CSV, this.whole::sendTo);
		}
		List<String> dimensions = this.observations.publishedDimensions(selection);
		return file(name(selection) + ".csv", CSV, (out) -> this.observations.copyPublished(selection, dimensions, out));
	}

	@GetMapping("/open-data/observations.json")
	ResponseEntity<StreamingResponseBody> json(@RequestParam(required = false) String measure, @RequestParam(required = false) String geography,
			@RequestParam(required = false) String period) {
		Observations.Selection selection = selection(measure, geography, period);
		return file(name(selection) + ".json", MediaType.APPLICATION_JSON, (out) -> {
			try (JsonGenerator json = JsonMapper.builder().build().createGenerator(out)) {
				json.writeStartObject();
				json.writeStringProperty("licence", this.licence);
				json.writeStringProperty("licenceUrl", this.licenceUrl);
				json.writeStringProperty("generatedAt", OffsetDateTime.now(this.clock).toString());
				json.writeName("observations");
				json.writeStartArray();
				this.observations.eachPublished(selection, (o) -> {
					json.writeStartObject();
					json.writeStringProperty("measure", o.measure());
					json.writeStringProperty("period", o.period());
					json.writeStringProperty("geography", o.geography());
					json.writePOJOProperty("breakdown", o.breakdown());
					json.writeName("value");
					json.writeNumber(o.value());
					json.writeStringProperty("status", o.status());
					json.writeStringProperty("note", o.note());
					json.writeEndObject();
				});
				json.writeEndArray();
				json.writeEndObject();
			}
		});
	}

	/** Every action of every published plan with its one status, as each plan's reporting stands, and what it is made of. */
	@GetMapping("/open-data/actions.csv")
	ResponseEntity<StreamingResponseBody> actions() {
		List<PlanTree> trees = this.plans.trees(published(), this.access);
		ActionStatuses.Judged judged = this.statuses.of(trees);
		return file("actions.csv", CSV, (out) -> {
			try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				csv.writeRecord("plan", "action", "title", "leads", "start", "due", "progress", "status", "status_label", "as_at",
						"worked_out", "why", "lead_assessment", "remark", "start_as_written", "due_as_written");
				for (PlanTree tree : trees) {
					String asAt = judged.asAt(tree.plan()).words();
					for (PlanElement a : tree.ofKind(ElementKind.ACTION)) {
						ActionStatus.Status s = judged.of(a);
						csv.writeRecord(tree.plan().code(), SpreadsheetCells.csv(Objects.toString(a.code(), "")), SpreadsheetCells.csv(a.title()),
								SpreadsheetCells.csv(String.join("; ", a.leads())), Objects.toString(a.start(), ""), Objects.toString(a.due(), ""),
								Objects.toString(a.progress(), ""), s.status().code(), s.label(), asAt, s.judged().code(), s.why(),
								Objects.toString(Coded.codeOf(a.assessment()), ""), Objects.toString(s.remark(), ""),
								SpreadsheetCells.csv(Objects.toString(a.startWritten(), "")), SpreadsheetCells.csv(Objects.toString(a.dueWritten(), "")));
					}
				}
			}
		});
	}

	/**
	 * Every element of every published plan, each at its level in the plan's own words ("Stretch outcome"), under its
	 * parent, with its dates as written and, for an improvement project, the phase it has reached.
	 */
	@GetMapping("/open-data/elements.csv")
	ResponseEntity<StreamingResponseBody> elements() {
		List<PlanTree> trees = this.plans.trees(published(), this.access);
		return file("elements.csv", CSV, (out) -> {
			try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				csv.writeRecord("plan", "element", "parent", "kind", "level", "title", "short_title", "start", "due", "start_as_written",
						"due_as_written", "leads", "project_phase");
				for (PlanTree tree : trees) {
					Map<Long, String> codes = new HashMap<>();
					tree.elements().forEach((e) -> codes.put(e.id(), e.code()));
					for (PlanElement e : tree.elements()) {
						csv.writeRecord(tree.plan().code(), SpreadsheetCells.csv(e.code()),
								SpreadsheetCells.csv(Objects.toString((e.parentId() != null) ? codes.get(e.parentId()) : null, "")), e.kind().code(),
								SpreadsheetCells.csv(e.level().label()), SpreadsheetCells.csv(e.title()), SpreadsheetCells.csv(Objects.toString(e.shortTitle(), "")),
								Objects.toString(e.start(), ""), Objects.toString(e.due(), ""), SpreadsheetCells.csv(Objects.toString(e.startWritten(), "")),
								SpreadsheetCells.csv(Objects.toString(e.dueWritten(), "")), SpreadsheetCells.csv(String.join("; ", e.leads())),
								(e.project() != null) ? e.project().phase().code() : "");
					}
				}
			}
		});
	}

	private List<Plan> published() {
		return this.plans.plans(this.access).stream().filter((p) -> p.status() != PlanStatus.DRAFT).toList();
	}

	/** Every data zone of Scotland with its parents and SIMD, as the latest edition bands it. */
	@GetMapping("/open-data/data-zones.csv")
	ResponseEntity<StreamingResponseBody> dataZones() {
		return file("data-zones.csv", CSV, (out) -> {
			try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				List<String> header = new ArrayList<>(List.of("data_zone", "name", "intermediate_zone", "ward", "council", "simd_edition", "rank",
						"decile", "quintile", "weighted_quintile", "population", "working_age_population"));
				SmallAreas.DOMAINS.forEach((d) -> header.add(d + "_rank"));
				csv.writeRecord(header);
				for (SmallAreas.Zone z : this.areas.zones().values()) {
					List<String> row = new ArrayList<>(List.of(z.code(), SpreadsheetCells.csv(z.name()), z.intermediateZone(), z.ward(), z.council(),
							z.edition(), String.valueOf(z.rank()), String.valueOf(z.decile()), String.valueOf(z.quintile()),
							String.valueOf(z.weightedQuintile()), String.valueOf(z.population()), String.valueOf(z.workingAgePopulation())));
					SmallAreas.DOMAINS.forEach((d) -> row.add(Objects.toString(z.domainRanks().get(d), "")));
					csv.writeRecord(row);
				}
			}
		});
	}

	/** Every public data-zone measure worked out for every larger place, whole and by SIMD quintile and decile, a measure at a time. */
	@GetMapping("/open-data/place-figures.csv")
	ResponseEntity<StreamingResponseBody> placeFigures() {
		return file("place-figures.csv", CSV, (out) -> {
			try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				csv.writeRecord("measure", "period", "place", "band", "value", "data_zones", "population", "worked_out_as");
				for (Measure measure : this.placeFigures.publicMeasures()) {
					this.placeFigures.of(measure).ifPresent((f) -> f.forEach((key, figure) -> csv.writeRecord(measure.code(), key.period().label(),
							key.place(), key.band().label(), String.valueOf(figure.value()), String.valueOf(figure.zones()),
							String.valueOf(figure.population()), f.workedOutAs())));
				}
			}
		});
	}

	/** The values asked for: one published measure's (and one of its periods), one place's, or all. */
	private Observations.Selection selection(String measure, String geography, String period) {
		Measure m = (measure == null || measure.isBlank()) ? null
				: this.measures.measure(measure.strip()).filter(Measure::published)
					.orElseThrow(() -> NotFound.because("There is no published measure " + measure.strip()));
		Period p = null;
		if (period != null && !period.isBlank()) {
			if (m == null) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Name the measure too: each measure counts its periods its own way");
			}
			try {
				p = Period.parse(period.strip(), m.periodType());
			}
			catch (IllegalArgumentException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + period.strip() + "' is not a period of " + m.code() + ": "
						+ ex.getMessage());
			}
		}
		return new Observations.Selection(m, (geography == null || geography.isBlank()) ? null : geography.strip(), p);
	}

	/** "observations", or such as "observations-NIF-NUM-GAP-S12000005-2022-23" for a part of them. */
	private static String name(Observations.Selection selection) {
		StringBuilder name = new StringBuilder("observations");
		if (selection.measure() != null) {
			name.append('-').append(selection.measure().code());
		}
		if (selection.geography() != null) {
			name.append('-').append(selection.geography());
		}
		if (selection.period() != null) {
			name.append('-').append(selection.period().code());
		}
		return name.toString().replaceAll("[^A-Za-z0-9-]+", "-");
	}

	/** A download, with its licence in a Link header as well as on the open data page. */
	private ResponseEntity<StreamingResponseBody> file(String name, MediaType type, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.LINK, "<" + this.licenceUrl + ">; rel=\"license\"; title=\"" + this.licence + "\"")
			.body(body);
	}

}
