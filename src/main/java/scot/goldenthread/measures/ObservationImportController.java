package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.people.Access;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The page where a plan owner or a measure's lead uploads a file of values: the form, then what it did. */
@Controller
class ObservationImportController {

	private final ObservationImporter importer;

	private final MeasureCatalogue catalogue;

	private final Access access;

	private final MeasurePermissions permissions;

	ObservationImportController(ObservationImporter importer, MeasureCatalogue catalogue, Access access, MeasurePermissions permissions) {
		this.permissions = permissions;
		this.importer = importer;
		this.catalogue = catalogue;
		this.access = access;
	}

	@GetMapping("/measures/import")
	String form(Model model) {
		return page(model, Map.of(), "", "", "all-or-nothing");
	}

	@PostMapping("/measures/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String measure,
			@RequestParam(defaultValue = "") String measurement, @RequestParam(defaultValue = "all-or-nothing") String mode,
			Model model) throws IOException {
		Map<String, String> errors = new LinkedHashMap<>();
		if (file == null || file.isEmpty()) {
			errors.put("file", "Choose a CSV or Excel file to import");
		}
		Optional<ObservationImporter.Mode> importMode = ObservationImporter.Mode.of(mode);
		if (importMode.isEmpty()) {
			errors.put("mode", "Choose what to do with a file that has problems");
		}
		Measure named = measure.isBlank() ? null : this.catalogue.measure(measure).orElse(null);
		if (!measure.isBlank() && named == null) {
			errors.put("measure", "There is no measure " + measure);
		}
		else if (!this.permissions.mayImport(named)) {
			errors.put("measure", (named == null) ? "Only a plan owner may import a file of several measures: choose the measure you lead"
					: "Only the measure's lead or an owner of a plan that uses it may load its values");
		}
		if (!errors.isEmpty()) {
			return page(model, errors, measure, measurement, mode);
		}
		try (InputStream in = file.getInputStream()) {
			model.addAttribute("report", this.importer.importFile(in, file.getOriginalFilename(), this.permissions.changeable(),
					named == null ? null : measure, measurement, importMode.get()));
		}
		catch (ObservationImportException ex) {
			model.addAttribute("refused", ex.report());
		}
		return page(model, errors, measure, measurement, mode);
	}

	private String page(Model model, Map<String, String> errors, String measure, String measurement, String mode) {
		Map<String, String> measures = new LinkedHashMap<>();
		measures.put("", "None: the file names the measure of each row");
		java.util.function.Predicate<Measure> changeable = this.permissions.changeable();
		this.catalogue.measures().stream()
			.filter((m) -> m.gap() == null && changeable.test(m))
			.forEach((m) -> measures.put(m.code(), m.code() + ": " + m.title()));
		model.addAttribute("measures", measures);
		model.addAttribute("errors", errors);
		model.addAttribute("form", Map.of("measure", measure, "measurement", measurement, "mode", mode));
		return "measures/import";
	}

}
