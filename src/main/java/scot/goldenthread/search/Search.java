package scot.goldenthread.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import scot.goldenthread.measures.KeptJudgements;
import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureJudge;
import scot.goldenthread.people.Access;
import scot.goldenthread.plans.ActionStatuses;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.ExpectedOutcome;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.shared.Paging;

import org.springframework.stereotype.Service;

/**
 * Finds plans, their elements and measures by words, lead, partner and status, among what the person
 * asking may see: the public finds only what is published.
 */
@Service
public class Search {

	private final PlanCatalogue plans;

	private final MeasureCatalogue measures;

	private final KeptJudgements judgements;

	private final Access access;

	private final ActionStatuses statuses;

	Search(PlanCatalogue plans, MeasureCatalogue measures, KeptJudgements judgements, Access access, ActionStatuses statuses) {
		this.statuses = statuses;
		this.plans = plans;
		this.measures = measures;
		this.judgements = judgements;
		this.access = access;
	}

	/**
	 * What is asked: words anywhere in the text, part of a lead's name, part of a partner's name, and a
	 * status, "action:on-track" or "measure:off-target"; any of them may be blank.
	 */
	public record Query(String q, String lead, String partner, String status) {

		public boolean isEmpty() {
			return Stream.of(this.q, this.lead, this.partner, this.status).allMatch((s) -> s == null || s.isBlank());
		}

	}

	/** One thing found: what it is, its code and title, where it is, its leads and its status in words. */
	public record Hit(String kind, String code, String title, String where, String link, List<String> leads, String status) {
	}

	/** A page of what was found, in sections, and how many were found in all. */
	public record Results(List<Hit> plans, List<Hit> elements, List<Hit> measures, Paging paging) {
	}

	/** How many results a page shows. */
	public static final int PAGE = 20;

	/**
	 * The page asked for of what matches: with words, only the plans, elements and measures PostgreSQL finds for
	 * them (best first) are read, so the cost follows what is found, not all there is; with words alone, only the
	 * plans of the elements on the page are read.
	 */
	public Results find(Query query, int page) {
		List<Plan> visible = this.plans.plans(this.access);
		Map<Long, Integer> planOrder = new HashMap<>();
		visible.forEach((p) -> planOrder.put(p.id(), planOrder.size()));
		List<PlanCatalogue.Match> matched = (query.q() == null) ? null
				: this.plans.matching(query.q()).stream().filter((m) -> planOrder.containsKey(m.planId())).toList();
		Map<Long, Float> planRank = new HashMap<>();
		List<Found> elements = new ArrayList<>();
		if (matched != null) {
			matched.stream().filter((m) -> m.elementId() == null).forEach((m) -> planRank.put(m.planId(), m.rank()));
		}
		List<Ranked> plans = new ArrayList<>();
		for (Plan plan : visible) {
			if (query.lead() == null && query.status() == null && (matched == null || planRank.containsKey(plan.id()))
					&& matches(query.partner(), plan.partnershipName(), plan.owner())) {
				plans.add(new Ranked(planRank.getOrDefault(plan.id(), 0f), new Hit("Plan", plan.code(), plan.title(), plan.partnershipName(),
						"/plans/" + plan.id(), List.of(), plan.status().label())));
			}
		}
		Map<Long, PlanTree> trees = new HashMap<>();
		ActionStatuses.Judged judged = null;
		if (matched != null && query.lead() == null && query.partner() == null && query.status() == null) {
			matched.stream().filter((m) -> m.elementId() != null)
				.forEach((m) -> elements.add(new Found(m.rank(), planOrder.get(m.planId()), m.planId(), m.elementId())));
		}
		else {
			// the filters ask what only the plans' trees hold: their leads, partners and the actions' statuses
			Set<Long> read = (matched != null) ? matched.stream().map(PlanCatalogue.Match::planId).collect(Collectors.toSet()) : null;
			Map<Long, Float> elementRank = new HashMap<>();
			if (matched != null) {
				matched.stream().filter((m) -> m.elementId() != null).forEach((m) -> elementRank.put(m.elementId(), m.rank()));
			}
			this.plans.trees(visible.stream().filter((p) -> read == null || read.contains(p.id())).toList(), this.access)
				.forEach((t) -> trees.put(t.plan().id(), t));
			judged = this.statuses.of(List.copyOf(trees.values()));
			for (PlanTree tree : trees.values()) {
				for (PlanElement e : tree.elements()) {
					ExpectedOutcome status = (e.kind() == ElementKind.ACTION) ? judged.of(e).status() : null;
					if ((matched == null || elementRank.containsKey(e.id())) && matches(query.lead(), e.leads())
							&& matches(query.partner(), join(e.leads(), e.partnerships()))
							&& statusMatches(query.status(), "action", (status != null) ? status.code() : null)) {
						elements.add(new Found(elementRank.getOrDefault(e.id(), 0f), planOrder.get(tree.plan().id()), tree.plan().id(), e.id()));
					}
				}
			}
		}
		List<Ranked> measures = new ArrayList<>();
		if (!query.isEmpty()) {
			Map<String, Float> matchedMeasures = (query.q() != null) ? this.measures.matching(query.q()) : null;
			List<Measure> all = this.measures.measures();
			List<Measure> found = all.stream()
				.filter((m) -> m.listed() && (matchedMeasures == null || matchedMeasures.containsKey(m.code()))
						&& matches(query.lead(), m.lead()) && matches(query.partner(), m.lead(), m.source()))
				.toList();
			for (MeasureJudge.Assessment a : this.judgements.today(found, all)) {
				Measure m = a.measure();
				if (statusMatches(query.status(), "measure", a.status().status().code())) {
					measures.add(new Ranked((matchedMeasures != null) ? matchedMeasures.get(m.code()) : 0f, new Hit("Measure", m.code(), m.title(),
							m.kind().label(), "/measures/" + m.code(), (m.lead() != null) ? List.of(m.lead()) : List.of(), a.status().status().label())));
				}
			}
		}
		// each section best first, equals in the plans' order and each plan's elements as they were made; then a page of them all
		plans.sort(Comparator.comparing(Ranked::rank).reversed());
		measures.sort(Comparator.comparing(Ranked::rank).reversed());
		elements.sort(Comparator.comparing(Found::rank).reversed().thenComparing(Found::planOrder).thenComparing(Found::elementId));
		Paging paging = Paging.of(page, PAGE, plans.size() + elements.size() + measures.size());
		List<Found> shownElements = slice(elements, paging, plans.size());
		if (judged == null) {
			Set<Long> read = shownElements.stream().map(Found::planId).collect(Collectors.toSet());
			this.plans.trees(visible.stream().filter((p) -> read.contains(p.id())).toList(), this.access).forEach((t) -> trees.put(t.plan().id(), t));
			judged = this.statuses.of(List.copyOf(trees.values()));
		}
		List<Hit> elementHits = new ArrayList<>();
		for (Found f : shownElements) {
			// an element removed since it was found is left out rather than failing the page
			PlanTree tree = trees.get(f.planId());
			PlanElement e = (tree != null) ? tree.element(f.elementId()).orElse(null) : null;
			if (e != null) {
				ExpectedOutcome status = (e.kind() == ElementKind.ACTION) ? judged.of(e).status() : null;
				elementHits.add(new Hit(e.level().label(), e.code(), e.headline(), tree.plan().title(),
						"/plans/" + tree.plan().id() + "/elements/" + e.id(), e.leads(), (status != null) ? status.label() : null));
			}
		}
		return new Results(slice(plans, paging, 0).stream().map(Ranked::hit).toList(), elementHits,
				slice(measures, paging, plans.size() + elements.size()).stream().map(Ranked::hit).toList(), paging);
	}

	/** The part of a section on the page, the section starting {@code offset} into all that was found. */
	private static <T> List<T> slice(List<T> section, Paging paging, int offset) {
		int start = Math.min(section.size(), Math.max(0, paging.offset() - offset));
		int end = Math.min(section.size(), Math.max(0, paging.offset() + paging.size() - offset));
		return section.subList(start, end);
	}

	private record Ranked(float rank, Hit hit) {
	}

	/** An element found, before it is read. */
	private record Found(float rank, int planOrder, long planId, long elementId) {
	}

	private static boolean statusMatches(String wanted, String kind, String status) {
		return wanted == null || wanted.equals(kind + ":" + status);
	}

	private static boolean matches(String words, Collection<String> texts) {
		return matches(words, texts.toArray(String[]::new));
	}

	/** Every word is somewhere in the texts, whatever its case. */
	private static boolean matches(String words, String... texts) {
		if (words == null) {
			return true;
		}
		String all = String.join(" ", Stream.of(texts).filter(Objects::nonNull).toList()).toLowerCase(Locale.ROOT);
		return Stream.of(words.toLowerCase(Locale.ROOT).split("\\s+")).filter((w) -> !w.isEmpty()).allMatch(all::contains);
	}

	private static List<String> join(List<String> a, List<String> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

}
