package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import io.swagger.v3.oas.annotations.tags.Tag;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Role;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.Paging;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/** Measures, their values and their status as JSON; observation files in. */
@RestController
@Tag(name = "Measures", description = "Measure definitions, places, observations and their import, commentary")
class MeasureApiController {

	private final MeasureCatalogue catalogue;

	private final MeasureJudge judge;

	private final ObservationImporter importer;

	private final Observations observations;

	private final MeasureDefinitions definitions;

	private final Commentary commentary;

	private final Access access;

	private final Geographies geographies;

	private final MeasurePermissions permissions;

	private final Clock clock;

	private final MeasureList list;

	private final ImportLayouts layouts;

	private final SmallAreas smallAreas;

	MeasureApiController(MeasureCatalogue catalogue, MeasureJudge judge, ObservationImporter importer, Observations observations,
			MeasureDefinitions definitions, Commentary commentary, Access access, Geographies geographies, MeasurePermissions permissions, Clock clock,
			MeasureList list, ImportLayouts layouts, SmallAreas smallAreas) {
		this.smallAreas = smallAreas;
		this.layouts = layouts;
		this.permissions = permissions;
		this.access = access;
		this.geographies = geographies;
		this.commentary = commentary;
		this.catalogue = catalogue;
		this.judge = judge;
		this.importer = importer;
		this.observations = observations;
		this.definitions = definitions;
		this.clock = clock;
		this.list = list;
	}

	/**
	 * The published measures, those with data first, narrowed as the measures page narrows them: by {@code partnership},
	 * {@code plan} and national {@code outcome} (their codes), {@code strategicOutcome} ("LOIP-2024-34/WB"), {@code status}
	 * and short-term {@code trend} (their codes) and {@code withData};
	 * {@code size} (up to 1,000) a page. How many matched is in {@code X-Total-Count}, the other pages in {@code Link}.
	 */
	@GetMapping("/api/measures")
	ResponseEntity<List<MeasureSummary>> measures(@RequestParam(required = false) String partnership,
			@RequestParam(required = false) String plan, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String strategicOutcome, @RequestParam(required = false) String status,
			@RequestParam(required = false) String trend, @RequestParam(defaultValue = "false") boolean withData,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int size) {
		if (size < 1 || size > 1000) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A page holds 1 to 1,000 measures, not " + size + ".");
		}
		MeasureList.Listing listing = this.list.list(new MeasureList.Filter(partnership, plan, outcome, strategicOutcome, status, trend, withData, page),
				size);
		List<String> links = new ArrayList<>();
		UriComponentsBuilder here = ServletUriComponentsBuilder.fromCurrentRequest();
		BiConsumer<String, Integer> link = (rel, p) -> links
			.add("<" + here.replaceQueryParam("page", p).build().toUriString() + ">; rel=\"" + rel + "\"");
		link.accept("first", 1);
		Paging paging = listing.paging();
		if (paging.page() > 1) {
			link.accept("prev", paging.page() - 1);
		}
		if (paging.page() < paging.pages()) {
			link.accept("next", paging.page() + 1);
		}
		link.accept("last", paging.pages());
		return ResponseEntity.ok()
			.header("X-Total-Count", String.valueOf(paging.total()))
			.header(HttpHeaders.LINK, String.join(", ", links))
			.body(listing.shown().stream().map(MeasureApiController::summary).toList());
	}

	/** The measure as it stands now, or with {@code asAt} (an ISO instant) as it stood then. */
	@GetMapping("/api/measures/{code}")
	MeasureSummary measure(@PathVariable String code, @RequestParam(required = false) String asAt,
			@RequestParam(required = false) String place) {
		Instant at = instant(asAt);
		Measure measure = find(code);
		if (place != null && !place.isBlank()) {
			if (!Geographies.COUNCIL_AREA.equals(this.geographies.names().level(place))) {
				throw NotFound.because("There is no council area " + place);
			}
			measure = measure.in(place);
		}
		return summary(this.judge.assess(measure, at, today(at)));
	}

	@GetMapping("/api/measures/{code}/observations")
	List<Observations.Observation> observations(@PathVariable String code, @RequestParam(required = false) String geography,
			@RequestParam(required = false) String breakdown, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Measure measure = find(code);
		return this.observations.of(measure, geography, breakdown, period(measure, "from", from), period(measure, "to", to),
				this.permissions.mayChange(measure));
	}

	/**
	 * A file of values: in this service's layout or statistics.gov.scot's (found from its columns), or read through a
	 * {@code layout} saved under its name, or through the {@code mapping} of its columns given as JSON (as
	 * {@code GET /api/import-layouts} shows them).
	 */
	@PostMapping("/api/observations/import")
	ObservationImporter.Report importObservations(@RequestParam("file") MultipartFile file,
			@RequestParam(required = false) String measure, @RequestParam(required = false) String measurement,
			@RequestParam(defaultValue = "all-or-nothing") String mode, @RequestParam(required = false) String layout,
			@RequestParam(required = false) String mapping) throws IOException {
		ObservationImporter.Mode importMode = ObservationImporter.Mode.of(mode)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "mode must be all-or-nothing or accept-valid"));
		ColumnMapping columns = null;
		if (mapping != null) {
			columns = this.layouts.read(mapping)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "mapping is not a column mapping in JSON"));
		}
		else if (layout != null && !layout.equals(ImportLayouts.STATISTICS_GOV_SCOT) && !layout.equals(ImportLayouts.GOLDEN_THREAD)) {
			columns = this.layouts.find(layout).orElseThrow(() -> NotFound.because("There is no layout " + layout));
			if (layout.equals(ImportLayouts.LGBF)) {
				columns = ColumnMapping.lgbf(measure, null);
			}
		}
		String named = (columns != null) ? columns.measure() : measure;
		this.access.require(this.permissions.mayImport((named != null) ? find(named) : null));
		try (java.io.InputStream in = file.getInputStream()) {
			return (columns != null) ? this.importer.importFile(in, file.getOriginalFilename(), this.permissions.changeable(), columns, importMode)
					: this.importer.importFile(in, file.getOriginalFilename(), this.permissions.changeable(), measure, measurement, importMode);
		}
	}

	/** The layouts a file may be read through: the built-in ones and those saved, by name. */
	@GetMapping("/api/import-layouts")
	Map<String, ColumnMapping> importLayouts() {
		return this.layouts.all();
	}

	/** Confirms a value held because it lay far outside its history: {@code {"period", "geography", "breakdown"}}. */
	@PostMapping("/api/measures/{code}/observations/confirm")
	org.springframework.http.ResponseEntity<Void> confirm(@PathVariable String code,
			@org.springframework.web.bind.annotation.RequestBody Map<String, String> body) {
		Measure measure = find(code);
		this.access.require(this.permissions.mayChange(measure));
		Period period = period(measure, "period", body.get("period"));
		if (period == null || body.get("geography") == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "give the period and geography of the value to confirm");
		}
		boolean confirmed = this.observations.confirm(measure, period, body.get("geography"),
				java.util.Objects.requireNonNullElse(body.get("breakdown"), ""));
		if (!confirmed) {
			throw NotFound.because("No value of " + code + " is waiting to be confirmed there");
		}
		return org.springframework.http.ResponseEntity.noContent().build();
	}

	@GetMapping("/api/measures/{code}/commentary")
	List<Commentary.Entry> commentary(@PathVariable String code) {
		return this.commentary.of(find(code));
	}

	/** The lead's story behind the data for a period: {@code {"period": "2022/23", "text": "..."}}. */
	@PostMapping("/api/measures/{code}/commentary")
	org.springframework.http.ResponseEntity<Commentary.Entry> comment(@PathVariable String code,
			@org.springframework.web.bind.annotation.RequestBody Map<String, String> body) {
		Measure measure = find(code);
		this.access.require(this.permissions.mayChange(measure));
		try {
			return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED)
				.body(this.commentary.write(measure, body.get("period"), body.get("text")));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

	@PostMapping("/api/measures/definitions")
	Map<String, Object> define(@RequestParam("file") MultipartFile file) throws IOException {
		this.access.require(this.access.holdsAnywhere(Role.PLAN_OWNER));
		try (java.io.InputStream in = file.getInputStream()) {
			return Map.of("defined", this.definitions.define(in, file.getOriginalFilename(), this.permissions.changeable()));
		}
	}

	@GetMapping("/api/geographies")
	List<Geographies.Geography> geographies() {
		return this.geographies.all();
	}

	/** A CSV file of places: {@code code,name,level} and, for a family group, its {@code members}. */
	@PostMapping("/api/geographies/import")
	Geographies.Imported importGeographies(@RequestParam("file") MultipartFile file) throws IOException {
		this.access.require(this.access.holdsAnywhere(Role.PLAN_OWNER));
		try (InputStream in = file.getInputStream()) {
			return this.geographies.importFile(in, file.getOriginalFilename());
		}
	}

	/** A new SIMD edition, loaded beside the others (see {@link SmallAreas#loadEdition}); administrators only. */
	@PostMapping("/api/simd-editions")
	Map<String, Object> loadSimdEdition(@RequestParam("file") MultipartFile file, @RequestParam String edition) throws IOException {
		this.access.require(this.access.isAdministrator());
		try (java.io.Reader in = scot.goldenthread.shared.TextFiles.open(file.getInputStream()).reader()) {
			return Map.of("edition", edition, "dataZones", this.smallAreas.loadEdition(edition, in, file.getOriginalFilename()));
		}
	}

	@ExceptionHandler
	ProblemDetail refused(ObservationImportException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The file was not imported; nothing was changed.");
		problem.setTitle("File refused");
		problem.setProperty("report", ex.report());
		problem.setProperty("errors", ex.report().errors());
		return problem;
	}

	private Measure find(String code) {
		return this.catalogue.measure(code)
			.filter(Measure::published)
			.orElseThrow(() -> NotFound.because("There is no measure " + code));
	}

	private static Period period(Measure measure, String name, String text) {
		try {
			return (text != null) ? Period.parse(text, measure.periodType()) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": " + ex.getMessage());
		}
	}

	private Instant instant(String asAt) {
		try {
			return (asAt != null) ? Instant.parse(asAt) : this.clock.instant();
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "asAt must be an instant such as 2023-02-09T00:00:00Z");
		}
	}

	private static LocalDate today(Instant asAt) {
		return LocalDate.ofInstant(asAt, java.time.ZoneOffset.UTC);
	}

	private static MeasureSummary summary(MeasureJudge.Assessment a) {
		Measure measure = a.measure();
		Map<String, Object> latest = a.latest()
			.<Map<String, Object>>map((p) -> Map.of("period", p.period().code(), "value", p.value()))
			.orElse(null);
		return new MeasureSummary(measure.code(), measure.title(), measure.description(), measure.kind().code(),
				measure.unit().code(), measure.polarity().code(), measure.periodType().code(), measure.source(), measure.lead(),
				a.area(), latest, a.status().status().code(),
				a.statusWording(), a.shortTerm().code(),
				a.longTerm().code(), a.trendWording(), a.targetWordings(), a.forecasts(), a.comparison().code(),
				a.scotlandBasis(), (a.familyGroup() != null) ? Map.of("code", a.familyGroup().code(), "name", a.familyGroup().name(),
						"members", a.familyGroup().members(), "basis", a.familyGroup().basis(), "comparison", a.familyGroup().comparison().code()) : null,
				(a.ranking() != null) ? Map.of("rank", a.ranking().rank(), "of", a.ranking().of(), "quartile", a.ranking().quartile()) : null,
				a.stale(), measure.retiredOn());
	}

	record MeasureSummary(String code, String title, String description, String kind, String unit, String polarity,
			String periodType, String source, String lead, String area, Map<String, Object> latest, String status,
			String statusWording, String shortTermTrend, String longTermTrend, String trendWording, List<String> targets, List<String> forecasts,
			String comparedWithScotland, String scotlandBasis,
			Map<String, Object> familyGroup, Map<String, Object> ranking, boolean stale, LocalDate retiredOn) {
	}

}
