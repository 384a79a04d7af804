package scot.goldenthread.plans;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import scot.goldenthread.shared.Coded;

/**
 * A version of a plan: from when it is in force, who made it and why, and what changed from the version before.
 * {@code inForceTo} is the day before the next version came into force, null for the version in force now.
 */
public record PlanVersion(int number, LocalDate inForceFrom, LocalDate inForceTo, OffsetDateTime madeAt, String note,
		List<Change> changes) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	public boolean current() {
		return this.inForceTo == null;
	}

	/** "in force from 1 April 2025 to 31 May 2026", or from its first day alone while it is. */
	public String inForce() {
		return "in force from " + DAY.format(this.inForceFrom) + (current() ? "" : " to " + DAY.format(this.inForceTo));
	}

	/** One change to the plan: an element added, removed, reworded, moved or given other targets, or the plan's own. */
	public record Change(Kind kind, String code, String level, String before, String after) {

		public enum Kind implements Coded {

			ADDED("Added"), REMOVED("Removed"), REWORDED("Reworded"), MOVED("Moved"), TARGET("Target changed"), PLAN("The plan");

			private final String label;

			Kind(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

			public static Kind of(String code) {
				return Coded.of(Kind.class, code).orElseThrow();
			}

		}

	}

	/**
	 * What changed between two versions of a plan's file, elements matched by code: added, removed, reworded (title,
	 * short title or description), moved (to another parent or level) and targets changed (due date, measures, a
	 * project's aim), then the plan's own title, dates and levels. Progress is not a change of the plan: updates give it.
	 */
	public static List<Change> changes(PlanDocument before, PlanDocument after) {
		PlanLevels levelsBefore = PlanLevels.of(before.plan().levels());
		PlanLevels levelsAfter = PlanLevels.of(after.plan().levels());
		Map<String, Placed> was = placed(before.elements(), null);
		Map<String, Placed> now = placed(after.elements(), null);
		List<Change> changes = new ArrayList<>();
		now.forEach((code, p) -> {
			PlanDocument.Element e = p.element();
			String level = levelsAfter.label(e.kind());
			Placed old = was.get(code);
			if (old == null) {
				changes.add(new Change(Change.Kind.ADDED, code, level, null, e.title()));
				return;
			}
			PlanDocument.Element o = old.element();
			changed(changes, Change.Kind.REWORDED, code, level, "", o.title(), e.title());
			changed(changes, Change.Kind.REWORDED, code, level, "Short title: ", o.shortTitle(), e.shortTitle());
			changed(changes, Change.Kind.REWORDED, code, level, "Description: ", o.description(), e.description());
			changed(changes, Change.Kind.MOVED, code, level, "Under: ", old.parent(), p.parent());
			changed(changes, Change.Kind.MOVED, code, level, "Level: ", levelsBefore.label(o.kind()), level);
			changed(changes, Change.Kind.TARGET, code, level, "Due: ", o.due(), e.due());
			changed(changes, Change.Kind.TARGET, code, level, "Measures: ", measures(o), measures(e));
			changed(changes, Change.Kind.TARGET, code, level, "Aim: ", aim(o.project()), aim(e.project()));
		});
		was.forEach((code, p) -> {
			if (!now.containsKey(code)) {
				changes.add(new Change(Change.Kind.REMOVED, code, levelsBefore.label(p.element().kind()), p.element().title(), null));
			}
		});
		PlanDocument.Header b = before.plan();
		PlanDocument.Header a = after.plan();
		changed(changes, Change.Kind.PLAN, null, null, "Title: ", b.title(), a.title());
		changed(changes, Change.Kind.PLAN, null, null, "Starts: ", b.start(), a.start());
		changed(changes, Change.Kind.PLAN, null, null, "Ends: ", b.end(), a.end());
		changed(changes, Change.Kind.PLAN, null, null, "Levels: ", levelsBefore.words(), levelsAfter.words());
		return changes;
	}

	/** An element of a file with the code of the element it is under. */
	private record Placed(PlanDocument.Element element, String parent) {
	}

	private static Map<String, Placed> placed(List<PlanDocument.Element> elements, String parent) {
		Map<String, Placed> placed = new LinkedHashMap<>();
		for (PlanDocument.Element e : elements) {
			placed.put(e.code(), new Placed(e, parent));
			placed.putAll(placed(e.children(), e.code()));
		}
		return placed;
	}

	private static void changed(List<Change> changes, Change.Kind kind, String code, String level, String what, String before,
			String after) {
		if (!Objects.equals(blank(before), blank(after))) {
			changes.add(new Change(kind, code, level, what + ((blank(before) != null) ? before.strip() : "none"),
					what + ((blank(after) != null) ? after.strip() : "none")));
		}
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String measures(PlanDocument.Element e) {
		return e.measures().isEmpty() ? null
				: e.measures().stream().map((m) -> m.code() + ((m.role() != null) ? " (" + m.role() + ")" : "")).collect(Collectors.joining(", "));
	}

	private static String aim(PlanDocument.Project project) {
		return (project == null) ? null
				: String.join(", ", java.util.stream.Stream.of(project.aim(), project.byHowMuch(), project.byWhen()).filter(Objects::nonNull).toList());
	}

}
