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

	/** A page of what was found ({@code page} from 1), in sections, and how many were found in all. */
	public record Results(List<Hit> plans, List<Hit> elements, List<Hit> measures, int total, int page) {

		public int size() {
			return this.total;
		}

		public int pages() {
			return Math.max(1, (this.total + PAGE - 1) / PAGE);
		}

		/** Where this page starts and ends, counting from 1. */
		public int first() {
			return Math.min(this.total, (this.page - 1) * PAGE + 1);
		}

		public int last() {
			return Math.min(this.total, this.page * PAGE);
		}

	}

	/** How many results a page shows. */
	public static final int PAGE = 20;

	/**
	 * The page asked for of what matches: with words, only the plans, elements and measures PostgreSQL finds for
	 * them (best first) are read, so the cost follows what is found, not all there is.
	 */
	public Results find(Query query, int page) {
		List<PlanCatalogue.Match> matched = (query.q() != null) ? this.plans.matching(query.q()) : null;
		Map<String, Float> matchedMeasures = (query.q() != null) ? this.measures.matching(query.q()) : null;
		Map<Long, Float> elementRank = new HashMap<>();
		Map<Long, Float> planRank = new HashMap<>();
		if (matched != null) {
			matched.forEach((m) -> {
				if (m.elementId() != null) {
					elementRank.put(m.elementId(), m.rank());
				}
				else {
					planRank.put(m.planId(), m.rank());
				}
			});
		}
		Set<Long> read = (matched != null) ? matched.stream().map(PlanCatalogue.Match::planId).collect(Collectors.toSet()) : null;
		List<PlanTree> trees = this.plans.trees(this.plans.plans().stream().filter((p) -> read == null || read.contains(p.id())).toList(),
				this.access);
		ActionStatuses.Judged judged = this.statuses.of(trees);
		List<Ranked> plans = new ArrayList<>();
		List<Ranked> elements = new ArrayList<>();
		for (PlanTree tree : trees) {
			Plan plan = tree.plan();
			if (query.lead() == null && query.status() == null && (matched == null || planRank.containsKey(plan.id()))
					&& matches(query.partner(), plan.partnershipName(), plan.owner())) {
				plans.add(new Ranked(planRank.getOrDefault(plan.id(), 0f), new Hit("Plan", plan.code(), plan.title(), plan.partnershipName(),
						"/plans/" + plan.id(), List.of(), plan.status().label())));
			}
			for (PlanElement e : tree.elements()) {
				ExpectedOutcome status = (e.kind() == ElementKind.ACTION) ? judged.of(e).status() : null;
				if ((matched == null || elementRank.containsKey(e.id())) && matches(query.lead(), e.leads())
						&& matches(query.partner(), join(e.leads(), e.partnerships()))
						&& statusMatches(query.status(), "action", (status != null) ? status.code() : null)) {
					elements.add(new Ranked(elementRank.getOrDefault(e.id(), 0f), new Hit(e.kind().label(), e.code(), e.headline(), plan.title(),
							"/plans/" + plan.id() + "/elements/" + e.id(), e.leads(), (status != null) ? status.label() : null)));
				}
			}
		}
		List<Ranked> measures = new ArrayList<>();
		if (!query.isEmpty()) {
			List<Measure> all = this.measures.measures();
			List<Measure> found = all.stream()
				.filter((m) -> m.published() && (matchedMeasures == null || matchedMeasures.containsKey(m.code()))
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
		// each section best first (a stable sort keeps the plans' own order among equals), then a page of them all
		List<List<Ranked>> sections = List.of(plans, elements, measures);
		sections.forEach((section) -> section.sort(Comparator.comparing(Ranked::rank).reversed()));
		int total = plans.size() + elements.size() + measures.size();
		int shown = Math.max(1, Math.min(page, Math.max(1, (total + PAGE - 1) / PAGE)));
		int from = (shown - 1) * PAGE;
		List<List<Hit>> paged = new ArrayList<>();
		int offset = 0;
		for (List<Ranked> section : sections) {
			int start = Math.min(section.size(), Math.max(0, from - offset));
			int end = Math.min(section.size(), Math.max(0, from + PAGE - offset));
			paged.add(section.subList(start, end).stream().map(Ranked::hit).toList());
			offset += section.size();
		}
		return new Results(paged.get(0), paged.get(1), paged.get(2), total, shown);
	}

	private record Ranked(float rank, Hit hit) {
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
