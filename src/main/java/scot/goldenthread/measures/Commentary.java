package scot.goldenthread.measures;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.TextLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lead's story behind the data, a period at a time; a new word replaces none, it follows them. */
@Service
public class Commentary {

	/** Long enough for a committee paragraph or two; a report is no place for an essay. */
	public static final int MAX_LENGTH = 5000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Commentary(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	public record Entry(String period, String periodLabel, String text, String writtenBy, OffsetDateTime writtenAt) {
	}

	/** Adds the commentary for a period, or explains why it cannot be added. */
	@Transactional
	public Entry write(Measure measure, String periodText, String text) {
		return write(measure, periodText, text, this.audit.actor());
	}

	/** The same for words a lead wrote and someone else, such as the plan owner approving them, publishes. */
	@Transactional
	public Entry write(Measure measure, String periodText, String text, String writtenBy) {
		Period period = Period.parse(periodText, measure.periodType());
		String trimmed = (text != null) ? text.strip() : "";
		if (trimmed.isEmpty()) {
			throw new IllegalArgumentException("the commentary is empty");
		}
		if (trimmed.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("the commentary is longer than " + MAX_LENGTH + " characters");
		}
		TextLimits.problem(trimmed, MAX_LENGTH).ifPresent((reason) -> {
			throw new IllegalArgumentException("the commentary " + reason);
		});
		// the clock, not the transaction's start, so that two words in one transaction are two entries
		this.jdbc.sql("""
				insert into measure_commentary (measure_id, period_start, text, written_by, written_at)
				values (?, ?, ?, ?, clock_timestamp())""")
			.params(measure.id(), period.start(), trimmed, writtenBy)
			.update();
		this.audit.created("measure-commentary", measure.code() + " " + period.code(),
				"Commentary on " + measure.code() + " for " + period.code(), Map.of("period", period.code(), "text", trimmed));
		return of(measure).get(0);
	}

	/** Every commentary on the measure, the latest period first and within it the latest word first. */
	/** Each measure's latest story behind its data (of its latest period, the last written), by id: one query for any number. */
	public Map<Long, String> latest(Collection<Measure> measures) {
		Map<Long, String> latest = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (measure_id) measure_id, text from measure_commentary where measure_id = any(?)
				order by measure_id, period_start desc, written_at desc""")
			.param(measures.stream().map(Measure::id).toArray(Long[]::new))
			.query((java.sql.ResultSet rs) -> {
				latest.put(rs.getLong(1), rs.getString(2));
			});
		return latest;
	}

	public List<Entry> of(Measure measure) {
		return this.jdbc.sql("""
				select period_start, text, written_by, written_at from measure_commentary where measure_id = ?
				order by period_start desc, written_at desc""")
			.param(measure.id())
			.query((rs, n) -> {
				Period period = new Period(measure.periodType(), rs.getDate(1).toLocalDate());
				return new Entry(period.code(), period.label(), rs.getString(2), rs.getString(3),
						rs.getObject(4, OffsetDateTime.class));
			})
			.list();
	}

}
