package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.places.Aggregation.Band;
import scot.goldenthread.shared.NotFound;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Places as data: a place with its SIMD profile and parents, a locality's data zones, and any public data-zone
 * measure worked out for every place of a level, whole and by SIMD quintile or decile.
 */
@RestController
class PlaceApiController {

	private static final Map<String, String> BY = Map.of("simd-quintile", "quintile", "simd-decile", "decile");

	private final PlaceProfiles profiles;

	private final PlaceFigures figures;

	private final SmallAreas areas;

	private final MeasureCatalogue catalogue;

	private final String licence;

	PlaceApiController(PlaceProfiles profiles, PlaceFigures figures, SmallAreas areas, MeasureCatalogue catalogue,
			@Value("${goldenthread.open-data.licence}") String licence) {
		this.profiles = profiles;
		this.figures = figures;
		this.areas = areas;
		this.catalogue = catalogue;
		this.licence = licence;
	}

	record Quintile(int quintile, int dataZones, long people, long peopleOnWeightedQuintiles) {
	}

	record Simd(String edition, int dataZones, long population, long workingAgePopulation, List<Quintile> quintiles) {
	}

	record Named(String code, String name) {
	}

	record PlaceSummary(String code, String name, String level, Named council, String drawnFrom, Simd simd, List<Named> localities) {
	}

	/** A place made of data zones, with its council and its SIMD profile; a council's localities. */
	@GetMapping("/api/places/{code}")
	PlaceSummary place(@PathVariable String code) {
		PlaceProfiles.Where where = where(code);
		SimdProfile simd = SimdProfile.of(this.profiles.zones(where));
		List<Quintile> quintiles = new ArrayList<>();
		for (int q = 0; q < 5; q++) {
			quintiles.add(new Quintile(q + 1, simd.zonesByQuintile()[q], simd.peopleByQuintile()[q], simd.peopleByWeightedQuintile()[q]));
		}
		List<Named> localities = where.atCouncilLevel()
				? this.profiles.localitiesOf(code).stream().map((l) -> new Named(l.code(), l.name())).toList() : List.of();
		return new PlaceSummary(where.place().code(), where.place().name(), where.place().level(),
				(where.council() == null) ? null : new Named(where.council().code(), where.council().name()),
				(where.locality() == null) ? null : where.locality().drawnFrom(),
				new Simd(simd.edition(), simd.zones(), simd.population(), simd.workingAge(), quintiles), localities);
	}

	/** The data zones a place is made of, each with its parents and SIMD. */
	@GetMapping("/api/places/{code}/data-zones")
	List<Zone> dataZones(@PathVariable String code) {
		return this.profiles.zones(where(code));
	}

	record PlaceValue(String place, String name, String period, String band, double value, int dataZones, long population) {
	}

	record MeasureFigures(String measure, String title, String level, String workedOutAs, String licence, List<PlaceValue> values) {
	}

	/**
	 * A public measure published for data zones, worked out for every place of {@code level} (in {@code council} only, if
	 * given), whole and, with {@code by}, by SIMD quintile or decile.
	 */
	@GetMapping("/api/measures/{code}/places")
	MeasureFigures places(@PathVariable String code, @RequestParam(defaultValue = "council-area") String level,
			@RequestParam(required = false) String council, @RequestParam(required = false) String by) {
		if (!PlaceProfiles.LEVELS.contains(level)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "level must be one of " + String.join(", ", PlaceProfiles.LEVELS.stream().sorted().toList()));
		}
		if (by != null && !BY.containsKey(by)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "by must be simd-quintile or simd-decile");
		}
		Measure measure = this.catalogue.measure(code).filter(Measure::published)
			.orElseThrow(() -> NotFound.because("There is no published measure " + code));
		Map<String, String> names = this.areas.names(level);
		Set<String> wanted = placesOf(level, council, names.keySet());
		PlaceFigures.Figures f = this.figures.of(List.of(measure), wanted).get(code);
		if (f == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, code + " is not published for data zones, so it is not worked out for"
					+ " other places: its values are at /api/measures/" + code + "/observations");
		}
		List<PlaceValue> values = new ArrayList<>();
		f.forEach((key, figure) -> {
			if (key.band().equals(Band.ALL) || (by != null && key.band().kind().equals(BY.get(by)))) {
				values.add(new PlaceValue(key.place(), names.get(key.place()), key.period().label(), key.band().label(), figure.value(),
						figure.zones(), figure.population()));
			}
		});
		return new MeasureFigures(measure.code(), measure.title(), level, f.method().wording(), this.licence, values);
	}


	/** The places of the level wanted: all of them, or those of one council. */
	private Set<String> placesOf(String level, String council, Set<String> ofLevel) {
		if (council == null || council.isBlank()) {
			return ofLevel;
		}
		PlaceProfiles.Where where = this.profiles.where(council).filter(PlaceProfiles.Where::atCouncilLevel)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "council must be a council area's code, such as S12000005"));
		Set<String> within = new HashSet<>();
		for (Zone z : this.profiles.zones(where)) {
			within.addAll(List.of(z.intermediateZone(), z.ward(), z.council()));
		}
		within.addAll(this.profiles.localitiesOf(where.place().code()).stream().map(Localities.Locality::code).toList());
		within.retainAll(ofLevel);
		return within;
	}

	private PlaceProfiles.Where where(String code) {
		return this.profiles.where(code).orElseThrow(() -> NotFound.because("There is no place " + code + " made of data zones"));
	}


}
