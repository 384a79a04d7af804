package scot.goldenthread.benchmark;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Grows the demo data by whole copies of it, through the product's own exports and imports: every published
 * measure's definition (the open-data file the definitions import reads), every published value (the open-data
 * CSV the values import reads) and every plan (its JSON file), each with its codes given the copy's suffix
 * ("-X7"), and a plan's references to the demo's other plans and measures turned to the copy's. Copy n of the demo
 * is the n-th time it is there: growing to 50 times adds copies 2 to 50. Given the partnerships' directory, each
 * copy is another partnership's: the demo's partnerships are copied too, with the same partners.
 */
final class DemoCopies {

	private final PlanCatalogue plans;

	private final MeasureDefinitions definitions;

	private final ObservationImporter values;

	/** The demo as first loaded, read once. */
	private final Map<String, Object> measureFile;

	private final Path valuesFile;

	private final List<Map<String, Object>> planFiles = new ArrayList<>();

	private final Set<String> measureCodes;

	private final Set<String> planCodes;

	/** The demo's partnerships, parents first, where each copy has its own. */
	private final List<Partnership> partnerships;

	private final PartnershipDirectory directory;

	private int copies = 1;

	@SuppressWarnings("unchecked")
	DemoCopies(PlanCatalogue plans, MeasureDefinitions definitions, ObservationImporter values, JdbcClient jdbc, String site)
			throws IOException, InterruptedException {
		this(plans, definitions, values, jdbc, site, null);
	}

	DemoCopies(PlanCatalogue plans, MeasureDefinitions definitions, ObservationImporter values, JdbcClient jdbc, String site,
			PartnershipDirectory directory) throws IOException, InterruptedException {
		this.directory = directory;
		this.partnerships = (directory != null) ? directory.partnerships().stream()
			.sorted(Comparator.comparing((Partnership p) -> p.parentCode() != null)).toList() : List.of();
		this.plans = plans;
		this.definitions = definitions;
		this.values = values;
		HttpClient http = HttpClient.newHttpClient();
		this.measureFile = YAMLMapper.builder().build()
			.readValue(http.send(HttpRequest.newBuilder(URI.create(site + "/open-data/measures.yaml")).build(), HttpResponse.BodyHandlers.ofByteArray())
				.body(), Map.class);
		this.valuesFile = Files.createTempFile("demo-values", ".csv");
		http.send(HttpRequest.newBuilder(URI.create(site + "/open-data/observations.csv")).build(), HttpResponse.BodyHandlers.ofFile(this.valuesFile));
		this.measureCodes = ((List<Map<String, Object>>) this.measureFile.get("measures")).stream().map((m) -> (String) m.get("code"))
			.collect(Collectors.toSet());
		// in the order they were made, so that a plan serving another comes after it
		for (long id : jdbc.sql("select id from plan order by id").query(Long.class).list()) {
			this.planFiles.add(JsonMapper.builder().build().readValue(plans.export(plans.tree(id).orElseThrow(), PlanFormat.JSON), Map.class));
		}
		this.planCodes = this.planFiles.stream().map((f) -> (String) ((Map<String, Object>) f.get("plan")).get("code")).collect(Collectors.toSet());
	}

	/** Adds copies until the demo is there {@code times} times. */
	@SuppressWarnings("unchecked")
	void growTo(int times) throws IOException {
		for (int copy = this.copies + 1; copy <= times; copy++) {
			String suffix = "-X" + copy;
			for (Partnership p : this.partnerships) {
				this.directory.addPartnership(p.code() + suffix, p.name() + " (copy " + copy + ")", p.kind(),
						(p.parentCode() != null) ? p.parentCode() + suffix : null, p.area(), p.description(),
						this.directory.members(p.code()).stream().map(Partner::code).toList());
			}
			Set<String> partnershipCodes = this.partnerships.stream().map(Partnership::code).collect(Collectors.toSet());
			UnaryOperator<String> codes = (text) -> {
				if (this.measureCodes.contains(text) || this.planCodes.contains(text) || partnershipCodes.contains(text)) {
					return text + suffix;
				}
				int slash = text.indexOf('/');
				// an element of another plan, "PLAN/ELEMENT"
				return (slash > 0 && this.planCodes.contains(text.substring(0, slash))) ? text.substring(0, slash) + suffix + text.substring(slash) : text;
			};
			Map<String, Object> measures = (Map<String, Object>) rewrite(this.measureFile, codes);
			this.definitions.define(new ByteArrayInputStream(YAMLMapper.builder().build().writeValueAsBytes(measures)), "copy" + suffix + ".yaml");
			ObservationImporter.Report report;
			try (BufferedReader in = Files.newBufferedReader(this.valuesFile)) {
				report = this.values.importCsv(new StringReader(renamedValues(in, suffix)), "copy" + suffix + ".csv", null, null,
						ObservationImporter.Mode.ALL_OR_NOTHING);
			}
			if (report.errorCount() > 0) {
				throw new IllegalStateException("Copy " + copy + "'s values were refused: " + report.errors());
			}
			for (Map<String, Object> file : this.planFiles) {
				Map<String, Object> plan = (Map<String, Object>) rewrite(file, codes);
				Map<String, Object> header = (Map<String, Object>) plan.get("plan");
				header.put("title", header.get("title") + " (copy " + copy + ")");
				this.plans.importFile(new ByteArrayInputStream(JsonMapper.builder().build().writeValueAsBytes(plan)), PlanFormat.JSON);
			}
		}
		this.copies = Math.max(this.copies, times);
	}

	/** The values file with each row's measure given the copy's suffix. */
	private static String renamedValues(BufferedReader in, String suffix) throws IOException {
		StringWriter text = new StringWriter();
		try (CsvWriter out = CsvWriter.builder().build(text)) {
			boolean header = true;
			for (CsvRecord row : CsvReader.builder().ofCsvRecord(in)) {
				List<String> fields = new ArrayList<>(row.getFields());
				if (!header) {
					fields.set(0, fields.get(0) + suffix);
				}
				out.writeRecord(fields);
				header = false;
			}
		}
		return text.toString();
	}

	/** The same tree of maps, lists and values with every text passed through {@code codes}. */
	@SuppressWarnings("unchecked")
	private static Object rewrite(Object node, UnaryOperator<String> codes) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			((Map<String, Object>) map).forEach((key, value) -> copy.put(key, rewrite(value, codes)));
			return copy;
		}
		if (node instanceof List<?> list) {
			return list.stream().map((item) -> rewrite(item, codes)).collect(Collectors.toCollection(ArrayList::new));
		}
		return (node instanceof String text) ? codes.apply(text) : node;
	}

	/** What the database holds, in a line of a benchmark's report. */
	static String sizes(JdbcClient jdbc) {
		return jdbc.sql("""
				select (select count(*) from partnership) || ' partnerships, ' || (select count(*) from plan) || ' plans, '
				|| (select count(*) from plan_element) || ' plan elements, ' || (select count(*) from measure) || ' measures, '
				|| to_char((select count(*) from observation), 'FM999,999,999,999') || ' values, '
				|| pg_size_pretty(pg_database_size(current_database())) || ' database'""").query(String.class).single();
	}

	/** The file of values is let go with the copies. */
	void close() {
		try {
			Files.deleteIfExists(this.valuesFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
