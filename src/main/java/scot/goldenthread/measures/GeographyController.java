package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import scot.goldenthread.people.Access;
import scot.goldenthread.people.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The places values are published for, with each family group's councils; a plan owner loads more from a file. */
@Controller
class GeographyController {

	/** Small areas, thousands of them, are counted on the page rather than listed. */
	private static final Set<String> COUNTED = Set.of("ward", "intermediate-zone", "data-zone");

	private final Geographies geographies;

	private final Access access;

	private final SmallAreas areas;

	GeographyController(Geographies geographies, Access access, SmallAreas areas) {
		this.geographies = geographies;
		this.access = access;
		this.areas = areas;
	}

	/** A new SIMD edition beside those loaded; administrators only. */
	@PostMapping("/places/simd-editions")
	String loadEdition(@RequestParam(required = false) String edition, @RequestParam(name = "editionFile", required = false) MultipartFile file, Model model)
			throws IOException {
		this.access.require(this.access.isAdministrator());
		if (file == null || file.isEmpty()) {
			return page(model, Map.of("editionFile", "Choose the edition's CSV file"));
		}
		try (java.io.Reader in = scot.goldenthread.shared.TextFiles.open(file.getInputStream()).reader()) {
			int zones = this.areas.loadEdition(edition, in, file.getOriginalFilename());
			model.addAttribute("loaded", edition.strip() + ": " + zones + " data zones loaded beside the editions before it");
		}
		catch (ObservationImportException ex) {
			model.addAttribute("refused", ex.report());
		}
		return page(model, Map.of());
	}

	@GetMapping("/places")
	String places(Model model) {
		return page(model, Map.of());
	}

	@PostMapping("/places")
	String importPlaces(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		this.access.require(this.access.holdsAnywhere(Role.PLAN_OWNER));
		if (file == null || file.isEmpty()) {
			return page(model, Map.of("file", "Choose a CSV file of places to import"));
		}
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("imported", this.geographies.importFile(in, file.getOriginalFilename()));
		}
		catch (ObservationImportException ex) {
			model.addAttribute("refused", ex.report());
		}
		return page(model, Map.of());
	}

	private String page(Model model, Map<String, String> errors) {
		Map<String, String> names = new HashMap<>();
		Map<String, Long> counted = new TreeMap<>();
		List<Geographies.Geography> listed = new ArrayList<>();
		for (Geographies.Geography g : this.geographies.all()) {
			names.put(g.code(), g.name());
			if (COUNTED.contains(g.level())) {
				counted.merge(g.level().replace('-', ' ') + "s", 1L, Long::sum);
			}
			else {
				listed.add(g);
			}
		}
		model.addAttribute("places", listed);
		model.addAttribute("counted", counted);
		model.addAttribute("names", names);
		model.addAttribute("errors", errors);
		model.addAttribute("mayImport", this.access.holdsAnywhere(Role.PLAN_OWNER));
		model.addAttribute("mayLoadEdition", this.access.isAdministrator());
		return "measures/places";
	}

}
