package scot.goldenthread.measures;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import scot.goldenthread.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads a measure's values, filtered by place, breakdown and period range. */
@Service
public class Observations {

	/** Rows fetched at a time when every published value is streamed. */
	static final int FETCH_SIZE = 2000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	/** PostgreSQL's driver reads a result through a cursor, a batch at a time, only inside a transaction and with a fetch size. */
	private final JdbcClient cursor;

	private final TransactionTemplate readOnly;

	private final DataSource dataSource;

	Observations(JdbcClient jdbc, AuditLog audit, DataSource dataSource, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.audit = audit;
		JdbcTemplate batches = new JdbcTemplate(dataSource);
		batches.setFetchSize(FETCH_SIZE);
		this.cursor = JdbcClient.create(batches);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** A value as stored, with the numerator, denominator and confidence interval its publisher gave, where it gave them. */
	public record Observation(String period, String geography, String breakdown, BigDecimal value, String status,
			String note, String toConfirm, BigDecimal numerator, BigDecimal denominator, BigDecimal lower, BigDecimal upper) {
	}

	/** A person confirms a value held for confirmation; answers whether there was one to confirm. */
	@org.springframework.transaction.annotation.Transactional
	public boolean confirm(Measure measure, Period period, String geography, String breakdown) {
		List<String> held = this.jdbc.sql("""
				update observation set to_confirm = null where measure_id = ? and period_start = ? and geography = ?
				and breakdown = ? and to_confirm is not null returning value::text""")
			.params(measure.id(), period.start(), geography, breakdown)
			.query(String.class)
			.list();
		held.forEach((value) -> this.audit.updated("observation", measure.code() + " " + period.code() + " " + geography + " " + breakdown,
				"Confirmed " + value + " for " + measure.code() + " in " + period.code(),
				java.util.Map.of("toConfirm", true), java.util.Map.of("toConfirm", false)));
		return !held.isEmpty();
	}

	/** A published value: of a public measure, and not held for a person to confirm. */
	public record Published(String measure, String period, String geography, Map<String, String> breakdown, BigDecimal value,
			String status, String note) {
	}

	/** Which published values a download holds: one measure's, one place's, one period's of one measure, or all (null). */
	public record Selection(Measure measure, String geography, Period period) {

		public static final Selection ALL = new Selection(null, null, null);

		String where() {
			return ((this.measure != null) ? " and m.id = ?" : "") + ((this.geography != null) ? " and o.geography = ?" : "")
					+ ((this.period != null) ? " and o.period_start = ?" : "");
		}

		List<Object> params() {
			List<Object> params = new ArrayList<>();
			if (this.measure != null) {
				params.add(this.measure.id());
			}
			if (this.geography != null) {
				params.add(this.geography);
			}
			if (this.period != null) {
				params.add(this.period.start());
			}
			return params;
		}

	}

	/** The breakdown dimensions the selected published values are broken down by, such as Age and Gender, sorted. */
	public List<String> publishedDimensions(Selection selection) {
		return this.jdbc.sql("""
				select distinct split_part(d, '=', 1) from observation o join measure m on m.id = o.measure_id,
				unnest(string_to_array(o.breakdown, ';')) d
				where m.public and o.to_confirm is null and o.breakdown <> ''""" + selection.where() + " order by 1")
			.params(selection.params())
			.query(String.class).list();
	}

	/**
	 * Every published value, measure by measure, streamed through a cursor in one read-only transaction, so that
	 * neither the file nor the rows are ever held whole, however many there are.
	 */
	public void eachPublished(Selection selection, java.util.function.Consumer<Published> each) {
		this.readOnly.executeWithoutResult((status) -> this.cursor.sql("""
				select m.code, m.period_type, o.period_start, o.geography, o.breakdown, o.value, o.status, o.note
				from observation o join measure m on m.id = o.measure_id
				where m.public and o.to_confirm is null""" + selection.where() + " order by m.code, o.period_start, o.geography, o.breakdown")
			.params(selection.params())
			.query((rs) -> {
				Map<String, String> breakdown = new java.util.TreeMap<>();
				for (String part : rs.getString(5).split(";")) {
					if (!part.isEmpty()) {
						breakdown.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
					}
				}
				each.accept(new Published(rs.getString(1),
						new Period(PeriodType.of(rs.getString(2)).orElseThrow(), rs.getDate(3).toLocalDate()).code(), rs.getString(4),
						breakdown, rs.getBigDecimal(6), rs.getString(7), rs.getString(8)));
			}));
	}

	/**
	 * Every selected published value as CSV, written by PostgreSQL itself ({@code COPY ... TO STDOUT}) straight to
	 * {@code out}, in constant memory and at the speed of the database: columns measure, period, geography, each of
	 * {@code dimensions} (blank for a total), value, status and note, text cells safe from formulas (V27).
	 */
	public void copyPublished(Selection selection, List<String> dimensions, OutputStream out) throws IOException {
		StringBuilder columns = new StringBuilder("m.code as measure, period_code(m.period_type, o.period_start) as period, o.geography");
		// an empty text is written "" by COPY, a null as nothing, as the rest of the product writes a blank; most values are
		// totals, with no breakdown to take apart (at fifty times the demo this halved the time PostgreSQL took)
		dimensions.forEach((d) -> columns.append(", case when o.breakdown <> '' then nullif(csv_cell(breakdown_value(o.breakdown, ")
			.append(literal(d)).append(")), '') end as ")
			.append('"').append(d.replace("\"", "\"\"")).append('"'));
		columns.append(", o.value, o.status, nullif(csv_cell(o.note), '') as note");
		// COPY takes no parameters: the selection's values are written into it as literals
		String[] around = selection.where().split("\\?", -1);
		StringBuilder where = new StringBuilder(around[0]);
		for (int i = 1; i < around.length; i++) {
			where.append(literal(String.valueOf(selection.params().get(i - 1)))).append(around[i]);
		}
		String copy = "copy (select " + columns + " from observation o join measure m on m.id = o.measure_id where m.public and o.to_confirm is null"
				+ where + " order by m.code, o.period_start, o.geography, o.breakdown) to stdout with (format csv, header true)";
		// the driver writes each row on its own: buffered, not a call to the system a row
		BufferedOutputStream rows = new BufferedOutputStream(out, 1 << 16);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, rows);
			rows.flush();
		}
		catch (SQLException ex) {
			throw new IOException("The values could not be read: " + ex.getMessage(), ex);
		}
	}

	/** A text as an SQL literal; PostgreSQL reads backslashes in one as they are. */
	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** The levels of place a measure page lists only on request, a page at a time: there may be thousands of them. */
	public static final List<String> SMALL_AREAS = List.of("ward", "locality", "intermediate-zone", "data-zone");

	/**
	 * A measure's values for places larger than {@link #SMALL_AREAS}: the country, councils, family groups. The few
	 * larger places are named, so that each is one range of the table's key however many small-area values and
	 * breakdowns the measure has.
	 */
	public List<Observation> ofLargerPlaces(Measure measure, boolean withHeld) {
		// one array parameter, not an array of parameters
		return query(measure, "geography = any(array(select code from geography where level <> all(?)))",
				List.of((Object) SMALL_AREAS.toArray(String[]::new)), withHeld, "");
	}

	/** Counts of a measure's small-area values as they stood at a version of the measure (V26). */
	private record KeptCounts(long version, Map<String, Long> counts) {
	}

	private final Map<String, KeptCounts> counts = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * How many values the measure has at each of the {@link #SMALL_AREAS} that has any, in their order. Counting reads
	 * every one of them, breakdowns included, so the counts are kept until the measure changes.
	 */
	public Map<String, Long> countsOfSmallAreas(Measure measure, boolean withHeld) {
		long version = this.jdbc.sql("select coalesce(max(version), 0) from measure_version where measure_id = ?").param(measure.id())
			.query(Long.class).single();
		String key = measure.id() + (withHeld ? " with held" : "");
		KeptCounts kept = this.counts.get(key);
		if (kept != null && kept.version() == version) {
			return kept.counts();
		}
		Map<String, Long> counts = new TreeMap<>(Comparator.comparing(SMALL_AREAS::indexOf));
		this.jdbc.sql("select g.level, count(*) from observation o join geography g on g.code = o.geography where o.measure_id = ? "
				+ (withHeld ? "" : "and o.to_confirm is null ") + "and g.level = any(?) group by g.level")
			.params(measure.id(), SMALL_AREAS.toArray(String[]::new))
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		KeptCounts read = new KeptCounts(version, java.util.Collections.unmodifiableMap(counts));
		this.counts.put(key, read);
		return read.counts();
	}

	/** A page of the measure's values at one level of place, in the same order as every list of them. */
	public List<Observation> atLevel(Measure measure, String level, boolean withHeld, int offset, int limit) {
		return query(measure, "exists (select 1 from geography g where g.code = o.geography and g.level = ?)", List.of(level), withHeld,
				" limit " + limit + " offset " + offset);
	}

	private List<Observation> query(Measure measure, String where, List<Object> params, boolean withHeld, String page) {
		List<Object> all = new ArrayList<>(List.of(measure.id()));
		all.addAll(params);
		return this.jdbc.sql(COLUMNS + " where measure_id = ? and " + where + (withHeld ? "" : " and to_confirm is null")
				+ " order by period_start, geography, breakdown" + page)
			.params(all)
			.query((rs, n) -> observation(measure, rs))
			.list();
	}

	private static final String COLUMNS = """
			select period_start, geography, breakdown, value, status, note, to_confirm, numerator, denominator, lower_ci, upper_ci
			from observation o""";

	private static Observation observation(Measure measure, java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Observation(new Period(measure.periodType(), rs.getDate(1).toLocalDate()).code(), rs.getString(2), rs.getString(3),
				rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
				rs.getBigDecimal(10), rs.getBigDecimal(11));
	}

	/**
	 * A measure's values, filtered; those held for confirmation only with {@code withHeld}, for the people who may
	 * confirm them, since until then they are not published.
	 */
	public List<Observation> of(Measure measure, String geography, String breakdown, Period from, Period to, boolean withHeld) {
		StringBuilder sql = new StringBuilder(COLUMNS + " where measure_id = ?");
		List<Object> params = new ArrayList<>(List.of(measure.id()));
		if (!withHeld) {
			sql.append(" and to_confirm is null");
		}
		if (geography != null) {
			sql.append(" and geography = ?");
			params.add(geography);
		}
		if (breakdown != null) {
			sql.append(" and breakdown = ?");
			params.add(breakdown);
		}
		if (from != null) {
			sql.append(" and period_start >= ?");
			params.add(from.start());
		}
		if (to != null) {
			sql.append(" and period_start <= ?");
			params.add(to.start());
		}
		sql.append(" order by period_start, geography, breakdown");
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> observation(measure, rs))
			.list();
	}

}
