package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import scot.goldenthread.shared.CodeOf;
import scot.goldenthread.shared.Commands;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/** The page where a plan owner or a measure's lead uploads a file of values: the form, then what it did. */
@Controller
class ObservationImportController {

	private final ObservationImporter importer;

	private final MeasureCatalogue catalogue;

	private final MeasurePermissions permissions;

	private final ImportLayouts layouts;

	private final ImportUploads uploads;

	ObservationImportController(ObservationImporter importer, MeasureCatalogue catalogue, MeasurePermissions permissions, ImportLayouts layouts,
			ImportUploads uploads) {
		this.layouts = layouts;
		this.uploads = uploads;
		this.permissions = permissions;
		this.importer = importer;
		this.catalogue = catalogue;
	}

	/**
	 * What the uploader chose: the file, its layout (found from its columns where none is chosen; {@link #MAP} to map
	 * them), the one measure it is of (or none: each row names its own), and what to do with bad rows.
	 */
	record Upload(MultipartFile file, String layout, String measure, String measurement,
			@CodeOf(value = ObservationImporter.Mode.class, message = "Choose what to do with a file that has problems") String mode) {

		Upload {
			layout = (layout != null) ? layout : "";
			measure = (measure != null) ? measure.strip() : "";
			measurement = (measurement != null) ? measurement.strip() : "";
			mode = (mode != null && !mode.isBlank()) ? mode : ObservationImporter.Mode.ALL_OR_NOTHING.code();
		}

	}

	/** The layout choice of a file whose columns its uploader will map. */
	static final String MAP = "map";

	@GetMapping("/measures/import")
	String form(Model model) {
		return page(model, Map.of(), new Upload(null, null, null, null, null));
	}

	@PostMapping("/measures/import")
	String importFile(@Valid Upload upload, BindingResult errors, Model model) throws IOException {
		if (upload.file() == null || upload.file().isEmpty()) {
			Commands.reject(errors, "file", "Choose a CSV or Excel file to import");
		}
		Measure named = named(upload.measure().isEmpty() ? null : upload.measure(), errors, this.catalogue, this.permissions);
		Optional<ColumnMapping> saved = this.layouts.find(upload.layout()).filter((l) -> !this.layouts.builtIn(upload.layout()));
		if (!errors.hasErrors() && (upload.layout().equals(MAP) || saved.isPresent())) {
			UUID id = this.uploads.keep(upload.file().getOriginalFilename(), upload.file().getBytes());
			return "redirect:/measures/import/" + id + (saved.isPresent() ? "?layout=" + UriUtils.encodeQueryParam(upload.layout(), StandardCharsets.UTF_8) : "");
		}
		if (!errors.hasErrors() && upload.layout().equals(ImportLayouts.LGBF)) {
			try (InputStream in = upload.file().getInputStream()) {
				model.addAttribute("report", this.importer.importFile(in, upload.file().getOriginalFilename(), this.permissions.changeable(),
						ColumnMapping.lgbf((named == null) ? null : upload.measure(), null), ObservationImporter.Mode.of(upload.mode()).orElseThrow()));
			}
			catch (ObservationImportException ex) {
				model.addAttribute("refused", ex.report());
			}
		}
		else if (!errors.hasErrors()) {
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

	/**
	 * The one measure a file is loaded for, where one is named, or null; a measure that does not exist, or that this
	 * person may not load (any measure at all, for a file of several, takes a plan owner), is a problem beside the field.
	 */
	static Measure named(String code, BindingResult errors, MeasureCatalogue catalogue, MeasurePermissions permissions) {
		Measure named = (code != null) ? catalogue.measure(code).orElse(null) : null;
		if (code != null && named == null) {
			Commands.reject(errors, "measure", "There is no measure " + code);
		}
		else if (!permissions.mayImport(named)) {
			Commands.reject(errors, "measure", (named == null) ? "Only a plan owner may import a file of several measures: choose the measure you lead"
					: "Only the measure's lead or an owner of a plan that uses it may load its values");
		}
		return named;
	}

	/** The measures a person may load a file of, to choose one from; none chosen, each row names its own. */
	static Map<String, String> measureChoices(MeasureCatalogue catalogue, MeasurePermissions permissions) {
		Map<String, String> measures = new LinkedHashMap<>();
		measures.put("", "None: a column of the file names the measure of each row");
		java.util.function.Predicate<Measure> changeable = permissions.changeable();
		catalogue.measures().stream()
			.filter((m) -> m.gap() == null && changeable.test(m))
			.forEach((m) -> measures.put(m.code(), m.code() + ": " + m.title()));
		return measures;
	}

	private String page(Model model, Map<String, String> errors, Upload upload) {
		model.addAttribute("measures", measureChoices(this.catalogue, this.permissions));
		Map<String, String> layouts = new LinkedHashMap<>();
		layouts.put("", "Found from its columns: this service's or statistics.gov.scot's");
		this.layouts.all().keySet().stream().filter((name) -> !name.equals(ImportLayouts.STATISTICS_GOV_SCOT) && !name.equals(ImportLayouts.GOLDEN_THREAD))
			.forEach((name) -> layouts.put(name, name));
		layouts.put(MAP, "Another layout: I will say which column holds what");
		model.addAttribute("layouts", layouts);
		model.addAttribute("errors", errors);
		model.addAttribute("form", upload);
		return "measures/import";
	}

}
