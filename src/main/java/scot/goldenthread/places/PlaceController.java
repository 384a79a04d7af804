package scot.goldenthread.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;

import scot.goldenthread.measures.Geographies;
import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.NotFound;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A place's public page: who lives there, where it is, how deprived it is, and how it compares. */
@Controller
class PlaceController {

	/** What every map of the boundaries must say, as their licence asks. */
	static final List<String> ATTRIBUTION = List.of("Contains OS data © Crown copyright and database right 2021.",
			"Copyright Scottish Government. Source: Office for National Statistics.", "Open Government Licence v3.0.");

	static final List<String> QUINTILES = List.of("SIMD quintile 1 (most deprived)", "SIMD quintile 2", "SIMD quintile 3",
			"SIMD quintile 4", "SIMD quintile 5 (least deprived)");

	private final PlaceProfiles profiles;

	private final Boundaries boundaries;

	private final Priorities priorities;

	private final PlanCatalogue plans;

	private final Access access;

	private final Geographies geographies;

	private final AreaChoices areas;

	PlaceController(PlaceProfiles profiles, Boundaries boundaries, Priorities priorities, PlanCatalogue plans, Access access,
			Geographies geographies, AreaChoices areas) {
		this.geographies = geographies;
		this.areas = areas;
		this.profiles = profiles;
		this.boundaries = boundaries;
		this.priorities = priorities;
		this.plans = plans;
		this.access = access;
	}

	/** The front page's "your area" form, which works without JavaScript: on to the page of the place chosen. */
	@GetMapping(path = "/places", params = "area")
	String area(@RequestParam String area) {
		if (area.isBlank()) {
			return "redirect:/";
		}
		if (!area.matches("[A-Za-z0-9-]{1,40}") || !this.areas.exists(area)) {
			throw NotFound.because("There is no such area to choose");
		}
		return "redirect:/places/" + area;
	}

	@GetMapping("/places/{code}")
	String place(@PathVariable String code, @RequestParam(required = false) String measure, Model model) {
		PlaceProfiles.Profile profile = this.profiles.profile(code).orElseThrow(() -> NotFound.because("There is no place " + code
				+ " made of data zones"));
		PlaceProfiles.Row chosen = chosen(profile, measure);
		model.addAttribute("profile", profile);
		model.addAttribute("where", profile.where());
		model.addAttribute("chosen", chosen);
		model.addAttribute("quintiles", QUINTILES);
		model.addAttribute("attribution", ATTRIBUTION);
		Set<Long> visible = this.plans.plans(this.access).stream().map(Plan::id).collect(Collectors.toSet());
		model.addAttribute("priorities", this.priorities.of(code).stream().filter((p) -> visible.contains(p.planId())).toList());
		model.addAttribute("planNames", this.plans.planNames());
		model.addAttribute("serving", this.plans.serving(code, this.access));
		model.addAttribute("councils", (profile.where().atCountryLevel() && chosen != null) ? this.profiles.councils(chosen.measure()) : List.of());
		return "places/place";
	}

	@GetMapping(path = "/places/{code}/chart.svg")
	ResponseEntity<String> chart(@PathVariable String code, @RequestParam(required = false) String measure) {
		PlaceProfiles.Where where = this.profiles.where(code).orElseThrow(() -> NotFound.because("There is no place " + code));
		PlaceProfiles.Row chosen = this.profiles.row(where, measure)
			.orElseThrow(() -> NotFound.because("No measure is published for the data zones of " + where.place().name()));
		return svg(PlaceChart.svg(chosen, where, 720, 400));
	}

	/**
	 * Where the place is: its council's data zones shaded by SIMD quintile with the place outlined, or for Scotland its
	 * councils shaded by the share of their people in its most deprived fifth.
	 */
	@GetMapping(path = "/places/{code}/map.svg")
	ResponseEntity<String> map(@PathVariable String code, @RequestParam(required = false) String measure) {
		PlaceProfiles.Where where = this.profiles.where(code).orElseThrow(() -> NotFound.because("There is no place " + code));
		if (where.atCountryLevel() && measure != null) {
			// the councils in fifths on a measure, the poorest darkest
			List<PlaceProfiles.CouncilValue> councils = this.profiles.councils(this.profiles.measure(measure)
				.orElseThrow(() -> NotFound.because("No measure " + measure + " is published for data zones")));
			Map<String, Geometry> outlines = this.boundaries.outlines(councils.stream().map(PlaceProfiles.CouncilValue::code).toList());
			return svg(PlaceMap.svg(councils.stream().map((c) -> new PlaceMap.Area(c.rank() + ". " + c.name() + ": " + c.value(),
					outlines.get(c.code()), c.band())).toList(), null, List.of("Poorest fifth of the councils", "Second fifth", "Third fifth",
							"Fourth fifth", "Best fifth"), ATTRIBUTION, 640));
		}
		if (where.atCountryLevel()) {
			Map<String, List<Zone>> councils = this.profiles.allZones().values().stream().collect(Collectors.groupingBy(Zone::council));
			Map<String, Geometry> outlines = this.boundaries.outlines(councils.keySet());
			List<PlaceMap.Area> areas = new ArrayList<>();
			Map<String, String> names = this.geographies.councils().stream()
				.collect(Collectors.toMap(Geographies.Geography::code, Geographies.Geography::name));
			councils.forEach((council, zones) -> {
				double share = SimdProfile.of(zones).peopleShare(1);
				areas.add(new PlaceMap.Area(names.get(council) + ": " + Math.round(share) + "% of people in the most deprived fifth",
						outlines.get(council), band(share)));
			});
			return svg(PlaceMap.svg(areas, null, List.of("40% or more of people in the most deprived fifth", "30% to 40%",
					"20% to 30%", "10% to 20%", "Under 10%"), ATTRIBUTION, 640));
		}
		List<Zone> councilZones = this.profiles.allZones().values().stream().filter((z) -> z.council().equals(where.council().code())).toList();
		Map<String, Geometry> outlines = this.boundaries.outlines(councilZones.stream().map(Zone::code).toList());
		List<PlaceMap.Area> areas = councilZones.stream()
			.map((z) -> new PlaceMap.Area(z.code() + " " + z.name() + ": SIMD quintile " + z.quintile(), outlines.get(z.code()), z.quintile()))
			.toList();
		Geometry outlined = where.atCouncilLevel() ? null
				: this.boundaries.joined(this.profiles.zones(where).stream().map((z) -> outlines.get(z.code())).toList());
		return svg(PlaceMap.svg(areas, outlined, QUINTILES, ATTRIBUTION, 640));
	}

	/** Bands of ten points of the share of people in the most deprived fifth, the highest first. */
	private static int band(double share) {
		return (share >= 40) ? 1 : (share >= 30) ? 2 : (share >= 20) ? 3 : (share >= 10) ? 4 : 5;
	}

	private static PlaceProfiles.Row chosen(PlaceProfiles.Profile profile, String measure) {
		return profile.rows().stream().filter((r) -> r.measure().code().equals(measure)).findFirst()
			.orElse(profile.rows().isEmpty() ? null : profile.rows().get(0));
	}

	static ResponseEntity<String> svg(String svg) {
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).cacheControl(CacheControl.noCache()).body(svg);
	}

}
