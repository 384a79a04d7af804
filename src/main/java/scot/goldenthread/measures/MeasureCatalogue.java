package scot.goldenthread.measures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The measure definitions and the plan elements that use them. */
@Service
public class MeasureCatalogue {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MeasureCatalogue(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public Optional<MeasureDefinition> find(String code) {
		return this.jdbc.sql("select code, title, polarity from measure where code = ?")
			.param(code)
			.query((rs, n) -> definition(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	private static final String MEASURE_COLUMNS = """
			select m.id, m.code, m.title, m.description, m.kind, m.unit, m.rate_per, m.decimals, m.polarity, m.period_type,
			       m.source, m.lead, m.dimensions, m.geography_levels, m.area, m.family_group, g.code gap_of, m.gap_dimension, m.gap_higher, m.gap_lower, m.public,
			       m.rolling_years, m.retired_on
			from measure m left join measure g on g.id = m.gap_of""";

	public Optional<Measure> measure(String code) {
		return this.jdbc.sql(MEASURE_COLUMNS + " where m.code = ?").param(code).query(this::mapMeasure).optional();
	}

	public List<Measure> measures() {
		return this.jdbc.sql(MEASURE_COLUMNS + " order by m.code").query(this::mapMeasure).list();
	}

	/** The codes of the measures whose words match those typed (PostgreSQL's web search syntax), best first, with their rank. */
	public Map<String, Float> matching(String words) {
		Map<String, Float> ranked = new LinkedHashMap<>();
		this.jdbc.sql("""
				select code, ts_rank(words, q) from measure, websearch_to_tsquery('english', ?) q
				where words @@ q order by 2 desc, code""")
			.param(words)
			.query((rs) -> {
				ranked.put(rs.getString(1), rs.getFloat(2));
			});
		return ranked;
	}

	private Measure mapMeasure(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Measure(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("description"),
				Measure.Kind.of(rs.getString("kind")).orElseThrow(), Unit.of(rs.getString("unit")).orElseThrow(),
				(Integer) rs.getObject("rate_per"), rs.getInt("decimals"), Polarity.of(rs.getString("polarity")).orElseThrow(),
				PeriodType.of(rs.getString("period_type")).orElseThrow(), rs.getString("source"), rs.getString("lead"),
				List.of((String[]) rs.getArray("dimensions").getArray()), List.of((String[]) rs.getArray("geography_levels").getArray()),
				rs.getString("area"), rs.getString("family_group"),
				(rs.getString("gap_of") != null) ? new Measure.Gap(rs.getString("gap_of"), rs.getString("gap_dimension"),
						rs.getString("gap_higher"), rs.getString("gap_lower")) : null,
				rs.getBoolean("public"), (Integer) rs.getObject("rolling_years"), rs.getObject("retired_on", LocalDate.class));
	}

	/** The measure's id, defining it first if it is new: for a plan that names it. */
	public long idFor(MeasureDefinition measure) {
		return this.jdbc.sql("select id from measure where code = ?").param(measure.code()).query(Long.class).optional()
			.orElseGet(() -> define(measure));
	}

	private long define(MeasureDefinition measure) {
		long id = this.jdbc.sql("insert into measure (code, title, polarity) values (?, ?, ?) returning id")
			.params(measure.code(), measure.title(), measure.polarity().code())
			.query(Long.class)
			.single();
		this.audit.created("measure", measure.code(), "Defined measure " + measure.code(), measure);
		return id;
	}

	/** The codes of the measures marked not public, which plans may name only to those who may see unpublished work. */
	public Set<String> unpublished() {
		return Set.copyOf(this.jdbc.sql("select code from measure where not public").query(String.class).list());
	}

	/** The definitions of the measures with these ids, by id. */
	public Map<Long, MeasureDefinition> definitions(Collection<Long> ids) {
		Map<Long, MeasureDefinition> definitions = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return definitions;
		}
		this.jdbc.sql("select id, code, title, polarity from measure where id = any(?)")
			.param(ids.stream().distinct().toArray(Long[]::new))
			.query((rs) -> {
				definitions.put(rs.getLong(1), definition(rs.getString(2), rs.getString(3), rs.getString(4)));
			});
		return definitions;
	}

	private static MeasureDefinition definition(String code, String title, String polarity) {
		return new MeasureDefinition(code, title, Polarity.of(polarity).orElseThrow());
	}

}
