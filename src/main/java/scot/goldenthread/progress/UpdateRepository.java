package scot.goldenthread.progress;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.PeriodType;
import scot.goldenthread.plans.Assessment;
import scot.goldenthread.plans.ImprovementProject;
import scot.goldenthread.shared.Coded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Updates of actions and measures, kept in one table: each kind writes what it carries, and the workflow's
 * columns are written and read the same way for both. A write on top of a version answers false where
 * someone else's came first.
 */
@Repository
class UpdateRepository {

	private static final String WORKFLOW = "u.state, u.review_comment, u.written_by, u.written_at, u.submitted_at, u.reviewed_by, "
			+ "u.reviewed_at, u.version";

	private static final String ACTIONS = "select u.id, u.element_id, u.period_id, r.name, u.progress, u.assessment, u.note, u.milestones_done, u.phase, "
			+ WORKFLOW + " from period_update u join reporting_period r on r.id = u.period_id where u.element_id is not null";

	private static final String MEASURES = "select u.id, m.code, m.period_type, u.period_id, r.name, u.measure_period, u.value, "
			+ "u.value_status, u.commentary, " + WORKFLOW
			+ " from period_update u join reporting_period r on r.id = u.period_id join measure m on m.id = u.measure_id";

	private final JdbcClient jdbc;

	UpdateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Actions' updates, {@code where} narrowing them (in terms of u, the update, and r, its period) and ordering them. */
	List<ProgressUpdate> actions(String where, Object... params) {
		return this.jdbc.sql(ACTIONS + " and " + where).params(params).query(UpdateRepository::action).list();
	}

	/** Measures' updates, as {@link #actions} for actions (m is the measure). */
	List<MeasureUpdate> measures(String where, Object... params) {
		return this.jdbc.sql(MEASURES + " where " + where).params(params).query(UpdateRepository::measure).list();
	}

	/** A new update of an action, or false where another was saved for it in the period first. */
	boolean insert(long elementId, long periodId, ActionProgress progress, Workflow workflow) {
		return this.jdbc.sql("""
				insert into period_update (element_id, period_id, progress, assessment, note, milestones_done, phase,
				                           state, review_comment, written_by, written_at, submitted_at, reviewed_by, reviewed_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(elementId, periodId, progress.progress(), Coded.codeOf(progress.assessment()), progress.note(),
					progress.milestonesDone().toArray(Long[]::new), Coded.codeOf(progress.phase()))
			.params(workflowValues(workflow))
			.update() == 1;
	}

	boolean insert(long measureId, long periodId, MeasureValue value, Workflow workflow) {
		return this.jdbc.sql("""
				insert into period_update (measure_id, period_id, measure_period, value, value_status, commentary,
				                           state, review_comment, written_by, written_at, submitted_at, reviewed_by, reviewed_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(measureId, periodId, value.period().start(), value.value(), value.valueStatus(), value.commentary())
			.params(workflowValues(workflow))
			.update() == 1;
	}

	boolean save(long id, int versionBefore, ActionProgress progress, Workflow workflow) {
		return this.jdbc.sql("update period_update set progress = ?, assessment = ?, note = ?, milestones_done = ?, phase = ?, " + SET_WORKFLOW)
			.params(progress.progress(), Coded.codeOf(progress.assessment()), progress.note(), progress.milestonesDone().toArray(Long[]::new),
					Coded.codeOf(progress.phase()))
			.params(workflowValues(workflow))
			.params(id, versionBefore)
			.update() == 1;
	}

	boolean save(long id, int versionBefore, MeasureValue value, Workflow workflow) {
		return this.jdbc.sql("update period_update set measure_period = ?, value = ?, value_status = ?, commentary = ?, " + SET_WORKFLOW)
			.params(value.period().start(), value.value(), value.valueStatus(), value.commentary())
			.params(workflowValues(workflow))
			.params(id, versionBefore)
			.update() == 1;
	}

	/** An owner's decision: the workflow alone changes. */
	boolean save(long id, int versionBefore, Workflow workflow) {
		return this.jdbc.sql("update period_update set " + SET_WORKFLOW).params(workflowValues(workflow)).params(id, versionBefore)
			.update() == 1;
	}

	private static final String SET_WORKFLOW = """
			state = ?, review_comment = ?, written_by = ?, written_at = ?, submitted_at = ?, reviewed_by = ?, reviewed_at = ?, version = ?
			where id = ? and version = ?""";

	private static List<Object> workflowValues(Workflow w) {
		return Arrays.asList(w.state().code(), w.reviewComment(), w.writtenBy(), w.writtenAt(), w.submittedAt(), w.reviewedBy(),
				w.reviewedAt(), w.version());
	}

	private static ProgressUpdate action(ResultSet rs, int row) throws SQLException {
		Array milestones = rs.getArray("milestones_done");
		return new ProgressUpdate(rs.getLong("id"), rs.getLong("element_id"), rs.getLong("period_id"), rs.getString("name"),
				rs.getInt("progress"), Assessment.of(rs.getString("assessment")).orElse(null), rs.getString("note"),
				Arrays.asList((Long[]) milestones.getArray()), ImprovementProject.Phase.of(rs.getString("phase")).orElse(null), workflow(rs));
	}

	private static MeasureUpdate measure(ResultSet rs, int row) throws SQLException {
		Period period = new Period(PeriodType.of(rs.getString("period_type")).orElseThrow(), rs.getDate("measure_period").toLocalDate());
		return new MeasureUpdate(rs.getLong("id"), rs.getString("code"), rs.getLong("period_id"), rs.getString("name"), period.code(),
				rs.getBigDecimal("value"), rs.getString("value_status"), rs.getString("commentary"), workflow(rs));
	}

	private static Workflow workflow(ResultSet rs) throws SQLException {
		return new Workflow(UpdateState.of(rs.getString("state")), rs.getString("review_comment"), rs.getString("written_by"),
				rs.getObject("written_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
				rs.getString("reviewed_by"), rs.getObject("reviewed_at", OffsetDateTime.class), rs.getInt("version"));
	}

	/** What a lead says of an action in an update. */
	record ActionProgress(int progress, Assessment assessment, String note, List<Long> milestonesDone, ImprovementProject.Phase phase) {
	}

	/** What a lead gives for a measure in an update: the value for one of its periods, and the story behind it. */
	record MeasureValue(Period period, BigDecimal value, String valueStatus, String commentary) {
	}

}
