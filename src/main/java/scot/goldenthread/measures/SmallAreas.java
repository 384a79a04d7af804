package scot.goldenthread.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.audit.TableVersions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Scotland's data zones with their parents and SIMD, and the values measures are published for them: what every
 * figure for a larger place (an intermediate zone, a locality, a council, a SIMD quintile) is worked out from.
 */
@Service
public class SmallAreas {

	/** The SIMD edition a place is banded by: the newest by its year, the last loaded of a year. */
	private static final String LATEST_EDITION = "select name from simd_edition order by year desc, loaded_at desc limit 1";

	private final JdbcClient jdbc;

	/** The data zones as the latest edition bands them, read again only when another edition becomes the latest. */
	private volatile Banded zones;

	private record Banded(String edition, Map<String, Zone> zones) {
	}

	private final AuditLog audit;

	private final TableVersions versions;

	SmallAreas(JdbcClient jdbc, AuditLog audit, TableVersions versions) {
		this.versions = versions;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The columns of a SIMD edition's file: these always, and any of the weighted bands and the domains' ranks. */
	static final List<String> EDITION_COLUMNS = List.of("data_zone", "rank", "population", "working_age_population");

	/**
	 * Loads a new SIMD edition beside those loaded, never over one: a CSV file of {@code data_zone}, {@code rank} (1 the most
	 * deprived), {@code population}, {@code working_age_population} and, where published, {@code weighted_decile},
	 * {@code weighted_quintile} and each domain's {@code <domain>_rank}, a row for every 2011 data zone. The count-based
	 * bands are worked out from the rank. Any problem refuses the whole file.
	 */
	@org.springframework.transaction.annotation.Transactional
	public int loadEdition(String edition, java.io.Reader csv, String file) {
		List<ObservationImporter.RowProblem> problems = new java.util.ArrayList<>();
		java.util.regex.Matcher year = java.util.regex.Pattern.compile("20\\d{2}").matcher((edition != null) ? edition : "");
		if (edition == null || edition.isBlank() || !year.find() || edition.length() > 40) {
			problems.add(new ObservationImporter.RowProblem(0, "edition", "name the edition with its year, such as SIMD 2024, in up to 40 characters"));
		}
		else if (this.jdbc.sql("select count(*) from simd_edition where name = ?").param(edition.strip()).query(Long.class).single() > 0) {
			problems.add(new ObservationImporter.RowProblem(0, "edition", edition + " is already loaded: a new edition goes beside the old, never over it"));
		}
		Map<String, Zone> zones = zones();
		Map<String, Long> lineOf = new java.util.HashMap<>();
		List<String[]> rows = new java.util.ArrayList<>();
		List<String> optional = new java.util.ArrayList<>(List.of("weighted_decile", "weighted_quintile"));
		DOMAINS.forEach((d) -> optional.add(d + "_rank"));
		try (de.siegmar.fastcsv.reader.CsvReader<de.siegmar.fastcsv.reader.NamedCsvRecord> reader = de.siegmar.fastcsv.reader.CsvReader.builder()
			.allowMissingFields(true).ofNamedCsvRecord(csv)) {
			for (de.siegmar.fastcsv.reader.NamedCsvRecord row : reader) {
				long line = row.getStartingLineNumber();
				if (rows.isEmpty() && lineOf.isEmpty()) {
					EDITION_COLUMNS.stream().filter((c) -> !row.getHeader().contains(c))
						.forEach((c) -> problems.add(new ObservationImporter.RowProblem(1, c, "the column is missing")));
					if (!problems.isEmpty()) {
						break;
					}
				}
				String zone = row.findField("data_zone").orElse("").strip();
				if (!zones.containsKey(zone)) {
					problems.add(new ObservationImporter.RowProblem(line, "data_zone", "'" + zone + "' is not a 2011 data zone"));
				}
				else if (lineOf.putIfAbsent(zone, line) != null) {
					problems.add(new ObservationImporter.RowProblem(line, "data_zone", zone + " repeats line " + lineOf.get(zone)));
				}
				String[] values = new String[4 + optional.size()];
				values[0] = zone;
				number(row, "rank", 1, zones.size(), true, line, problems, values, 1);
				number(row, "population", 0, Integer.MAX_VALUE, true, line, problems, values, 2);
				number(row, "working_age_population", 0, Integer.MAX_VALUE, true, line, problems, values, 3);
				for (int i = 0; i < optional.size(); i++) {
					String column = optional.get(i);
					int max = column.startsWith("weighted_decile") ? 10 : column.startsWith("weighted_quintile") ? 5 : zones.size();
					if (!row.findField(column).orElse("").isBlank()) {
						number(row, column, 1, max, !column.endsWith("_rank"), line, problems, values, 4 + i);
					}
				}
				rows.add(values);
			}
		}
		catch (de.siegmar.fastcsv.reader.CsvParseException ex) {
			problems.add(new ObservationImporter.RowProblem(0, null, "the file is not valid CSV: " + ex.getMessage()));
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		if (problems.isEmpty() && lineOf.size() != zones.size()) {
			problems.add(new ObservationImporter.RowProblem(0, "data_zone", "an edition ranks all " + zones.size() + " data zones; the file has "
					+ lineOf.size()));
		}
		if (!problems.isEmpty()) {
			throw ObservationImporter.refused(file, problems.toArray(ObservationImporter.RowProblem[]::new));
		}
		String name = edition.strip();
		this.jdbc.sql("insert into simd_edition (name, year, file, loaded_by) values (?, ?, ?, ?)")
			.params(name, Integer.parseInt(year.group()), file, this.audit.actor()).update();
		// a column at a time, every row in one statement
		Object[] columns = new Object[13];
		for (int c = 0; c < columns.length; c++) {
			int at = c;
			columns[c] = rows.stream().map((v) -> v[at]).toArray(String[]::new);
		}
		this.jdbc.sql("""
				insert into simd (edition, data_zone, rank, decile, quintile, population, working_age_population, weighted_decile,
				    weighted_quintile, income_rank, employment_rank, health_rank, education_rank, access_rank, crime_rank, housing_rank)
				select ?, z, r::int, ceil(r::int * 10.0 / ?), ceil(r::int * 5.0 / ?), p::int, w::int, wd::int, wq::int, i::numeric, e::numeric,
				    h::numeric, ed::numeric, a::numeric, c::numeric, ho::numeric
				from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
				    ?::text[], ?::text[]) as t (z, r, p, w, wd, wq, i, e, h, ed, a, c, ho)""")
			.params(java.util.stream.Stream.concat(java.util.stream.Stream.of(name, zones.size(), zones.size()), java.util.Arrays.stream(columns))
				.toArray())
			.update();
		this.audit.created("simd-edition", name, "Loaded " + name + " from " + file + ": " + rows.size() + " data zones", Map.of("file", file));
		return rows.size();
	}

	/** A number of the row within bounds, whole where it must be (a domain's rank may be a tie's x.5), kept as written. */
	private static void number(de.siegmar.fastcsv.reader.NamedCsvRecord row, String column, int min, int max, boolean whole, long line,
			List<ObservationImporter.RowProblem> problems, String[] values, int at) {
		String text = row.findField(column).orElse("").strip();
		try {
			java.math.BigDecimal value = new java.math.BigDecimal(text);
			if (whole && value.stripTrailingZeros().scale() > 0) {
				problems.add(new ObservationImporter.RowProblem(line, column, "'" + text + "' is not a whole number"));
			}
			else if (value.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
				problems.add(new ObservationImporter.RowProblem(line, column, text + " is not between " + min + " and " + max));
			}
			values[at] = whole ? value.toBigInteger().toString() : text;
		}
		catch (NumberFormatException ex) {
			problems.add(new ObservationImporter.RowProblem(line, column, text.isEmpty() ? "is empty" : "'" + text + "' is not a number"));
		}
	}

	/**
	 * A data zone with its intermediate zone, ward and council, and its SIMD: the overall rank, the Scottish
	 * Government's count-based quintile and decile, Public Health Scotland's population-weighted quintile, population.
	 */
	public record Zone(String code, String name, String intermediateZone, String ward, String council, String edition, int rank,
			int quintile, int decile, int weightedQuintile, int population, int workingAgePopulation, Map<String, Double> domainRanks) {
	}

	/** A published value of a data zone, with the numerator and denominator it was worked out from where given. */
	public record ZoneValue(long measureId, String dataZone, Period period, double value, Double numerator, Double denominator) {
	}

	/**
	 * What a measure's published data-zone values are: their periods, and whether every one has a numerator and
	 * denominator; {@code version} names the measure's and the places' versions it was learnt at.
	 */
	public record Shape(java.util.SortedSet<Period> periods, boolean ratios, String version) {
	}

	/** A place with its level and the place it is part of (a locality's, ward's or intermediate zone's council). */
	public record Place(String code, String name, String level, String parent) {
	}

	public java.util.Optional<Place> place(String code) {
		return this.jdbc.sql("select code, name, level, parent from geography where code = ?").param(code)
			.query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	/** The names of every place of a level, by code. */
	public Map<String, String> names(String level) {
		Map<String, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select code, name from geography where level = ?").param(level)
			.query((java.sql.ResultSet rs) -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

	/** The SIMD domains, as the published file names their ranks. */
	public static final List<String> DOMAINS = List.of("income", "employment", "health", "education", "access", "crime", "housing");

	public Map<String, Zone> zones() {
		String edition = this.jdbc.sql(LATEST_EDITION).query(String.class).single();
		Banded banded = this.zones;
		if (banded == null || !banded.edition().equals(edition)) {
			Map<String, Zone> read = new LinkedHashMap<>();
			for (Zone zone : this.jdbc.sql("""
					select d.code, d.name, d.parent, d.ward, i.parent, s.edition, s.rank, s.quintile, s.decile, s.weighted_quintile,
					    s.population, s.working_age_population, s.income_rank, s.employment_rank, s.health_rank, s.education_rank,
					    s.access_rank, s.crime_rank, s.housing_rank
					from geography d join geography i on i.code = d.parent
					join simd s on s.data_zone = d.code and s.edition = ?
					where d.level = 'data-zone' order by d.code""").param(edition).query((rs, n) -> {
						Map<String, Double> domains = new LinkedHashMap<>();
						for (int i = 0; i < DOMAINS.size(); i++) {
							// an edition may not publish every domain's rank: absent, not ranked first
							domains.put(DOMAINS.get(i), number(rs.getBigDecimal(13 + i)));
						}
						return new Zone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
								rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), domains);
					}).list()) {
				read.put(zone.code(), zone);
			}
			banded = new Banded(edition, java.util.Collections.unmodifiableMap(read));
			this.zones = banded;
		}
		return banded.zones();
	}

	private static final Set<String> SHAPED_BY = Set.of("geography");

	private final Map<Long, Shape> kept = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The shape of each measure's published data-zone values, by measure id; none for a measure not published for data
	 * zones. Learning it reads all of a measure's values, so each is kept until that measure or the places change: an
	 * import of one measure's values leaves the others' kept, however many there are.
	 */
	public Map<Long, Shape> shapes(List<Measure> measures) {
		String places = this.versions.now().tag(SHAPED_BY);
		Map<Long, String> version = new java.util.HashMap<>();
		this.jdbc.sql("select measure_id, version from measure_version where measure_id = any(?)")
			.param(measures.stream().map(Measure::id).toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				version.put(rs.getLong(1), places + " " + rs.getLong(2));
			});
		List<Measure> unknown = measures.stream().filter((m) -> {
			Shape k = this.kept.get(m.id());
			return k == null || !java.util.Objects.equals(k.version(), version.get(m.id()));
		}).toList();
		if (!unknown.isEmpty()) {
			Map<Long, java.util.SortedSet<Period>> periods = new java.util.HashMap<>();
			Set<Long> notRatios = new java.util.HashSet<>();
			readShapes(unknown, periods, notRatios);
			unknown.forEach((m) -> this.kept.put(m.id(), new Shape(periods.getOrDefault(m.id(), new java.util.TreeSet<>()),
					!notRatios.contains(m.id()), version.get(m.id()))));
		}
		Map<Long, Shape> shapes = new java.util.HashMap<>();
		for (Measure m : measures) {
			Shape k = this.kept.get(m.id());
			if (k != null && !k.periods().isEmpty()) {
				shapes.put(m.id(), k);
			}
		}
		return shapes;
	}

	private void readShapes(List<Measure> measures, Map<Long, java.util.SortedSet<Period>> periods, Set<Long> notRatios) {
		Map<Long, Measure> byId = byId(measures);
		this.jdbc.sql("""
				select o.measure_id, o.period_start, bool_and(o.numerator is not null and o.denominator is not null)
				from observation o join geography g on g.code = o.geography
				where o.measure_id = any(?) and g.level = 'data-zone' and o.breakdown = '' and o.to_confirm is null group by 1, 2""")
			.param(byId.keySet().toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				Measure measure = byId.get(rs.getLong(1));
				periods.computeIfAbsent(measure.id(), (k) -> new java.util.TreeSet<>())
					.add(new Period(measure.periodType(), rs.getDate(2).toLocalDate()));
				if (!rs.getBoolean(3)) {
					notRatios.add(measure.id());
				}
			});
	}

	/**
	 * Each published data-zone value of the measures, handed on as it is read rather than held: one query however many,
	 * read a thousand rows at a time, which PostgreSQL's driver does only within a transaction.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public void eachValue(List<Measure> measures, java.util.function.Consumer<ZoneValue> each) {
		Map<Long, Measure> byId = byId(measures);
		this.jdbc.sql("""
				select o.measure_id, o.geography, o.period_start, o.value, o.numerator, o.denominator
				from observation o join geography g on g.code = o.geography
				where o.measure_id = any(?) and g.level = 'data-zone' and o.breakdown = '' and o.to_confirm is null""")
			.withFetchSize(1000)
			.param(byId.keySet().toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> each.accept(zoneValue(byId, rs)));
	}

	/**
	 * The same, of each measure's latest period (as its {@code shapes} say) for every data zone alone: what Scotland and
	 * each council are compared on, each row found through the index of the totals.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public void eachLatest(List<Measure> measures, Map<Long, Shape> shapes, java.util.function.Consumer<ZoneValue> each) {
		Map<Long, Measure> byId = byId(measures);
		List<Long> ids = new java.util.ArrayList<>();
		List<java.sql.Date> periods = new java.util.ArrayList<>();
		measures.stream().filter((m) -> shapes.containsKey(m.id())).forEach((m) -> {
			ids.add(m.id());
			periods.add(java.sql.Date.valueOf(shapes.get(m.id()).periods().last().start()));
		});
		this.jdbc.sql("""
				with latest (measure_id, period_start) as (select * from unnest(?::bigint[], ?::date[]))
				select o.measure_id, o.geography, o.period_start, o.value, o.numerator, o.denominator
				from latest l join observation o on o.measure_id = l.measure_id and o.period_start = l.period_start
				join geography g on g.code = o.geography
				where g.level = 'data-zone' and o.breakdown = '' and o.to_confirm is null""")
			.withFetchSize(1000)
			.params(ids.toArray(Long[]::new), periods.toArray(java.sql.Date[]::new))
			.query((java.sql.ResultSet rs) -> each.accept(zoneValue(byId, rs)));
	}

	/**
	 * The same, of the data zones given alone, in every period: what a place's own page needs of fifty years of values,
	 * each zone's series one range of the observation table's key.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public void eachValue(List<Measure> measures, java.util.Collection<String> zones, java.util.function.Consumer<ZoneValue> each) {
		Map<Long, Measure> byId = byId(measures);
		this.jdbc.sql("""
				select o.measure_id, o.geography, o.period_start, o.value, o.numerator, o.denominator from observation o
				where o.measure_id = any(?) and o.geography = any(?) and o.breakdown = '' and o.to_confirm is null""")
			.withFetchSize(1000)
			.params(byId.keySet().toArray(Long[]::new), zones.toArray(String[]::new))
			.query((java.sql.ResultSet rs) -> each.accept(zoneValue(byId, rs)));
	}

	private static ZoneValue zoneValue(Map<Long, Measure> byId, java.sql.ResultSet rs) throws java.sql.SQLException {
		Measure measure = byId.get(rs.getLong(1));
		return new ZoneValue(measure.id(), rs.getString(2), new Period(measure.periodType(), rs.getDate(3).toLocalDate()), rs.getDouble(4),
				number(rs.getBigDecimal(5)), number(rs.getBigDecimal(6)));
	}

	private static Map<Long, Measure> byId(List<Measure> measures) {
		Map<Long, Measure> byId = new java.util.HashMap<>();
		measures.forEach((m) -> byId.put(m.id(), m));
		return byId;
	}

	private static Double number(java.math.BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

}
