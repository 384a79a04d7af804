package scot.goldenthread.stocktake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanStatus;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * How each published plan stands against the six statements as the public sees it, kept so that the summary across
 * every partnership is one query however many plans there are. A plan is worked out again as soon as its records
 * change, and every plan each night, when its updates, measures and committee papers of the day count too.
 */
@Component
class StockTakeStandings {

	private static final Logger log = LoggerFactory.getLogger(StockTakeStandings.class);

	private final StockTake stockTake;

	private final PlanCatalogue plans;

	private final MeasureCatalogue measures;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transaction;

	StockTakeStandings(StockTake stockTake, PlanCatalogue plans, MeasureCatalogue measures, JdbcClient jdbc, Clock clock,
			PlatformTransactionManager transactions) {
		// its own transaction: after the change's has committed, a write would otherwise go nowhere
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.stockTake = stockTake;
		this.plans = plans;
		this.measures = measures;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Something a plan stands on changed: the plan named, or every plan of the partnership named. */
	record Changed(Long planId, String partnershipCode) {
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(Changed changed) {
		List<Plan> affected = (changed.planId() != null) ? this.plans.plan(changed.planId()).stream().toList()
				: this.plans.plansOf(changed.partnershipCode());
		Set<String> unpublished = this.measures.unpublished();
		affected.forEach((plan) -> workOut(plan, unpublished));
	}

	@Scheduled(cron = "${goldenthread.stock-take.work-out:0 15 0 * * *}")
	@SchedulerLock(name = "stock-take-standings")
	void workOutEveryPlan() {
		long start = System.nanoTime();
		Set<String> unpublished = this.measures.unpublished();
		List<Plan> all = this.plans.plans();
		all.forEach((plan) -> workOut(plan, unpublished));
		log.info("Worked out how {} plans stand against the six statements, in {} ms", all.size(), (System.nanoTime() - start) / 1_000_000);
	}

	@EventListener(condition = "@environment.getProperty('goldenthread.stock-take.work-out-after-start', 'true') == 'true'")
	void workOutAfterStart(ApplicationReadyEvent ready) {
		ready.getApplicationContext().getBean(TaskScheduler.class).schedule(this::workOutEveryPlan, this.clock.instant());
	}

	/** The plan checked on its published records alone, its standing kept; a draft's is not the public's, so none is kept. */
	private void workOut(Plan plan, Set<String> unpublished) {
		this.transaction.executeWithoutResult((status) -> {
			this.jdbc.sql("delete from stock_take_standing where plan_id = ?").param(plan.id()).update();
			if (plan.status() != PlanStatus.DRAFT) {
				keep(plan, unpublished);
			}
		});
	}

	private void keep(Plan plan, Set<String> unpublished) {
		Set<Integer> assessed = this.jdbc.sql("""
				select statement from statement_assessment where plan_id = ? and (self_assessment is not null or improvement_actions is not null)""")
			.param(plan.id()).query(Integer.class).set();
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		this.plans.tree(plan.id()).map((tree) -> tree.without(unpublished)).ifPresent((tree) -> this.stockTake.check(tree, false)
			.forEach((s) -> this.jdbc.sql("insert into stock_take_standing (plan_id, statement, gaps, assessed, worked_out_at) values (?, ?, ?, ?, ?)")
				.params(plan.id(), s.number(), s.gaps().size(), assessed.contains(s.number()), now).update()));
	}

	/** A plan's standing: the gaps against each statement, in order, whether the partnership assessed itself, and when. */
	record Standing(long planId, List<Integer> gaps, List<Boolean> assessed, OffsetDateTime workedOutAt) {

		public boolean shown(int statement) {
			return this.gaps.get(statement - 1) == 0;
		}

	}

	/** Every published plan's standing, by plan id, in one query. */
	Map<Long, Standing> all() {
		Map<Long, Standing> standings = new HashMap<>();
		this.jdbc.sql("select plan_id, statement, gaps, assessed, worked_out_at from stock_take_standing order by plan_id, statement")
			.query((java.sql.ResultSet rs) -> {
				OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
				Standing s = standings.computeIfAbsent(rs.getLong(1), (id) -> new Standing(id, new ArrayList<>(), new ArrayList<>(), at));
				s.gaps().add(rs.getInt(3));
				s.assessed().add(rs.getBoolean(4));
			});
		return standings;
	}

}
