package scot.goldenthread.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.shared.Refused;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A measure no plan uses any more is retired: it leaves the public lists, the search and the places' pages, and keeps
 * its own page, its values, its history and its record in the open data, marked retired. One that never had a value
 * and that nothing uses can be deleted. Both are audited; both are refused, with the reason, while a plan uses it.
 */
@Service
public class MeasureRetirement {

	private final JdbcClient jdbc;

	private final MeasureUses uses;

	private final AuditLog audit;

	private final Clock clock;

	MeasureRetirement(JdbcClient jdbc, MeasureUses uses, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.uses = uses;
		this.audit = audit;
		this.clock = clock;
	}

	/** Why the measure cannot be retired, if it cannot: the plans that use it. */
	public List<String> whyNotRetire(Measure measure) {
		return this.uses.of(measure.code()).stream()
			.map((u) -> "it is used by " + u.kind().toLowerCase(Locale.ROOT) + " " + u.elementCode() + " of " + u.planTitle())
			.toList();
	}

	/** Why the measure cannot be deleted, if it cannot: a use, or what it {@link #holds}. */
	public List<String> whyNotDelete(Measure measure) {
		List<String> why = new ArrayList<>(whyNotRetire(measure));
		why.addAll(holds(measure));
		return why;
	}

	/** What the measure holds that deleting it would lose: values, stories, a value or story waiting in an update, a measure made from it. */
	public List<String> holds(Measure measure) {
		return this.jdbc.sql("""
				select 'values' what, count(*) n from observation where measure_id = :id
				union all select 'stories behind the data', count(*) from measure_commentary where measure_id = :id
				union all select 'updates for a reporting period', count(*) from period_update where measure_id = :id
				union all select 'measures made from it', count(*) from measure where gap_of = :id""")
			.param("id", measure.id())
			.query(Held.class)
			.list()
			.stream()
			.filter((held) -> held.n() > 0)
			.map((held) -> "it has " + held.n() + " " + held.what())
			.toList();
	}

	private record Held(String what, long n) {
	}

	@Transactional
	public void retire(Measure measure) {
		refuseIf(whyNotRetire(measure), "retire", "Take it out of the plans first");
		LocalDate today = LocalDate.now(this.clock);
		if (this.jdbc.sql("update measure set retired_on = ? where id = ? and retired_on is null").params(today, measure.id()).update() == 1) {
			this.audit.updated("measure", measure.code(), "Retired measure " + measure.code(), Map.of("retiredOn", "none"),
					Map.of("retiredOn", today.toString()));
		}
	}

	/** Brings a retired measure back into the lists, for a plan to use again. */
	@Transactional
	public void bringBack(Measure measure) {
		if (this.jdbc.sql("update measure set retired_on = null where id = ? and retired_on is not null").param(measure.id()).update() == 1) {
			this.audit.updated("measure", measure.code(), "Brought measure " + measure.code() + " back into use",
					Map.of("retiredOn", String.valueOf(measure.retiredOn())), Map.of("retiredOn", "none"));
		}
	}

	@Transactional
	public void delete(Measure measure) {
		refuseIf(whyNotDelete(measure), "delete", "Retire it instead, which keeps what it has");
		this.jdbc.sql("delete from measure where id = ?").param(measure.id()).update();
		this.audit.deleted("measure", measure.code(), "Deleted measure " + measure.code(), measure);
	}

	private static void refuseIf(List<String> why, String what, String instead) {
		if (!why.isEmpty()) {
			throw new Refused(Map.of("measure", "You cannot " + what + " this measure: " + String.join("; ", why) + ". " + instead + "."));
		}
	}

}
