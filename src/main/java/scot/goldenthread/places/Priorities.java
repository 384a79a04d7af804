package scot.goldenthread.places;

import java.time.OffsetDateTime;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.plans.PlanPriorities;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A plan's priority localities: the places a partnership chose to focus on, why, and the evidence as it stood the day
 * it chose, kept as it was shown so that later data never rewrites the case it was made on.
 */
@Service
public class Priorities implements PlanPriorities {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Priorities(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** The ranked table the choice was made on: its columns, and each place's row of figures as shown. */
	public record Evidence(String council, String level, String rankedBy, List<String> columns, List<EvidenceRow> rows) {
	}

	public record EvidenceRow(String code, String name, int rank, List<String> figures) {
	}

	public record Priority(long id, long planId, String locality, String localityName, String rationale, Evidence evidence, String chosenBy,
			OffsetDateTime chosenAt) {
	}

	@Transactional
	public Priority choose(long planId, String locality, String rationale, Evidence evidence) {
		Long id = this.jdbc.sql("""
				insert into priority_locality (plan_id, locality, rationale, evidence, chosen_by) values (?, ?, ?, ?::jsonb, ?)
				on conflict (plan_id, locality) do update set rationale = excluded.rationale, evidence = excluded.evidence,
				    chosen_by = excluded.chosen_by, chosen_at = now()
				returning id""")
			.params(planId, locality, rationale, JsonMapper.shared().writeValueAsString(evidence), this.audit.actor())
			.query(Long.class)
			.single();
		Priority chosen = find("p.id = ?", id).get(0);
		this.audit.created("priority-locality", id, "Chose " + chosen.localityName() + " as a priority locality of plan " + planId, chosen);
		return chosen;
	}

	/** The priorities chosen for a place, and by which plans. */
	public List<Priority> of(String locality) {
		return of(List.of(locality));
	}

	/** The priorities chosen for any of the places. */
	public List<Priority> of(List<String> places) {
		return find("p.locality = any(?)", places.toArray(String[]::new));
	}

	@Override
	public List<PlanPriorities.Priority> of(long planId) {
		return find("p.plan_id = ?", planId).stream().map((p) -> new PlanPriorities.Priority(p.locality(), p.localityName(), p.rationale(),
				p.chosenAt().toLocalDate())).toList();
	}

	private List<Priority> find(String where, Object param) {
		return this.jdbc.sql("""
				select p.id, p.plan_id, p.locality, g.name, p.rationale, p.evidence::text, p.chosen_by, p.chosen_at
				from priority_locality p join geography g on g.code = p.locality""" + " where " + where + " order by p.chosen_at")
			.param(param)
			.query((rs, n) -> new Priority(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					JsonMapper.shared().readValue(rs.getString(6), Evidence.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class)))
			.list();
	}

}
