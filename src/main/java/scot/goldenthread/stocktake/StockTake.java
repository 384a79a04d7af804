package scot.goldenthread.stocktake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import scot.goldenthread.measures.KeptJudgements;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.partnerships.Partner;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.plans.PlanPriorities;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;
import scot.goldenthread.reports.CommitteeReports;

import org.springframework.stereotype.Service;

/** Gathers what the six statements are checked against, as the person asking may see the plan, and checks them. */
@Service
public class StockTake {

	private final StockTakeRecords records;

	private final PartnershipDirectory partnerships;

	private final MeasureCatalogue measures;

	private final KeptJudgements judgements;

	private final List<PlanPriorities> localities;

	private final ProgressUpdates updates;

	private final CommitteeReports committee;

	private final PlanAccess access;

	private final Clock clock;

	private final Risks risks;

	StockTake(Risks risks, StockTakeRecords records, PartnershipDirectory partnerships, MeasureCatalogue measures,
			KeptJudgements judgements, List<PlanPriorities> localities, ProgressUpdates updates, CommitteeReports committee, PlanAccess access,
			Clock clock) {
		this.risks = risks;
		this.records = records;
		this.partnerships = partnerships;
		this.measures = measures;
		this.judgements = judgements;
		this.localities = localities;
		this.updates = updates;
		this.committee = committee;
		this.access = access;
		this.clock = clock;
	}

	public List<SixStatements.Statement> check(PlanTree tree) {
		return check(tree, this.access.seesUnpublished(tree));
	}

	/** The check of the plan as it stands on its published records alone, or with those kept to the partnership too. */
	List<SixStatements.Statement> check(PlanTree tree, boolean unpublished) {
		long planId = tree.plan().id();
		LocalDate today = LocalDate.now(this.clock);
		Set<String> codes = tree.elements().stream().flatMap((e) -> e.measures().stream()).map(MeasureDefinition::code).collect(Collectors.toSet());
		List<Measure> all = this.measures.measures();
		List<SixStatements.MeasureFacts> measureFacts = this.judgements.today(all.stream().filter((m) -> codes.contains(m.code())).toList(), all)
			.stream()
			.map((a) -> new SixStatements.MeasureFacts(a.measure().code(), a.measure().title(), a.latest().isPresent(), a.baseline() != null,
					!a.targets().isEmpty()))
			.toList();
		List<SixStatements.Locality> chosen = this.localities.stream().flatMap((p) -> p.of(planId).stream())
			.map((p) -> new SixStatements.Locality(p.place(), p.placeName(), p.rationale() != null && !p.rationale().isBlank())).toList();
		List<Partner> statutory = (tree.plan().partnershipCode() == null) ? List.of()
				: this.partnerships.members(tree.plan().partnershipCode()).stream().filter(Partner::statutory).toList();
		List<ReportingPeriod> periods = this.updates.periods(planId);
		List<ReportingPeriod> past = periods.stream().filter((p) -> p.closesOn().isBefore(today)).toList();
		ProgressUpdates.Timeliness timeliness = this.updates.timeliness(planId, today);
		int reportsInYear = (int) this.committee.of(planId).stream().filter((r) -> !r.meetingDate().isBefore(today.minusYears(1))
				&& !r.meetingDate().isAfter(today)).count();
		return SixStatements.check(new SixStatements.Facts(tree, this.records.participation(planId, unpublished),
				this.records.evidence(planId, unpublished), this.records.contributions(planId), statutory, measureFacts, chosen, periods.size(),
				past.size(), (int) past.stream().filter((p) -> p.closedAt() != null).count(), timeliness.due(), timeliness.onTime(),
				reportsInYear, this.risks.of(planId, unpublished), this.records.equalityImpacts(planId, unpublished),
				(tree.plan().partnershipCode() != null) ? this.records.agreements(tree.plan().partnershipCode(), unpublished) : List.of(), today));
	}

}
