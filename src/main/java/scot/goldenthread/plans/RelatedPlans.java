package scot.goldenthread.plans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans a plan names as related, as its page lists them: each once, never the plan itself, and linked to where
 * Golden Thread holds it. Names are compared as people write them: "2024/34" is "2024-2034", case and punctuation aside.
 */
final class RelatedPlans {

	private static final Pattern YEARS = Pattern.compile("(\\d{4})\\s*[-/–]\\s*(\\d{2}|\\d{4})\\b");

	private RelatedPlans() {
	}

	/** A related plan's name as written, and the plan held under that name, if any. */
	record Related(String name, Long planId) {
	}

	static List<Related> of(Plan plan, List<Plan> held) {
		Map<String, Long> byName = new HashMap<>();
		held.forEach((p) -> byName.putIfAbsent(key(p.title()), p.id()));
		Set<String> seen = new HashSet<>(Set.of(key(plan.title())));
		List<Related> related = new ArrayList<>();
		for (String name : plan.relatedPlans()) {
			if (seen.add(key(name))) {
				related.add(new Related(name, byName.get(key(name))));
			}
		}
		return related;
	}

	/** A name as compared: its year ranges written in full, lower case, letters and digits only. */
	static String key(String name) {
		Matcher years = YEARS.matcher(name);
		StringBuilder full = new StringBuilder();
		while (years.find()) {
			String end = years.group(2);
			years.appendReplacement(full, years.group(1) + "-" + ((end.length() == 2) ? years.group(1).substring(0, 2) + end : end));
		}
		years.appendTail(full);
		return full.toString().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

}
