package scot.goldenthread.stocktake;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.tags.Tag;

import scot.goldenthread.plans.PlanTree;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a plan stands on, its risks and its check against the six statements, as the person asking may see them. */
@RestController
@Tag(name = "Stock-take", description = "What a plan stands on, its risk register and its check against the six statements")
class StockTakeApiController {

	private final PlanAccess plans;

	private final StockTakeRecords records;

	private final Risks risks;

	private final StockTake stockTake;

	private final StockTakeSummary summaries;

	StockTakeApiController(PlanAccess plans, StockTakeRecords records, Risks risks, StockTake stockTake, StockTakeSummary summaries) {
		this.summaries = summaries;
		this.plans = plans;
		this.records = records;
		this.risks = risks;
		this.stockTake = stockTake;
	}

	/** The plan's participation, evidence, partners' contributions and risks; contacts and unpublished records only for its partnership. */
	@GetMapping("/api/plans/{id}/stands-on")
	Map<String, Object> standsOn(@PathVariable long id) {
		PlanTree tree = this.plans.tree(id);
		boolean unpublished = this.plans.seesUnpublished(tree);
		return Map.of("participation", this.records.participation(id, unpublished), "evidence", this.records.evidence(id, unpublished),
				"equalityImpacts", this.records.equalityImpacts(id, unpublished), "contributions", this.records.contributions(id), "risks",
				this.risks.of(id, unpublished), "agreements", (tree.plan().partnershipCode() != null)
						? this.records.agreements(tree.plan().partnershipCode(), unpublished) : List.of());
	}

	/** How every published plan stands against each statement, as the public sees it: its gaps, and whether the partnership assessed itself. */
	@GetMapping("/api/stock-take")
	Map<String, Object> summary() {
		StockTakeSummary.Summary summary = this.summaries.summary();
		return Map.of("statements", SixStatements.TITLES, "plans", summary.groups().stream().flatMap((g) -> g.rows().stream())
			.map((r) -> Map.of("plan", r.plan().code(), "title", r.plan().title(), "partnership", java.util.Objects.toString(r.plan().partnershipCode(), ""),
					"gaps", (r.standing() != null) ? r.standing().gaps() : List.of(), "selfAssessed",
					(r.standing() != null) ? r.standing().assessed() : List.of(), "workedOutAt",
					(r.standing() != null) ? r.standing().workedOutAt().toString() : ""))
			.toList());
	}

	/** Each of the six statements with what the records show and what is missing, and the partnership's own assessment. */
	@GetMapping("/api/plans/{id}/stock-take")
	Map<String, Object> check(@PathVariable long id) {
		PlanTree tree = this.plans.tree(id);
		List<SixStatements.Statement> statements = this.stockTake.check(tree);
		return Map.of("statements", statements, "selfAssessments", this.records.selfAssessments(id));
	}

}
