package scot.goldenthread.opendata;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.MeasureFile;
import scot.goldenthread.measures.Observations;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanStatus;
import scot.goldenthread.shared.SpreadsheetCells;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Published data to take away, under an open licence: every published value in the layout the importer
 * reads (so data can go round and come back unchanged) and as JSON, and each published plan in its
 * import format. Only public measures, confirmed values and plans the public may see are in them.
 */
@Controller
class OpenDataController {

	private final Observations observations;

	private final MeasureDefinitions definitions;

	private final PlanCatalogue plans;

	private final Access access;

	private final String licence;

	private final String licenceUrl;

	private final Clock clock;

	OpenDataController(Observations observations, MeasureDefinitions definitions, PlanCatalogue plans, Access access,
			@Value("${goldenthread.open-data.licence}") String licence, @Value("${goldenthread.open-data.licence-url}") String licenceUrl,
			Clock clock) {
		this.observations = observations;
		this.definitions = definitions;
		this.plans = plans;
		this.access = access;
		this.licence = licence;
		this.licenceUrl = licenceUrl;
		this.clock = clock;
	}

	@GetMapping("/open-data")
	String page(Model model) {
		model.addAttribute("plans", this.plans.plans(this.access).stream().filter((p) -> p.status() != PlanStatus.DRAFT).toList());
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

	/** Columns measure, period, geography, one per breakdown dimension (blank for a total), value, status, note. */
	@GetMapping("/open-data/observations.csv")
	ResponseEntity<StreamingResponseBody> csv() {
		List<String> dimensions = this.observations.publishedDimensions();
		return file("observations.csv", MediaType.parseMediaType("text/csv;charset=UTF-8"), (out) -> {
			try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
				List<String> header = new ArrayList<>(List.of("measure", "period", "geography"));
				header.addAll(dimensions);
				header.addAll(List.of("value", "status", "note"));
				csv.writeRecord(header);
				this.observations.eachPublished((o) -> {
					List<String> row = new ArrayList<>(List.of(o.measure(), o.period(), o.geography()));
					dimensions.forEach((d) -> row.add(SpreadsheetCells.csv(o.breakdown().getOrDefault(d, ""))));
					row.add(o.value().toPlainString());
					row.add(o.status());
					row.add((o.note() != null) ? SpreadsheetCells.csv(o.note()) : "");
					csv.writeRecord(row);
				});
			}
		});
	}

	@GetMapping("/open-data/observations.json")
	ResponseEntity<StreamingResponseBody> json() {
		return file("observations.json", MediaType.APPLICATION_JSON, (out) -> {
			try (JsonGenerator json = JsonMapper.builder().build().createGenerator(out)) {
				json.writeStartObject();
				json.writeStringProperty("licence", this.licence);
				json.writeStringProperty("licenceUrl", this.licenceUrl);
				json.writeStringProperty("generatedAt", OffsetDateTime.now(this.clock).toString());
				json.writeName("observations");
				json.writeStartArray();
				this.observations.eachPublished((o) -> {
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

	/** A download, with its licence in a Link header as well as on the open data page. */
	private ResponseEntity<StreamingResponseBody> file(String name, MediaType type, StreamingResponseBody body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.LINK, "<" + this.licenceUrl + ">; rel=\"license\"; title=\"" + this.licence + "\"")
			.body(body);
	}

}
