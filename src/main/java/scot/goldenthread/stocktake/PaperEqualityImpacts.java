package scot.goldenthread.stocktake;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import scot.goldenthread.reports.EqualityDeclarations;
import scot.goldenthread.shared.Coded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A committee paper's "Equalities Impact" section as seed 002's paper words it, answered from the assessment recorded
 * for the paper: what it was, when, and its outcome, where it is published; only that one was made, where it is kept
 * to the partnership.
 */
@Component
class PaperEqualityImpacts implements EqualityDeclarations {

	static final String QUESTION = "Have you undertaken the required equalities impact assessment to ensure that no groups are adversely affected by the recommendations?";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final JdbcClient jdbc;

	PaperEqualityImpacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> of(long planId) {
		Map<Long, String> declared = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (committee_report_id) committee_report_id, title, assessed_on, outcome, summary, link, public
				from equality_impact where plan_id = ? and committee_report_id is not null
				order by committee_report_id, assessed_on desc nulls last, id desc""")
			.param(planId)
			.query((java.sql.ResultSet rs) -> {
				declared.put(rs.getLong(1), declaration(rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getBoolean(7)));
			});
		return declared;
	}

	static String declaration(String title, LocalDate assessedOn, String outcome, String summary, String link, boolean published) {
		StringBuilder text = new StringBuilder(QUESTION).append(" Yes\n\n");
		if (!published) {
			return text.append("The assessment is held by the partnership.").toString();
		}
		text.append(title).append((assessedOn != null) ? ", assessed on " + DAY.format(assessedOn) : "").append('.');
		Coded.of(Records.EqualityImpact.Outcome.class, outcome).ifPresent((o) -> text.append(" Outcome: ").append(o.label()).append(": ").append(o.meaning()).append('.'));
		if (summary != null) {
			text.append("\n\n").append(summary);
		}
		if (link != null) {
			text.append("\n\n").append(link);
		}
		return text.toString();
	}

}
