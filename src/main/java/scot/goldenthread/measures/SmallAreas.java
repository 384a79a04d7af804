package scot.goldenthread.measures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Scotland's data zones with their parents and SIMD, and the values measures are published for them: what every
 * figure for a larger place (an intermediate zone, a locality, a council, a SIMD quintile) is worked out from.
 */
@Service
public class SmallAreas {

	public static final String DATA_ZONE = "data-zone";

	/** The SIMD edition a place is banded by: the newest loaded. */
	private static final String LATEST_EDITION = "(select max(edition) from simd)";

	private final JdbcClient jdbc;

	/** The data zones never change once loaded (a new SIMD edition is a migration), so they are read once. */
	private volatile Map<String, Zone> zones;

	SmallAreas(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/** What a measure's published data-zone values are: their periods, and whether every one has a numerator and denominator. */
	public record Shape(java.util.SortedSet<Period> periods, boolean ratios) {
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
		Map<String, Zone> read = this.zones;
		if (read == null) {
			read = new LinkedHashMap<>();
			for (Zone zone : this.jdbc.sql("""
					select d.code, d.name, d.parent, d.ward, i.parent, s.edition, s.rank, s.quintile, s.decile, s.weighted_quintile,
					    s.population, s.working_age_population, s.income_rank, s.employment_rank, s.health_rank, s.education_rank,
					    s.access_rank, s.crime_rank, s.housing_rank
					from geography d join geography i on i.code = d.parent
					join simd s on s.data_zone = d.code and s.edition = """ + LATEST_EDITION + """
					 where d.level = 'data-zone' order by d.code""").query((rs, n) -> {
						Map<String, Double> domains = new LinkedHashMap<>();
						for (int i = 0; i < DOMAINS.size(); i++) {
							domains.put(DOMAINS.get(i), rs.getDouble(13 + i));
						}
						return new Zone(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
								rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12), domains);
					}).list()) {
				read.put(zone.code(), zone);
			}
			this.zones = read;
		}
		return read;
	}

	/** The shape of each measure's published data-zone values, by measure id; none for a measure not published for data zones. */
	public Map<Long, Shape> shapes(List<Measure> measures) {
		Map<Long, Measure> byId = byId(measures);
		Map<Long, Shape> shapes = new java.util.HashMap<>();
		this.jdbc.sql("""
				select o.measure_id, o.period_start, bool_and(o.numerator is not null and o.denominator is not null)
				from observation o join geography g on g.code = o.geography
				where o.measure_id = any(?) and g.level = 'data-zone' and o.breakdown = '' and o.to_confirm is null group by 1, 2""")
			.param(byId.keySet().toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				Measure measure = byId.get(rs.getLong(1));
				Shape shape = shapes.computeIfAbsent(measure.id(), (k) -> new Shape(new java.util.TreeSet<>(), true));
				shape.periods().add(new Period(measure.periodType(), rs.getDate(2).toLocalDate()));
				if (!rs.getBoolean(3)) {
					shapes.put(measure.id(), new Shape(shape.periods(), false));
				}
			});
		return shapes;
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
			.query((java.sql.ResultSet rs) -> {
				Measure measure = byId.get(rs.getLong(1));
				each.accept(new ZoneValue(measure.id(), rs.getString(2), new Period(measure.periodType(), rs.getDate(3).toLocalDate()),
						rs.getDouble(4), number(rs.getBigDecimal(5)), number(rs.getBigDecimal(6))));
			});
	}

	private static Map<Long, Measure> byId(List<Measure> measures) {
		Map<Long, Measure> byId = new java.util.HashMap<>();
		measures.forEach((m) -> byId.put(m.id(), m));
		return byId;
	}

	private static Double number(java.math.BigDecimal value) {
		return (value != null) ? value.doubleValue() : null;
	}

	/** The measures with a published value for some data zone, public ones only unless {@code withUnpublished}. */
	public List<String> measureCodes(boolean withUnpublished) {
		return this.jdbc.sql("""
				select m.code from measure m where (m.public or ?) and exists (select 1 from observation o join geography g on g.code = o.geography
				    where o.measure_id = m.id and g.level = 'data-zone' and o.to_confirm is null) order by m.code""")
			.param(withUnpublished)
			.query(String.class)
			.list();
	}

}
