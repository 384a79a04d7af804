package scot.goldenthread.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Judges a measure's series: status against its target, trends, comparison with Scotland or a family
 * group, gaps between breakdowns and freshness. Pure functions of their arguments, so a past period
 * judged with the targets and tolerances then in force always gives the same answer.
 */
public final class StatusEngine {

	private StatusEngine() {
	}

	/** One value of a series. */
	public record Point(Period period, double value) {
	}

	public record Baseline(Period period, double value) {
	}

	public enum TargetKind implements scot.goldenthread.shared.Coded {

		SHORT_TERM, MEDIUM_TERM, LONG_TERM, STRETCH_AIM

	}

	public record Target(TargetKind kind, Period period, double value) {
	}

	public enum Status implements scot.goldenthread.shared.Coded {

		ON_TARGET("On target", "●"), WITHIN_TOLERANCE("Within tolerance", "▲"), OFF_TARGET("Off target", "■"), NO_TARGET("No target", ""),
		DATA_ONLY("Data only", ""), NO_DATA("No data", "");

		private final String label;

		private final String symbol;

		Status(String label, String symbol) {
			this.label = label;
			this.symbol = symbol;
		}

		public String label() {
			return this.label;
		}

		/** Shown with the words, never instead of them; none where there is nothing to judge. */
		public String symbol() {
			return this.symbol;
		}

	}

	/**
	 * The status of the latest value and what it was judged against: the target itself, or where the
	 * target is still to come, the straight trajectory from the baseline to it at the latest period.
	 */
	public record Judgement(Status status, Point latest, Target target, Double expected, boolean onTrajectory) {
	}

	public enum Trend implements scot.goldenthread.shared.Coded {

		IMPROVING("Improving", "⬆"), NO_CHANGE("No change", "➡"), WORSENING("Getting worse", "⬇"), NO_JUDGEMENT("No judgement", ""),
		NOT_ENOUGH_DATA("Not enough data", "");

		private final String label;

		private final String symbol;

		Trend(String label, String symbol) {
			this.label = label;
			this.symbol = symbol;
		}

		public String label() {
			return this.label;
		}

		/** Better or worse, not up or down. */
		public String symbol() {
			return this.symbol;
		}

	}

	public enum Comparison implements scot.goldenthread.shared.Coded {

		BETTER("Better"), SIMILAR("Similar"), WORSE("Worse"), NO_JUDGEMENT("No judgement"), NO_DATA("No data");

		private final String label;

		Comparison(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * Judges the latest value of the series against the target that applies to it: the first target
	 * due at or after the latest period, or else the last one. A target still to come is judged by its
	 * trajectory from the baseline where there is one.
	 */
	public static Judgement againstTarget(List<Point> series, Baseline baseline, List<Target> targets, Polarity polarity,
			Tolerance tolerance) {
		Optional<Point> latest = latest(series);
		List<Target> sorted = targets.stream().sorted(Comparator.comparing(Target::period)).toList();
		if (latest.isEmpty()) {
			// before any value, the first target is still what the measure aims at, and is shown
			return new Judgement(Status.NO_DATA, null, sorted.isEmpty() ? null : sorted.get(0), null, false);
		}
		Point point = latest.get();
		if (polarity == Polarity.NO_JUDGEMENT) {
			return new Judgement(Status.DATA_ONLY, point, null, null, false);
		}
		Optional<Target> target = sorted.stream()
			.filter((t) -> t.period().compareTo(point.period()) >= 0)
			.findFirst()
			.or(() -> sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get(sorted.size() - 1)));
		if (target.isEmpty()) {
			return new Judgement(Status.NO_TARGET, point, null, null, false);
		}
		Target t = target.get();
		boolean trajectory = t.period().compareTo(point.period()) > 0 && baseline != null
				&& baseline.period().compareTo(point.period()) < 0;
		double expected = trajectory ? trajectory(baseline, t, point.period()) : t.value();
		return new Judgement(status(point.value(), expected, polarity, tolerance), point, t, expected, trajectory);
	}

	/** Where the straight line from the baseline to the target stands at the given period. */
	static double trajectory(Baseline baseline, Target target, Period at) {
		double whole = ChronoUnit.DAYS.between(baseline.period().end(), target.period().end());
		double done = ChronoUnit.DAYS.between(baseline.period().end(), at.end());
		return baseline.value() + (target.value() - baseline.value()) * (done / whole);
	}

	/** On target, within tolerance (warning) or off target, as polarity says which side is good. */
	static Status status(double actual, double expected, Polarity polarity, Tolerance tolerance) {
		double band = tolerance.band(expected);
		double shortfall = switch (polarity) {
			case HIGHER_IS_BETTER -> expected - actual;
			case LOWER_IS_BETTER -> actual - expected;
			// closest to target: the tolerance is the distance that still counts as on target
			case CLOSEST_TO_TARGET -> Math.abs(actual - expected) - band;
			case NO_JUDGEMENT -> throw new IllegalArgumentException("no status without a judgement");
		};
		if (shortfall <= 0) {
			return Status.ON_TARGET;
		}
		return (shortfall <= band) ? Status.WITHIN_TOLERANCE : Status.OFF_TARGET;
	}

	/** The latest value against the one before it. */
	public static Trend shortTerm(List<Point> series, Polarity polarity, Tolerance noChange, Double target) {
		return trend(series, 1, polarity, noChange, target);
	}

	/** The latest value against five periods back, or three where the series is shorter. */
	public static Trend longTerm(List<Point> series, Polarity polarity, Tolerance noChange, Double target) {
		Trend five = trend(series, 5, polarity, noChange, target);
		return (five != Trend.NOT_ENOUGH_DATA) ? five : trend(series, 3, polarity, noChange, target);
	}

	/** The latest value against the one {@code back} periods before it; a missing period is not enough data. */
	static Trend trend(List<Point> series, int back, Polarity polarity, Tolerance noChange, Double target) {
		Optional<Point> latest = latest(series);
		if (latest.isEmpty()) {
			return Trend.NOT_ENOUGH_DATA;
		}
		Period earlierPeriod = latest.get().period();
		for (int i = 0; i < back; i++) {
			earlierPeriod = earlierPeriod.previous();
		}
		Optional<Point> earlier = at(series, earlierPeriod);
		if (earlier.isEmpty()) {
			return Trend.NOT_ENOUGH_DATA;
		}
		if (polarity == Polarity.NO_JUDGEMENT || (polarity == Polarity.CLOSEST_TO_TARGET && target == null)) {
			return Trend.NO_JUDGEMENT;
		}
		double gain = polarity.gain(latest.get().value(), earlier.get().value(), target);
		if (Math.abs(latest.get().value() - earlier.get().value()) <= noChange.band(earlier.get().value()) || gain == 0) {
			return Trend.NO_CHANGE;
		}
		return (gain > 0) ? Trend.IMPROVING : Trend.WORSENING;
	}

	/** The value against a comparator's for the same period: Scotland, or a family group of councils. */
	public static Comparison compare(double value, Double comparator, Polarity polarity, Tolerance similar) {
		if (comparator == null) {
			return Comparison.NO_DATA;
		}
		if (polarity == Polarity.NO_JUDGEMENT || polarity == Polarity.CLOSEST_TO_TARGET) {
			return Comparison.NO_JUDGEMENT;
		}
		if (Math.abs(value - comparator) <= similar.band(comparator)) {
			return Comparison.SIMILAR;
		}
		return (polarity.gain(value, comparator, null) > 0) ? Comparison.BETTER : Comparison.WORSE;
	}


	/**
	 * The rolling average over {@code years} periods, at each period that ends a run of that many with values, one after
	 * another: as survey-based indicators are published, so that a measure is judged on it.
	 */
	public static List<Point> rolling(List<Point> series, int years) {
		List<Point> rolling = new ArrayList<>();
		for (int i = years - 1; i < series.size(); i++) {
			List<Point> run = series.subList(i - years + 1, i + 1);
			boolean consecutive = true;
			for (int j = 1; j < run.size(); j++) {
				consecutive &= run.get(j - 1).period().next().equals(run.get(j).period());
			}
			if (consecutive) {
				rolling.add(new Point(series.get(i).period(), run.stream().mapToDouble(Point::value).average().orElseThrow()));
			}
		}
		return rolling;
	}

	/**
	 * The gap between two breakdowns (SIMD quintile 5 less quintile 1, say) for each period both have;
	 * a gap is a series of its own, judged lower is better.
	 */
	public static List<Point> gap(List<Point> higher, List<Point> lower) {
		Map<Period, Double> lowerByPeriod = new TreeMap<>();
		lower.forEach((p) -> lowerByPeriod.put(p.period(), p.value()));
		List<Point> gap = new ArrayList<>();
		higher.stream()
			.sorted(Comparator.comparing(Point::period))
			.filter((p) -> lowerByPeriod.containsKey(p.period()))
			.forEach((p) -> gap.add(new Point(p.period(), p.value() - lowerByPeriod.get(p.period()))));
		return gap;
	}

	/**
	 * Whether the latest data is older than the period type allows: the period after it should have
	 * been published within {@code publicationLag} of its end.
	 */
	public static boolean stale(Period latest, LocalDate today, java.time.Period publicationLag) {
		return today.isAfter(latest.next().end().plus(publicationLag));
	}

	static Optional<Point> latest(List<Point> series) {
		return series.stream().max(Comparator.comparing(Point::period));
	}

	static Optional<Point> at(List<Point> series, Period period) {
		return series.stream().filter((p) -> p.period().equals(period)).findFirst();
	}

}
