package scot.goldenthread.places;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;

import scot.goldenthread.measures.SmallAreas.Zone;
import scot.goldenthread.people.Access;
import scot.goldenthread.people.Role;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.TextLimits;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Locality planning for a council: where outcomes are poorest, ranked on the measures and SIMD domains a partnership
 * chooses, with a plan's choice of priority localities recorded against that evidence; and the council's localities
 * drawn from a file of codes, on the page, or from its wards.
 */
@Controller
class LocalityPlanningController {

	private static final int MAP_WIDTH = 640;

	private final PoorestPlaces poorest;

	private final PlaceProfiles profiles;

	private final Localities localities;

	private final Priorities priorities;

	private final Boundaries boundaries;

	private final PlanCatalogue plans;

	private final Access access;

	LocalityPlanningController(PoorestPlaces poorest, PlaceProfiles profiles, Localities localities, Priorities priorities, Boundaries boundaries,
			PlanCatalogue plans, Access access) {
		this.poorest = poorest;
		this.profiles = profiles;
		this.localities = localities;
		this.priorities = priorities;
		this.boundaries = boundaries;
		this.plans = plans;
		this.access = access;
	}

	/** What the page was asked for: the level, the criteria shown and the one ranked by; each falls back to a sensible first view. */
	record Asked(String level, List<String> criteria, String rankBy, String set) {

		Asked {
			level = (level != null && PoorestPlaces.LEVELS.containsKey(level)) ? level : "intermediate-zone";
			criteria = (criteria == null || criteria.isEmpty()) ? List.of(PoorestPlaces.SIMD + "overall", "SIMD-INCOME", "SIMD-EMPLOYMENT",
					"SIMD-ATTAINMENT", "SIMD-EMERGENCY-STAYS") : criteria;
		}

	}

	@GetMapping("/places/{council}/poorest")
	String poorest(@PathVariable String council, @RequestParam(required = false) String level,
			@RequestParam(required = false) List<String> criteria, @RequestParam(required = false) String rankBy, @RequestParam(required = false) String set, Model model) {
		return page(council(council), new Asked(level, criteria, rankBy, set), model, Map.of());
	}

	@GetMapping(path = "/places/{council}/poorest/map.svg")
	ResponseEntity<String> map(@PathVariable String council, @RequestParam(required = false) String level,
			@RequestParam(required = false) List<String> criteria, @RequestParam(required = false) String rankBy,
			@RequestParam(required = false) String set) {
		PlaceProfiles.Where where = council(council);
		Asked asked = new Asked(level, criteria, rankBy, set);
		PoorestPlaces.Ranking ranking = ranking(where, asked);
		Map<String, List<Zone>> places = this.poorest.places(where.place().code(), asked.level(), set(where, asked));
		Map<String, Geometry> outlines = this.boundaries.outlines(places.values().stream().flatMap(List::stream).map(Zone::code).toList());
		List<PlaceMap.Area> areas = new ArrayList<>();
		int n = ranking.rows().size();
		for (PoorestPlaces.Ranked r : ranking.rows()) {
			Geometry outline = this.boundaries.joined(places.get(r.code()).stream().map((z) -> outlines.get(z.code())).toList());
			boolean known = r.cells().get(ranking.criteria().indexOf(ranking.rankedBy())).value() != null;
			areas.add(new PlaceMap.Area(r.rank() + ". " + r.name(), outline, known ? PlaceMap.fifth(r.rank(), n) : 0));
		}
		return PlaceController.svg(PlaceMap.svg(areas, null, List.of("Poorest fifth of the places ranked", "Second fifth",
				"Third fifth", "Fourth fifth", "Best fifth"), PlaceController.ATTRIBUTION, MAP_WIDTH));
	}

	@PostMapping("/places/{council}/poorest")
	String choose(@PathVariable String council, @RequestParam(required = false) String level, @RequestParam(required = false) List<String> criteria,
			@RequestParam(required = false) String rankBy, @RequestParam(required = false) String set, @RequestParam(required = false) Long plan,
			@RequestParam(required = false) String place, @RequestParam(required = false) String rationale, Model model) {
		PlaceProfiles.Where where = council(council);
		Asked asked = new Asked(level, criteria, rankBy, set);
		Map<String, String> errors = new LinkedHashMap<>();
		Plan chosenPlan = (plan == null) ? null : this.plans.plan(plan).orElse(null);
		if (chosenPlan == null) {
			errors.put("plan", "Choose the plan the priority is for");
		}
		else {
			this.access.require(this.access.mayOwn(this.plans.scopeOf(chosenPlan)));
		}
		PoorestPlaces.Ranking ranking = ranking(where, asked);
		if (ranking.rows().stream().noneMatch((r) -> r.code().equals(place))) {
			errors.put("place", "Choose one of the places in the table");
		}
		if (rationale == null || rationale.isBlank()) {
			errors.put("rationale", "Say why it is a priority");
		}
		else {
			TextLimits.problem(rationale, TextLimits.NOTE).ifPresent((reason) -> errors.put("rationale", "The reason " + reason));
		}
		if (!errors.isEmpty()) {
			return page(where, asked, model, errors);
		}
		Priorities.Priority chosen = this.priorities.choose(chosenPlan.id(), place, rationale.strip(), ranking.evidence(where.place().name()));
		model.addAttribute("done", chosen.localityName() + " is recorded as a priority of " + chosenPlan.title() + ", with the table as it stands today");
		return page(where, asked, model, Map.of());
	}

	private String page(PlaceProfiles.Where where, Asked asked, Model model, Map<String, String> errors) {
		PoorestPlaces.Ranking ranking = ranking(where, asked);
		model.addAttribute("where", where);
		model.addAttribute("ranking", ranking);
		model.addAttribute("asked", asked);
		model.addAttribute("sets", this.poorest.sets(where.place().code()));
		model.addAttribute("set", set(where, asked));
		model.addAttribute("levels", PoorestPlaces.LEVELS);
		model.addAttribute("criteria", this.poorest.criteria());
		model.addAttribute("errors", errors);
		model.addAttribute("attribution", PlaceController.ATTRIBUTION);
		Set<Long> visible = this.plans.plans(this.access).stream().map(Plan::id).collect(Collectors.toSet());
		model.addAttribute("priorities", this.priorities.of(ranking.rows().stream().map(PoorestPlaces.Ranked::code).toList()).stream()
			.filter((p) -> visible.contains(p.planId())).toList());
		model.addAttribute("planNames", this.plans.planNames());
		Map<String, String> ownPlans = new LinkedHashMap<>();
		this.plans.plans(this.access).stream().filter((p) -> this.access.mayOwn(this.plans.scopeOf(p)))
			.forEach((p) -> ownPlans.put(String.valueOf(p.id()), p.title()));
		model.addAttribute("ownPlans", ownPlans);
		Map<String, String> placeOptions = new LinkedHashMap<>();
		ranking.rows().forEach((r) -> placeOptions.put(r.code(), r.rank() + ". " + r.name()));
		model.addAttribute("placeOptions", placeOptions);
		return "places/poorest";
	}

	private PoorestPlaces.Ranking ranking(PlaceProfiles.Where where, Asked asked) {
		List<PoorestPlaces.Criterion> chosen = asked.criteria().stream().map(this.poorest::criterion).flatMap(Optional::stream).toList();
		if (chosen.isEmpty()) {
			chosen = List.of(this.poorest.criterion(PoorestPlaces.SIMD + "overall").orElseThrow());
		}
		PoorestPlaces.Criterion rankedBy = chosen.stream().filter((c) -> c.key().equals(asked.rankBy())).findFirst().orElse(chosen.get(0));
		return this.poorest.rank(where.place().code(), asked.level(), set(where, asked), chosen, rankedBy);
	}

	/** The set of localities asked for, or the council's first. */
	private String set(PlaceProfiles.Where where, Asked asked) {
		List<String> sets = this.poorest.sets(where.place().code());
		return sets.contains(asked.set()) ? asked.set() : sets.isEmpty() ? "" : sets.get(0);
	}

	private PlaceProfiles.Where council(String code) {
		return this.profiles.where(code).filter(PlaceProfiles.Where::atCouncilLevel)
			.orElseThrow(() -> NotFound.because("There is no council area " + code));
	}

	@GetMapping("/places/{council}/localities")
	String localities(@PathVariable String council, Model model) {
		return localitiesPage(council(council), model, Map.of(), null);
	}

	/** A set of localities from a file of {@code locality,code} rows, or the council's wards, or one locality chosen on the page. */
	@PostMapping("/places/{council}/localities")
	String draw(@PathVariable String council, @RequestParam(required = false) String set, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String locality, @RequestParam(required = false) List<String> zones,
			@RequestParam(required = false) String action, Model model) throws IOException {
		this.access.require(this.access.holdsAnywhere(Role.PLAN_OWNER));
		PlaceProfiles.Where where = council(council);
		String code = where.place().code();
		String setName = Objects.requireNonNullElse(set, "").strip();
		try {
			List<Localities.Locality> drawn;
			if ("wards".equals(action)) {
				drawn = this.localities.drawWards(code, setName, "the multi-member wards of the Scottish Government's data zone lookup");
			}
			else if ("page".equals(action)) {
				drawn = this.localities.drawOne(code, setName, Objects.requireNonNullElse(locality, "").strip(),
						Objects.requireNonNullElse(zones, List.of()));
			}
			else if (file == null || file.isEmpty()) {
				return localitiesPage(where, model, Map.of("file", "Choose a CSV file of localities and their data zones"), null);
			}
			else {
				try (InputStream in = file.getInputStream()) {
					drawn = this.localities.upload(in, file.getOriginalFilename(), code, setName);
				}
			}
			model.addAttribute("done", "Drew " + drawn.size() + " localities of " + where.place().name() + " (" + setName + ")");
			return localitiesPage(where, model, Map.of(), null);
		}
		catch (Localities.Refused ex) {
			return localitiesPage(where, model, Map.of(), ex);
		}
	}

	private String localitiesPage(PlaceProfiles.Where where, Model model, Map<String, String> errors, Localities.Refused refused) {
		model.addAttribute("where", where);
		model.addAttribute("drawn", this.localities.of(where.place().code()));
		model.addAttribute("errors", errors);
		model.addAttribute("refused", refused);
		model.addAttribute("mayDraw", this.access.holdsAnywhere(Role.PLAN_OWNER));
		Map<String, List<Zone>> byIntermediate = new LinkedHashMap<>();
		this.profiles.allZones().values().stream().filter((z) -> z.council().equals(where.place().code()))
			.forEach((z) -> byIntermediate.computeIfAbsent(z.intermediateZone(), (k) -> new ArrayList<>()).add(z));
		model.addAttribute("byIntermediate", byIntermediate);
		model.addAttribute("names", this.profiles.names("intermediate-zone"));
		return "places/localities";
	}

}
