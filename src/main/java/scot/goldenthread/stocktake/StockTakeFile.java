package scot.goldenthread.stocktake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import scot.goldenthread.plans.ImportProblem;
import scot.goldenthread.plans.PlanDocument;
import scot.goldenthread.plans.PlanImportException;
import scot.goldenthread.plans.PlanRecords;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.DateInput;
import scot.goldenthread.shared.Refused;

import org.springframework.stereotype.Component;

/**
 * The stock-take's records in the plan file: written beside the plan's elements, and read back through the same checks an
 * owner's forms make, each problem told with the record it is in.
 */
@Component
class StockTakeFile implements PlanRecords {

	private final StockTakeRecords records;

	StockTakeFile(StockTakeRecords records) {
		this.records = records;
	}

	@Override
	public PlanDocument.Records of(PlanTree tree, boolean unpublished) {
		long planId = tree.plan().id();
		Map<Long, String> codes = new HashMap<>();
		tree.elements().forEach((e) -> codes.put(e.id(), e.code()));
		return new PlanDocument.Records(
				this.records.participation(planId, unpublished).stream().map((p) -> new PlanDocument.Participation(p.kind().code(), p.title(),
						p.method().code(), text(p.heldFrom()), text(p.heldTo()), (p.participants() != null) ? p.participants().toString() : null,
						p.communities(), p.seldomHeard(), p.heard(), p.changed(), p.contact(), StockTakeRecords.audience(p.published()),
						p.elements().stream().map(codes::get).toList())).toList(),
				this.records.evidence(planId, unpublished).stream().map((e) -> new PlanDocument.Evidence(e.kind().code(), e.title(),
						text(e.publishedOn()), e.author(), e.link(), e.summary(), StockTakeRecords.audience(e.published()),
						e.elements().stream().map(codes::get).toList(), e.measures())).toList(),
				// an assessment of a committee paper stays with the paper, which the plan file does not carry
				this.records.equalityImpacts(planId, unpublished).stream().filter((q) -> q.committeeReportId() == null)
					.map((q) -> new PlanDocument.EqualityImpact(q.title(), text(q.assessedOn()), (q.outcome() != null) ? q.outcome().code() : null,
							q.summary(), q.link(), StockTakeRecords.audience(q.published()))).toList(),
				this.records.contributions(planId).stream().map((c) -> new PlanDocument.Contribution(codes.get(c.elementId()), c.partnerCode(),
						c.financialYear(), StockTakeRecords.plain(c.money()), StockTakeRecords.plain(c.fte()), c.inKind(),
						(c.redirected() ? Records.Contribution.Source.REDIRECTED : Records.Contribution.Source.NEW).code())).toList(),
				this.records.selfAssessments(planId).entrySet().stream().sorted(Map.Entry.comparingByKey())
					.map((a) -> new PlanDocument.SelfAssessment(a.getKey().toString(), a.getValue().selfAssessment(), a.getValue().improvementActions()))
					.toList());
	}

	@Override
	public void store(PlanTree tree, PlanDocument.Records file) {
		Map<String, Long> ids = new HashMap<>();
		tree.elements().forEach((e) -> ids.put(e.code(), e.id()));
		List<ImportProblem> problems = new ArrayList<>();
		for (int i = 0; i < file.participation().size(); i++) {
			PlanDocument.Participation p = file.participation().get(i);
			add(problems, "participation " + (i + 1), () -> this.records.save(tree, null, new StockTakeRecords.ParticipationForm(p.kind(), p.title(),
					p.method(), date(p.heldFrom()), date(p.heldTo()), p.participants(), String.join("\n", p.communities()),
					String.join("\n", p.seldomHeard()), p.heard(), p.changed(), p.contact(), p.audience(), elements(p.informs(), ids))));
		}
		for (int i = 0; i < file.evidence().size(); i++) {
			PlanDocument.Evidence e = file.evidence().get(i);
			add(problems, "evidence " + (i + 1), () -> this.records.save(tree, null, new StockTakeRecords.EvidenceForm(e.kind(), e.title(),
					date(e.publishedOn()), e.author(), e.link(), e.summary(), e.audience(), elements(e.informs(), ids), e.measures(), false), null));
		}
		for (int i = 0; i < file.equalityImpacts().size(); i++) {
			PlanDocument.EqualityImpact q = file.equalityImpacts().get(i);
			add(problems, "equality impact assessment " + (i + 1), () -> this.records.save(tree, null, new StockTakeRecords.EqualityImpactForm(null,
					q.title(), date(q.assessedOn()), q.outcome(), q.summary(), q.link(), q.audience(), false), null));
		}
		for (int i = 0; i < file.contributions().size(); i++) {
			PlanDocument.Contribution c = file.contributions().get(i);
			add(problems, "contribution " + (i + 1), () -> this.records.save(tree, null, new StockTakeRecords.ContributionForm(
					(c.to() != null) ? ids.getOrDefault(c.to().strip(), -1L) : null, c.partner(), c.financialYear(), c.money(), c.fte(), c.inKind(),
					c.source())));
		}
		for (PlanDocument.SelfAssessment a : file.selfAssessments()) {
			String where = "self-assessment " + a.statement();
			if (a.statement() == null || !a.statement().strip().matches("[1-6]")) {
				problems.add(new ImportProblem(where, "statement", "is one of the six statements, 1 to 6"));
			}
			else {
				add(problems, where, () -> this.records.assess(tree, Integer.parseInt(a.statement().strip()),
						new StockTakeRecords.SelfAssessmentForm(a.selfAssessment(), a.improvementActions())));
			}
		}
		if (!problems.isEmpty()) {
			throw new PlanImportException(problems);
		}
	}

	/** Adds a record, or notes each problem the form's checks find in it; a code the plan has not is an element of none. */
	private static void add(List<ImportProblem> problems, String where, Runnable adding) {
		try {
			adding.run();
		}
		catch (Refused ex) {
			ex.errors().forEach((field, reason) -> problems.add(new ImportProblem(where, field, reason)));
		}
	}

	/** The elements' ids by code; a code the plan has not is kept as an id no element has, for the form to refuse. */
	private static List<Long> elements(List<String> codes, Map<String, Long> ids) {
		return codes.stream().map((code) -> ids.getOrDefault(Objects.toString(code, "").strip(), -1L)).toList();
	}

	private static DateInput date(String text) {
		return (text == null || text.isBlank()) ? null : DateInput.parse(text);
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
