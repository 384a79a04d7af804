package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads a measure's values, filtered by place, breakdown and period range. */
@Service
public class Observations {

	private final JdbcClient jdbc;

	Observations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Observation(String period, String geography, String breakdown, BigDecimal value, String status,
			String note, String toConfirm) {
	}

	/** "Clackmannanshire" for S12000005; the code itself where the place is unknown. */
	public String placeName(String code) {
		return (code == null) ? "" : this.jdbc.sql("select name from geography where code = ?").param(code).query(String.class)
			.optional().orElse(code);
	}

	public List<Observation> of(Measure measure, String geography, String breakdown, Period from, Period to) {
		StringBuilder sql = new StringBuilder("""
				select period_start, geography, breakdown, value, status, note, to_confirm from observation
				where measure_id = ?""");
		List<Object> params = new ArrayList<>(List.of(measure.id()));
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
			.query((rs, n) -> new Observation(new Period(measure.periodType(), rs.getDate(1).toLocalDate()).code(),
					rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6), rs.getString(7)))
			.list();
	}

}
