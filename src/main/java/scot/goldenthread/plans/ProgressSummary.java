package scot.goldenthread.plans;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import scot.goldenthread.measures.MeasureJudge;

/**
 * Progress in three counts, each most first in plain words: actions by status, measures by status against target,
 * and measures by trend.
 */
public record ProgressSummary(Map<String, Long> actions, Map<String, Long> measures, Map<String, Long> trends) {

	static ProgressSummary of(Stream<ActionStatus.Status> actions, List<MeasureJudge.Assessment> measures) {
		return new ProgressSummary(counts(actions.map((s) -> s.status().label())),
				counts(measures.stream().map((m) -> m.status().status().label())), counts(measures.stream().map((m) -> m.shortTerm().label())));
	}

	public boolean isEmpty() {
		return this.actions.isEmpty() && this.measures.isEmpty();
	}

	/** How many of each, most first. */
	static Map<String, Long> counts(Stream<String> labels) {
		Map<String, Long> counts = new LinkedHashMap<>();
		labels.collect(Collectors.groupingBy((l) -> l, Collectors.counting())).entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach((e) -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

}
