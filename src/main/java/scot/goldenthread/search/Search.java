package scot.goldenthread.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

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

	private final MeasureJudge judge;

	private final Access access;

	private final Clock clock;

	private final ActionStatuses statuses;

	Search(PlanCatalogue plans, MeasureCatalogue measures, MeasureJudge judge, Access access, ActionStatuses statuses, Clock clock) {
		this.statuses = statuses;
		this.plans = plans;
		this.measures = measures;
		this.judge = judge;
		this.access = access;
		this.clock = clock;
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

	public record Results(List<Hit> plans, List<Hit> elements, List<Hit> measures) {

		public int size() {
			return this.plans.size() + this.elements.size() + this.measures.size();
		}

	}

	public Results find(Query query) {
		List<Hit> plans = new ArrayList<>();
		List<Hit> elements = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		List<PlanTree> trees = this.plans.trees(this.plans.plans(), this.access);
		ActionStatuses.Judged judged = this.statuses.of(trees);
		for (PlanTree tree : trees) {
			Plan plan = tree.plan();
			if (query.lead() == null && query.status() == null && matches(query.q(), plan.code(), plan.title(), plan.description())
					&& matches(query.partner(), plan.partnershipName(), plan.owner())) {
				plans.add(new Hit("Plan", plan.code(), plan.title(), plan.partnershipName(), "/plans/" + plan.id(), List.of(), plan.status().label()));
			}
			for (PlanElement e : tree.elements()) {
				ExpectedOutcome status = (e.kind() == ElementKind.ACTION) ? judged.of(e).status() : null;
				if (matches(query.q(), e.code(), e.title(), e.shortTitle(), e.description(), e.latestNote())
						&& matches(query.lead(), e.leads()) && matches(query.partner(), join(e.leads(), e.partnerships()))
						&& statusMatches(query.status(), "action", (status != null) ? status.code() : null)) {
					elements.add(new Hit(e.kind().label(), e.code(), e.headline(), plan.title(), "/plans/" + plan.id() + "/elements/" + e.id(),
							e.leads(), (status != null) ? status.label() : null));
				}
			}
		}
		List<Hit> measures = new ArrayList<>();
		if (query.q() != null || query.lead() != null || query.partner() != null || query.status() != null) {
			List<Measure> found = this.measures.measures().stream()
				.filter((m) -> m.published() && matches(query.q(), m.code(), m.title(), m.description(), m.source())
						&& matches(query.lead(), m.lead()) && matches(query.partner(), m.lead(), m.source()))
				.toList();
			for (MeasureJudge.Assessment a : this.judge.assess(found, this.clock.instant(), today)) {
				Measure m = a.measure();
				if (statusMatches(query.status(), "measure", a.status().status().code())) {
					measures.add(new Hit("Measure", m.code(), m.title(), m.kind().label(), "/measures/" + m.code(),
							(m.lead() != null) ? List.of(m.lead()) : List.of(), a.status().status().label()));
				}
			}
		}
		return new Results(plans, elements, measures);
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
