package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.measures.Polarity;

import org.springframework.stereotype.Component;

/**
 * A plan's versions, and the plan as a version no longer in force left it: read from the plan file that version kept,
 * each element with its id (kept when a later version leaves it out), so that its updates join it as they did then.
 */
@Component
class PlanVersions {

	private final PlanRepository plans;

	private final PlanFiles files;

	PlanVersions(PlanRepository plans, PlanFiles files) {
		this.plans = plans;
		this.files = files;
	}

	List<PlanVersion> of(long planId) {
		return this.plans.versions(planId);
	}

	/** The plan as the version left it; the tree given where that version is the one in force. */
	Optional<PlanTree> tree(PlanTree current, int number) {
		List<PlanVersion> versions = of(current.plan().id());
		if (number == versions.get(versions.size() - 1).number()) {
			return Optional.of(current);
		}
		return this.plans.document(current.plan().id(), number).map((text) -> tree(current.plan(),
				this.files.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML)));
	}

	private PlanTree tree(Plan now, PlanDocument document) {
		PlanDocument.Header h = document.plan();
		PlanLevels levels = PlanLevels.of(h.levels());
		Plan plan = new Plan(now.id(), now.code(), h.title(), PlanType.of(h.type()).orElseThrow(), now.partnershipCode(), now.partnershipName(),
				h.owner(), LocalDate.parse(h.start()), LocalDate.parse(h.end()), PlanStatus.of(h.status()).orElseThrow(),
				(h.approvedOn() != null) ? LocalDate.parse(h.approvedOn()) : null, h.description(), h.relatedPlans(), h.locality(), levels);
		return new PlanTree(plan, elements(plan, null, document.elements(), this.plans.elementIds(now.id())));
	}

	private static List<PlanElement> elements(Plan plan, Long parentId, List<PlanDocument.Element> elements, Map<String, Long> ids) {
		List<PlanElement> built = new ArrayList<>();
		for (PlanDocument.Element e : elements) {
			long id = ids.get(e.code());
			WrittenDate start = WrittenDate.read(e.start());
			WrittenDate due = WrittenDate.read(e.due());
			built.add(new PlanElement(id, plan.id(), parentId, e.code(), plan.levels().of(ElementKind.of(e.kind()).orElseThrow()), e.title(),
					e.shortTitle(), e.description(), (start != null) ? start.first() : null, (due != null) ? due.last() : null,
					(e.progress() != null) ? Integer.valueOf(e.progress().trim()) : null, e.assessment(), e.ownerDecision(), e.latestNote(),
					e.leads(), e.keyPlans(), e.programmes(), e.partnerships(), List.of(),
					e.measures().stream().map((m) -> new MeasureDefinition(m.code(), m.title(), Polarity.of(m.polarity()).orElseThrow())).toList(),
					elements(plan, id, e.children(), ids), e.locality(), (start != null) ? start.written() : null,
					(due != null) ? due.written() : null, Prevention.of(e.prevention()).orElse(null), project(e)));
		}
		return built;
	}

	private static ImprovementProject project(PlanDocument.Element e) {
		PlanDocument.Project p = e.project();
		if (p == null) {
			return null;
		}
		WrittenDate byWhen = WrittenDate.read(p.byWhen());
		Map<String, ImprovementProject.MeasureRole> roles = new HashMap<>();
		e.measures().forEach((m) -> ImprovementProject.MeasureRole.of(m.role()).ifPresent((role) -> roles.put(m.code(), role)));
		return new ImprovementProject(p.aim(), p.byHowMuch(), (byWhen != null) ? byWhen.last() : null, (byWhen != null) ? byWhen.written() : null,
				ImprovementProject.Phase.of(p.phase()).orElse(ImprovementProject.Phase.CHARTER), p.team(),
				p.changeIdeas().stream().map((i) -> new ImprovementProject.ChangeIdea(i.idea(),
						ImprovementProject.ChangeIdea.Status.of(i.status()).orElse(ImprovementProject.ChangeIdea.Status.UNTESTED))).toList(),
				p.endReport(), roles);
	}

}
