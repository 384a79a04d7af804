package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.List;

import scot.goldenthread.shared.Coded;

import org.springframework.stereotype.Component;

/** Turns a stored plan back into its file, so that export then import gives back the same plan. */
@Component
class PlanExporter {

	/** The plan's file, its elements alone. */
	PlanDocument document(PlanTree tree) {
		return document(tree, null);
	}

	PlanDocument document(PlanTree tree, PlanDocument.Records records) {
		Plan plan = tree.plan();
		PlanDocument.Header header = new PlanDocument.Header(plan.code(), plan.title(), plan.type().code(),
				plan.partnershipCode(), plan.owner(), text(plan.start()), text(plan.end()), plan.status().code(),
				text(plan.approvedOn()), plan.description(), plan.relatedPlans(), plan.locality(),
				plan.levels().named() ? plan.levels().levels().stream().map((l) -> new PlanDocument.Level(l.kind().code(), l.label(), l.plural())).toList()
						: List.of());
		return new PlanDocument(PlanDocument.FORMAT, header, elements(tree.roots()), records);
	}

	private List<PlanDocument.Element> elements(List<PlanElement> elements) {
		return elements.stream().map(this::element).toList();
	}

	private PlanDocument.Element element(PlanElement e) {
		return new PlanDocument.Element(e.code(), e.kind().code(), e.title(), e.shortTitle(), e.description(),
				e.startText(), e.dueText(), (e.progress() != null) ? e.progress().toString() : null,
				Coded.codeOf(e.statedOutcome()), e.leads(), e.latestNote(),
				e.alignedTo().stream().map(PlanElement.Alignment::reference).toList(),
				e.measures().stream().map((m) -> new PlanDocument.Measure(m.code(), m.title(), m.polarity().code(), role(e, m.code()))).toList(),
				e.keyPlans(), e.programmes(), e.partnerships(), elements(e.children()), null, e.locality(), Coded.codeOf(e.prevention()),
				project(e.project()));
	}

	private static String role(PlanElement e, String measureCode) {
		return (e.project() != null) ? Coded.codeOf(e.project().roles().get(measureCode)) : null;
	}

	private static PlanDocument.Project project(ImprovementProject p) {
		return (p == null) ? null : new PlanDocument.Project(p.aim(), p.byHowMuch(), p.byWhenText(), p.phase().code(), p.team(),
				p.changeIdeas().stream().map((i) -> new PlanDocument.ChangeIdea(i.idea(), i.status().code())).toList(), p.endReport());
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
