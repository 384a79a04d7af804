package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Commands;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;

/** The page where a plan owner or a measure's lead uploads a file of values: the form, then what it did. */
@Controller
class ObservationImportController {

	private final ObservationImporter importer;

	private final MeasureCatalogue catalogue;

	private final MeasurePermissions permissions;

	ObservationImportController(ObservationImporter importer, MeasureCatalogue catalogue, MeasurePermissions permissions) {
		this.permissions = permissions;
		this.importer = importer;
		this.catalogue = catalogue;
	}

	/** What the uploader chose: the file, the one measure it is of (or none: each row names its own), and what to do with bad rows. */
	record Upload(MultipartFile file, String measure, String measurement,
			@CodeOf(value = ObservationImporter.Mode.class, message = "Choose what to do with a file that has problems") String mode) {

		Upload {
			measure = (measure != null) ? measure.strip() : "";
			measurement = (measurement != null) ? measurement.strip() : "";
			mode = (mode != null && !mode.isBlank()) ? mode : ObservationImporter.Mode.ALL_OR_NOTHING.code();
		}

	}

	@GetMapping("/measures/import")
	String form(Model model) {
		return page(model, Map.of(), new Upload(null, null, null, null));
	}

	@PostMapping("/measures/import")
	String importFile(@Valid Upload upload, BindingResult errors, Model model) throws IOException {
		if (upload.file() == null || upload.file().isEmpty()) {
			Commands.reject(errors, "file", "Choose a CSV or Excel file to import");
		}
		Measure named = upload.measure().isEmpty() ? null : this.catalogue.measure(upload.measure()).orElse(null);
		if (!upload.measure().isEmpty() && named == null) {
			Commands.reject(errors, "measure", "There is no measure " + upload.measure());
		}
		else if (!this.permissions.mayImport(named)) {
			Commands.reject(errors, "measure", (named == null) ? "Only a plan owner may import a file of several measures: choose the measure you lead"
					: "Only the measure's lead or an owner of a plan that uses it may load its values");
		}
		if (!errors.hasErrors()) {
			try (InputStream in = upload.file().getInputStream()) {
				model.addAttribute("report", this.importer.importFile(in, upload.file().getOriginalFilename(), this.permissions.changeable(),
						(named == null) ? null : upload.measure(), upload.measurement(), ObservationImporter.Mode.of(upload.mode()).orElseThrow()));
			}
			catch (ObservationImportException ex) {
				model.addAttribute("refused", ex.report());
			}
		}
		return page(model, Commands.messages(errors), upload);
	}

	private String page(Model model, Map<String, String> errors, Upload upload) {
		Map<String, String> measures = new LinkedHashMap<>();
		measures.put("", "None: the file names the measure of each row");
		java.util.function.Predicate<Measure> changeable = this.permissions.changeable();
		this.catalogue.measures().stream()
			.filter((m) -> m.gap() == null && changeable.test(m))
			.forEach((m) -> measures.put(m.code(), m.code() + ": " + m.title()));
		model.addAttribute("measures", measures);
		model.addAttribute("errors", errors);
		model.addAttribute("form", upload);
		return "measures/import";
	}

}
