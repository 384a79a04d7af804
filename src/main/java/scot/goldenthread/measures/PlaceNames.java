package scot.goldenthread.measures;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A place as a file gives it: its code, or its name as councils write it ("Edinburgh City", "Argyll & Bute",
 * "Eilean Siar"), or a code it had before the boundary changes of 2018 and 2019. A name that matches nothing is
 * answered with the nearest names; one that matches two places, with both. Pure: the names are read once an import.
 */
final class PlaceNames {

	/** A place found ({@code code}), or why none is ({@code problem}). */
	record Found(String code, String problem) {
	}

	/** The place's name by its code. */
	private final Map<String, String> names;

	/** The place's level by its code. */
	private final Map<String, String> levels;

	/** Other names and old codes, compared as {@link #normalised} writes them, by the code they mean. */
	private final Map<String, String> aliases;

	/** What each text a file gave came to: a file names the same few places over and over. */
	private final Map<String, Found> found = new HashMap<>();

	/** The codes of the places each name means, as {@link #normalised} writes it: worked out once, not for each row. */
	private final Map<String, Set<String>> byName = new HashMap<>();

	PlaceNames(Map<String, String> names, Map<String, String> levels, Map<String, String> aliases) {
		this.names = names;
		this.levels = levels;
		this.aliases = aliases;
		names.forEach((code, name) -> this.byName.computeIfAbsent(normalised(name), (k) -> new LinkedHashSet<>()).add(code));
	}

	/** The levels from the widest: where a name means places at several (Highland, a council, a ward and a zone), the widest. */
	private static final List<String> WIDEST_FIRST = List.of("country", Geographies.COUNCIL_AREA, "ward", "locality", "intermediate-zone",
			"data-zone", Geographies.FAMILY_GROUP);

	private int breadth(String code) {
		return WIDEST_FIRST.indexOf(java.util.Objects.requireNonNullElse(this.levels.get(code), ""));
	}

	/** The level of a place found. */
	String level(String code) {
		return this.levels.get(code);
	}

	Found find(String text) {
		return this.found.computeIfAbsent(text, this::look);
	}

	private Found look(String text) {
		if (this.names.containsKey(text)) {
			return new Found(text, null);
		}
		if (text.isEmpty()) {
			return new Found(null, "is empty");
		}
		String wanted = normalised(text);
		Set<String> codes = new LinkedHashSet<>(this.byName.getOrDefault(wanted, Set.of()));
		if (this.aliases.containsKey(wanted)) {
			codes.add(this.aliases.get(wanted));
		}
		if (codes.size() > 1) {
			int widest = codes.stream().mapToInt(this::breadth).min().orElseThrow();
			List<String> atWidest = codes.stream().filter((code) -> breadth(code) == widest).toList();
			if (atWidest.size() == 1) {
				return new Found(atWidest.get(0), null);
			}
		}
		if (codes.size() == 1) {
			return new Found(codes.iterator().next(), null);
		}
		if (codes.size() > 1) {
			return new Found(null, "'" + text + "' is the name of more than one place: " + String.join(" and ",
					codes.stream().map((code) -> this.names.get(code) + " (" + code + ")").toList()) + "; give its code");
		}
		List<String> nearest = this.names.values().stream().distinct()
			.filter((name) -> distance(normalised(name), wanted) <= Math.max(2, wanted.length() / 3))
			.sorted(Comparator.comparingInt((String name) -> distance(normalised(name), wanted)).thenComparing(Comparator.naturalOrder()))
			.limit(3).toList();
		String what = text.matches("[A-Za-z]\\d{8}") ? "geography code" : "place code or name";
		return new Found(null, "'" + text + "' is not a known " + what
				+ (nearest.isEmpty() ? "" : "; did you mean " + String.join(" or ", nearest) + "?"));
	}

	/** "City of Edinburgh", "Edinburgh City" and "edinburgh council" alike: "edinburgh". */
	static String normalised(String name) {
		String words = name.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		return (" " + words + " ").replace(" council ", " ").replace(" city of ", " ").replace(" city ", " ").replaceAll("\\s+", " ")
			.strip();
	}

	/** The edits that turn one name into the other (Levenshtein). */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
