package scot.goldenthread.stocktake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.shared.Commands;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.PlainText;
import scot.goldenthread.shared.TextLimits;
import scot.goldenthread.shared.WholeNumber;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;

/** A plan's risk register: its risks, scored before and after their controls, and their reviews in the reporting periods. */
@Service
public class Risks {

	private final JdbcClient jdbc;

	private final Commands commands;

	private final AuditLog audit;

	private final ProgressUpdates updates;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Risks(JdbcClient jdbc, Commands commands, AuditLog audit, ProgressUpdates updates, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.commands = commands;
		this.audit = audit;
		this.updates = updates;
		this.clock = clock;
	}

	/** How likely and how great, each 1 to 5. */
	public record Score(int likelihood, int impact) {

		public int value() {
			return this.likelihood * this.impact;
		}

		/** The usual bands of a 5 by 5 matrix: low to 3, medium to 6, high to 12, very high above. */
		public String band() {
			int v = value();
			return (v <= 3) ? "Low" : (v <= 6) ? "Medium" : (v <= 12) ? "High" : "Very high";
		}

	}

	/** A review of a risk: its score after controls then, and what was said. */
	public record Review(String periodName, Score score, String note, String reviewedBy, OffsetDateTime reviewedAt) {
	}

	public record Risk(long id, Long elementId, String title, String description, String owner, Score before, Score after, String controls,
			String furtherActions, LocalDate reviewOn, boolean published, List<Review> reviews) {

		public boolean dueForReview(LocalDate today) {
			return this.reviewOn != null && !this.reviewOn.isAfter(today);
		}

	}

	/** The plan's risks, the greatest after controls first; without {@code unpublished}, those published with the plan. */
	public List<Risk> of(long planId, boolean unpublished) {
		Map<Long, List<Review>> reviews = new HashMap<>();
		this.jdbc.sql("""
				select v.risk_id, p.name, v.likelihood, v.impact, v.note, v.reviewed_by, v.reviewed_at from risk_review v
				join risk r on r.id = v.risk_id left join reporting_period p on p.id = v.period_id
				where r.plan_id = ? order by v.reviewed_at desc, v.id desc""")
			.param(planId)
			.query((rs) -> {
				reviews.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(new Review(rs.getString(2), new Score(rs.getInt(3), rs.getInt(4)),
						rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
			});
		return this.jdbc.sql("select * from risk where plan_id = ? and (public or ?) order by likelihood_after * impact_after desc, id")
			.params(planId, unpublished)
			.query((rs, n) -> new Risk(rs.getLong("id"), (Long) rs.getObject("element_id"), rs.getString("title"), rs.getString("description"),
					rs.getString("owner"), new Score(rs.getInt("likelihood_before"), rs.getInt("impact_before")),
					new Score(rs.getInt("likelihood_after"), rs.getInt("impact_after")), rs.getString("controls"), rs.getString("further_actions"),
					rs.getObject("review_on", LocalDate.class), rs.getBoolean("public"), reviews.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** How many risks sit in each cell of the matrix after their controls: {@code [likelihood - 1][impact - 1]}. */
	public static int[][] heatMap(List<Risk> risks) {
		int[][] cells = new int[5][5];
		risks.forEach((r) -> cells[r.after().likelihood() - 1][r.after().impact() - 1]++);
		return cells;
	}

	/** A risk as its form sends it. */
	public record RiskForm(@NotBlank(message = "Enter the risk") @PlainText(what = "the risk", max = TextLimits.TITLE) String title,
			@PlainText(what = "the description", max = TextLimits.NOTE) String description,
			@NotBlank(message = "Enter who owns the risk") @PlainText(what = "the owner", max = TextLimits.TITLE) String owner,
			@WholeNumber(what = "likelihood before controls", min = 1, max = 5, example = 3) String likelihoodBefore,
			@WholeNumber(what = "impact before controls", min = 1, max = 5, example = 4) String impactBefore,
			@WholeNumber(what = "likelihood after controls", min = 1, max = 5, example = 2) String likelihoodAfter,
			@WholeNumber(what = "impact after controls", min = 1, max = 5, example = 3) String impactAfter,
			@PlainText(what = "the controls", max = TextLimits.NOTE) String controls,
			@PlainText(what = "the further actions", max = TextLimits.NOTE) String furtherActions,
			@DateInput.Valid(what = "the review date") DateInput reviewOn, Long element, String audience) {
	}

	@Transactional
	public long add(PlanTree plan, RiskForm form) {
		BindingResult errors = this.commands.check(form);
		if (form.element() != null && plan.element(form.element()).isEmpty()) {
			Commands.reject(errors, "element", "Choose among this plan's own parts");
		}
		Commands.refuseIfAny(errors);
		long id = this.jdbc.sql("""
				insert into risk (plan_id, element_id, title, description, owner, likelihood_before, impact_before, likelihood_after, impact_after,
				                  controls, further_actions, review_on, public)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.plan().id(), form.element(), form.title().strip(), Commands.typed(form.description()), form.owner().strip(),
					score(form.likelihoodBefore()), score(form.impactBefore()), score(form.likelihoodAfter()), score(form.impactAfter()),
					Commands.typed(form.controls()), Commands.typed(form.furtherActions()), DateInput.date(form.reviewOn()),
					!"partnership".equals(form.audience()))
			.query(Long.class).single();
		this.audit.created("risk", id, "Added the risk '" + form.title().strip() + "' to plan " + plan.plan().code(), form);
		this.events.publishEvent(new StockTakeStandings.Changed(plan.plan().id(), null));
		return id;
	}

	/** A review as its form sends it: the score after controls now, what was found and when it is next reviewed. */
	public record ReviewForm(@WholeNumber(what = "likelihood", min = 1, max = 5, example = 2) String likelihood,
			@WholeNumber(what = "impact", min = 1, max = 5, example = 3) String impact,
			@NotBlank(message = "Say what the review found") @PlainText(what = "what the review found", max = TextLimits.NOTE) String note,
			@DateInput.Valid(what = "the next review date") DateInput nextReview) {
	}

	/** Records the review in the plan's reporting period open now, if one is, and scores the risk as the review found it. */
	@Transactional
	public void review(PlanTree plan, long riskId, ReviewForm form) {
		Risk before = of(plan.plan().id(), true).stream().filter((r) -> r.id() == riskId).findFirst()
			.orElseThrow(() -> scot.goldenthread.shared.NotFound.because("This plan has no such risk"));
		Commands.refuseIfAny(this.commands.check(form));
		LocalDate today = LocalDate.now(this.clock);
		Long period = this.updates.periods(plan.plan().id()).stream().filter((p) -> p.open(today)).map(ReportingPeriod::id).findFirst().orElse(null);
		Score score = new Score(score(form.likelihood()), score(form.impact()));
		this.jdbc.sql("""
				insert into risk_review (risk_id, period_id, likelihood, impact, note, next_review, reviewed_by) values (?, ?, ?, ?, ?, ?, ?)""")
			.params(riskId, period, score.likelihood(), score.impact(), form.note().strip(), DateInput.date(form.nextReview()), this.audit.actor())
			.update();
		this.jdbc.sql("update risk set likelihood_after = ?, impact_after = ?, review_on = ? where id = ?")
			.params(score.likelihood(), score.impact(), DateInput.date(form.nextReview()), riskId)
			.update();
		this.audit.updated("risk", riskId, "Reviewed the risk '" + before.title() + "' of plan " + plan.plan().code(),
				Map.of("after", before.after(), "reviewOn", String.valueOf(before.reviewOn())),
				Map.of("after", score, "reviewOn", String.valueOf(DateInput.date(form.nextReview())), "note", form.note().strip()));
		this.events.publishEvent(new StockTakeStandings.Changed(plan.plan().id(), null));
	}

	/** Removes the risk and its reviews from the register; false where the plan has no such risk. */
	@Transactional
	public boolean remove(PlanTree plan, long riskId) {
		Risk before = of(plan.plan().id(), true).stream().filter((r) -> r.id() == riskId).findFirst().orElse(null);
		if (before == null) {
			return false;
		}
		this.jdbc.sql("delete from risk where id = ?").param(riskId).update();
		this.audit.deleted("risk", riskId, "Removed the risk '" + before.title() + "' from plan " + plan.plan().code(), before);
		this.events.publishEvent(new StockTakeStandings.Changed(plan.plan().id(), null));
		return true;
	}

	private static int score(String typed) {
		return WholeNumber.Check.read(typed);
	}

}
