package scot.goldenthread.measures;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.NotFound;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.TextLimits;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A file in a layout the service has never seen, loaded as it came: its columns and first rows, a form to say which
 * column holds what, a preview of the first rows as they would load, each judged, then the load; the mapping may be
 * saved under a name to be chosen for the next such file.
 */
@Controller
class MappedImportController {

	/** Rows shown as the file has them, and as they would load. */
	static final int PREVIEW_ROWS = 10;

	private final ObservationImporter importer;

	private final ImportUploads uploads;

	private final ImportLayouts layouts;

	private final MeasureCatalogue catalogue;

	private final MeasurePermissions permissions;

	MappedImportController(ObservationImporter importer, ImportUploads uploads, ImportLayouts layouts, MeasureCatalogue catalogue,
			MeasurePermissions permissions) {
		this.importer = importer;
		this.uploads = uploads;
		this.layouts = layouts;
		this.catalogue = catalogue;
		this.permissions = permissions;
	}

	/**
	 * Which column holds what, as the form sends it: the measure's column or the one measure, the period's column,
	 * the place's column or one place, the value's column or those of its numerator and denominator, the breakdowns,
	 * the columns to turn into rows and what they are, the rows to keep.
	 */
	record MappingForm(String measureColumn, String measure, String periodColumn, @PlainText(what = "period", max = TextLimits.NAME) String period, String plainYear, String placeColumn,
			@PlainText(what = "place", max = TextLimits.NAME) String place, String valueColumn, String numerator, String denominator, List<String> breakdowns, List<String> wide,
			@PlainText(what = "breakdown", max = TextLimits.NAME) String wideInto, String keepColumn, @PlainText(what = "value to keep", max = TextLimits.NAME) String keepValue, Boolean fractions, String mode,
			@PlainText(what = "layout's name", max = TextLimits.NAME) String saveAs, String action) {

		MappingForm {
			// a box left unticked is not sent at all
			fractions = Boolean.TRUE.equals(fractions);
			breakdowns = (breakdowns != null) ? breakdowns : List.of();
			wide = (wide != null) ? wide : List.of();
		}

		ColumnMapping mapping() {
			ColumnMapping.Values values = new ColumnMapping.Values(blank(this.placeColumn), blank(this.place), false, blank(this.valueColumn),
					blank(this.numerator), blank(this.denominator), null, null);
			ColumnMapping.Wide turned = this.wide.isEmpty() ? null
					: new ColumnMapping.Wide(this.wide, Objects.requireNonNullElse(blank(this.wideInto), ColumnMapping.PERIOD));
			ColumnMapping.Keep keep = (blank(this.keepColumn) != null && blank(this.keepValue) != null)
					? new ColumnMapping.Keep(this.keepColumn, this.keepValue.strip()) : null;
			return new ColumnMapping(blank(this.measureColumn), blank(this.measure), blank(this.periodColumn), blank(this.plainYear), List.of(values),
					this.breakdowns, List.of(), turned, null, null, keep, this.fractions, (blank(this.periodColumn) == null) ? blank(this.period) : null);
		}

		/** The form filled in from a saved mapping: its first value's place and columns. */
		static MappingForm of(ColumnMapping mapping) {
			ColumnMapping.Values v = mapping.values().isEmpty() ? ColumnMapping.Values.of(null, null) : mapping.values().get(0);
			ColumnMapping.Wide wide = mapping.wide();
			ColumnMapping.Keep keep = mapping.keep();
			return new MappingForm(mapping.measureColumn(), mapping.measure(), mapping.periodColumn(), mapping.period(), mapping.plainYear(), v.placeColumn(),
					v.place(), v.value(), v.numerator(), v.denominator(),
					mapping.breakdowns().stream().filter((b) -> !ColumnMapping.REST.equals(b)).toList(),
					(wide != null) ? wide.columns() : List.of(), (wide != null) ? wide.into() : null, (keep != null) ? keep.column() : null,
					(keep != null) ? keep.value() : null, mapping.fractions(), null, null, null);
		}

		private static String blank(String text) {
			return (text == null || text.isBlank()) ? null : text;
		}

	}

	@GetMapping("/measures/import/{id}")
	String form(@PathVariable UUID id, @RequestParam(required = false) String layout, Model model) throws IOException {
		ImportUploads.Upload upload = upload(id);
		MappingForm form = (layout != null) ? this.layouts.find(layout).map(MappingForm::of).orElse(empty()) : empty();
		return page(model, upload, form, Map.of(), (layout != null) ? form.mapping() : null);
	}

	@PostMapping("/measures/import/{id}")
	String map(@PathVariable UUID id, @Valid MappingForm form, BindingResult errors, Model model) throws IOException {
		ImportUploads.Upload upload = upload(id);
		ColumnMapping mapping = form.mapping();
		ObservationImportController.named(mapping.measure(), errors, this.catalogue, this.permissions);
		if (form.saveAs() != null && this.layouts.builtIn(form.saveAs().strip())) {
			Commands.reject(errors, "saveAs", "'" + form.saveAs().strip() + "' is a built-in layout: choose another name");
		}
		ObservationImporter.Mode mode = ObservationImporter.Mode.of(Objects.requireNonNullElse(form.mode(), "")).orElse(ObservationImporter.Mode.ALL_OR_NOTHING);
		if (errors.hasErrors() || !"load".equals(form.action())) {
			return page(model, upload, form, Commands.messages(errors), mapping);
		}
		try {
			model.addAttribute("report", this.importer.importFile(new ByteArrayInputStream(upload.content()), upload.name(),
					this.permissions.changeable(), mapping, mode));
			if (form.saveAs() != null && !form.saveAs().isBlank()) {
				this.layouts.save(form.saveAs().strip(), mapping);
			}
			this.uploads.forget(id);
			return "measures/import-loaded";
		}
		catch (ObservationImportException ex) {
			model.addAttribute("refused", ex.report());
			return page(model, upload, form, Map.of(), mapping);
		}
	}

	private String page(Model model, ImportUploads.Upload upload, MappingForm form, Map<String, String> errors, ColumnMapping mapping)
			throws IOException {
		ObservationImporter.Preview preview;
		try {
			preview = this.importer.preview(new ByteArrayInputStream(upload.content()), upload.name(),
					(mapping != null && mapping.problems().isEmpty()) ? mapping : null, PREVIEW_ROWS);
		}
		catch (ObservationImportException ex) {
			model.addAttribute("refused", ex.report());
			preview = null;
		}
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("", "None");
		if (preview != null) {
			preview.columns().stream().filter((c) -> !c.isEmpty()).forEach((c) -> columns.put(c, c));
		}
		List<String> problems = new ArrayList<>((mapping != null) ? mapping.problems() : List.of());
		if (preview != null) {
			preview.problems().forEach((p) -> problems.add(((p.column() != null) ? p.column() + ": " : "") + p.reason()));
		}
		model.addAttribute("upload", upload);
		model.addAttribute("preview", preview);
		model.addAttribute("columns", columns);
		model.addAttribute("measures", ObservationImportController.measureChoices(this.catalogue, this.permissions));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("mappingProblems", (mapping != null) ? problems : List.of());
		return "measures/import-map";
	}

	private ImportUploads.Upload upload(UUID id) {
		return this.uploads.find(id).orElseThrow(() -> NotFound.because("That upload is gone: upload the file again"));
	}

	private static MappingForm empty() {
		return new MappingForm(null, null, null, null, null, null, null, null, null, null, List.of(), List.of(), null, null, null, false, null, null,
				null);
	}

}
