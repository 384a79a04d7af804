package scot.goldenthread.places;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.Geographies;
import scot.goldenthread.measures.SmallAreas;
import scot.goldenthread.shared.TextFiles;
import scot.goldenthread.shared.TextLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partnership's localities: sets of data zones (or of whole intermediate zones) of one council, drawn on a page or
 * from a file of codes. A set is drawn whole: its localities never overlap, and drawing it again replaces it.
 */
@Service
public class Localities {

	private final JdbcClient jdbc;

	private final SmallAreas areas;

	private final Geographies geographies;

	private final AuditLog audit;

	Localities(JdbcClient jdbc, SmallAreas areas, Geographies geographies, AuditLog audit) {
		this.jdbc = jdbc;
		this.areas = areas;
		this.geographies = geographies;
		this.audit = audit;
	}

	public record Locality(String code, String name, String council, String setName, String drawnFrom, List<String> dataZones) {
	}

	/** A row of a locality file, or a locality drawn on the page: the locality's name and one data or intermediate zone's code. */
	public record Row(long line, String locality, String code) {
	}

	public record Problem(long line, String column, String reason) {
	}

	/** Why a set of localities was not drawn: each row's problem; nothing was changed. */
	public static class Refused extends RuntimeException {

		private final transient List<Problem> problems;

		Refused(String file, List<Problem> problems) {
			super(file + " was not used: " + problems.size() + " problems");
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return this.problems;
		}

	}

	public List<Locality> of(String council) {
		return list("where l.council = ?", council);
	}

	public Optional<Locality> find(String code) {
		return list("where l.code = ?", code).stream().findFirst();
	}

	/** Every locality a data zone is in, by data zone. */
	Map<String, List<String>> byZone() {
		Map<String, List<String>> zones = new HashMap<>();
		this.jdbc.sql("select data_zone, locality from locality_zone").query((java.sql.ResultSet rs) -> {
			zones.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>(1)).add(rs.getString(2));
		});
		return zones;
	}

	private List<Locality> list(String where, String param) {
		return this.jdbc.sql("""
				select l.code, g.name, l.council, l.set_name, l.drawn_from, array_agg(z.data_zone order by z.data_zone)
				from locality l join geography g on g.code = l.code join locality_zone z on z.locality = l.code
				""" + where + " group by l.code, g.name order by l.set_name, g.name")
			.param(param)
			.query((rs, n) -> new Locality(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					List.of((String[]) rs.getArray(6).getArray())))
			.list();
	}

	/** Draws (or redraws) a set of the council's localities as its multi-member wards, each ward's data zones a locality. */
	@Transactional
	public List<Locality> drawWards(String council, String setName, String drawnFrom) {
		Map<String, String> wardNames = this.areas.names("ward");
		List<Row> rows = this.areas.zones().values().stream().filter((zone) -> zone.council().equals(council))
			.map((zone) -> new Row(0, wardNames.get(zone.ward()), zone.code()))
			.toList();
		return define("the multi-member wards", council, setName, drawnFrom, rows);
	}

	/**
	 * Draws one locality on the page, from the data zones and intermediate zones ticked, into a set: the set's other
	 * localities stay as they are, and one that already holds a zone ticked refuses the whole drawing.
	 */
	@Transactional
	public List<Locality> drawOne(String council, String setName, String name, List<String> codes) {
		List<Row> rows = new ArrayList<>();
		for (Locality other : of(council)) {
			if (other.setName().equals(setName) && !other.name().equals(name)) {
				other.dataZones().forEach((zone) -> rows.add(new Row(0, other.name(), zone)));
			}
		}
		if (name.isEmpty()) {
			throw new Refused("The locality", List.of(new Problem(0, "locality", "Name the locality")));
		}
		if (codes.isEmpty()) {
			throw new Refused("The locality", List.of(new Problem(0, "zones", "Tick the data zones or intermediate zones that make up " + name)));
		}
		codes.forEach((code) -> rows.add(new Row(0, name, code)));
		return define("the page", council, setName, "drawn on the page by an officer", rows);
	}

	/** A CSV file of {@code locality,code} rows as uploaded, in any encoding {@link TextFiles} reads. */
	@Transactional
	public List<Locality> upload(InputStream in, String file, String council, String setName) throws IOException {
		List<Row> rows = new ArrayList<>();
		try (Reader csv = TextFiles.open(in).reader()) {
			for (NamedCsvRecord record : CsvReader.builder().allowMissingFields(true).ofNamedCsvRecord(csv)) {
				if (rows.isEmpty() && !(record.getHeader().contains("locality") && record.getHeader().contains("code"))) {
					throw new Refused(file, List.of(new Problem(1, null, "the file needs a column 'locality' and a column 'code'")));
				}
				rows.add(new Row(record.getStartingLineNumber(), record.findField("locality").orElse("").strip(),
						record.findField("code").orElse("").strip()));
			}
		}
		catch (IllegalArgumentException | CharacterCodingException | CsvParseException ex) {
			throw new Refused(file, List.of(new Problem(0, null, "the file is not CSV text this can read: " + ex.getMessage())));
		}
		return define(file, council, setName, "the file " + file, rows);
	}

	/**
	 * Draws (or redraws) a set of the council's localities from rows naming each locality's data zones or intermediate
	 * zones; any row's problem refuses the whole set and changes nothing.
	 */
	@Transactional
	public List<Locality> define(String file, String council, String setName, String drawnFrom, List<Row> rows) {
		Map<String, SmallAreas.Zone> zones = this.areas.zones();
		Map<String, List<String>> zonesOfIntermediate = new HashMap<>();
		zones.values().forEach((z) -> zonesOfIntermediate.computeIfAbsent(z.intermediateZone(), (k) -> new ArrayList<>()).add(z.code()));
		List<Problem> problems = new ArrayList<>();
		Map<String, List<String>> drawn = new LinkedHashMap<>();
		Map<String, Row> rowOfZone = new HashMap<>();
		if (setName == null || setName.isBlank()) {
			problems.add(new Problem(0, "set", "name the set of localities, such as 'Locality planning areas 2025'"));
		}
		for (Row row : rows) {
			if (row.locality().isEmpty()) {
				problems.add(new Problem(row.line(), "locality", "is empty: name the locality the code is in"));
				continue;
			}
			TextLimits.problem(row.locality(), TextLimits.NAME).ifPresent((reason) -> problems.add(new Problem(row.line(), "locality", reason)));
			List<String> members;
			SmallAreas.Zone zone = zones.get(row.code());
			if (zone != null) {
				members = List.of(row.code());
			}
			else if (zonesOfIntermediate.containsKey(row.code())) {
				members = zonesOfIntermediate.get(row.code());
			}
			else {
				problems.add(new Problem(row.line(), "code", row.code().isEmpty() ? "is empty"
						: "'" + row.code() + "' is not the code of a 2011 data zone or intermediate zone"));
				continue;
			}
			String other = zones.get(members.get(0)).council();
			if (!other.equals(council)) {
				problems.add(new Problem(row.line(), "code", "'" + row.code() + "' is in " + this.geographies.name(other) + ", not "
						+ this.geographies.name(council)));
				continue;
			}
			for (String member : members) {
				Row earlier = rowOfZone.putIfAbsent(member, row);
				if (earlier != null) {
					problems.add(new Problem(row.line(), "code", "data zone " + member + " is already in " + earlier.locality()
							+ ((earlier.line() > 0) ? " on line " + earlier.line() : "") + ": a data zone can be in only one locality of a set"));
				}
				else {
					drawn.computeIfAbsent(row.locality(), (k) -> new ArrayList<>()).add(member);
				}
			}
		}
		if (problems.isEmpty() && drawn.isEmpty()) {
			problems.add(new Problem(1, null, "no locality is drawn: give each locality's data zones or intermediate zones"));
		}
		if (!problems.isEmpty()) {
			throw new Refused(file, problems);
		}
		List<Locality> before = of(council).stream().filter((l) -> l.setName().equals(setName)).toList();
		this.jdbc.sql("delete from locality_zone z using locality l where l.code = z.locality and l.council = ? and l.set_name = ?")
			.params(council, setName).update();
		List<Locality> after = new ArrayList<>();
		drawn.forEach((name, members) -> {
			String code = code(council, setName, name);
			this.geographies.placeLocality(code, name, council);
			this.jdbc.sql("""
					insert into locality (code, council, set_name, drawn_from, defined_by) values (?, ?, ?, ?, ?)
					on conflict (code) do update set drawn_from = excluded.drawn_from, defined_by = excluded.defined_by, defined_at = now()""")
				.params(code, council, setName, drawnFrom, this.audit.actor())
				.update();
			this.jdbc.sql("insert into locality_zone (locality, set_name, data_zone) select ?, ?, unnest(?::text[])")
				.params(code, setName, members.toArray(String[]::new))
				.update();
			after.add(new Locality(code, name, council, setName, drawnFrom, members.stream().sorted().toList()));
		});
		// a locality no longer drawn keeps its place (values and plans may name it) but no longer has data zones
		this.jdbc.sql("delete from locality l where l.council = ? and l.set_name = ? and not exists (select 1 from locality_zone z where z.locality = l.code)")
			.params(council, setName).update();
		this.audit.updated("locality-set", council + " " + setName, "Drew " + after.size() + " localities of " + this.geographies.name(council)
				+ " (" + setName + ") from " + drawnFrom, before, after);
		return after;
	}

	/** A locality's code: its council's, then its set's and its own name in lower case, so redrawing a set keeps it. */
	static String code(String council, String setName, String name) {
		return council + "-" + slug(setName) + "-" + slug(name);
	}

	private static String slug(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
