package scot.goldenthread.measures;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;

/**
 * Where a measure is heading at its present rate: a least-squares line through its latest values, carried on to
 * each target still ahead, and whether that reaches the target. A forecast says what the trend would give, not
 * what will happen; it needs at least {@link #FEWEST} values and reads no more than the last {@link #LATEST}.
 */
final class Forecast {

	/** Fewer values than this draw no line worth following. */
	static final int FEWEST = 3;

	/** The present rate is that of the latest values, not of the whole history. */
	static final int LATEST = 5;

	private Forecast() {
	}

	/** What the line gives for {@code target}'s period, whether that meets it, and how many values the line was drawn through. */
	record Projection(Target target, double value, boolean onCourse, int values) {
	}

	/** The least-squares line through the latest values: its value for a period, from the latest value's on. */
	record Line(Point latest, LocalDate origin, double meanX, double meanY, double slope, int values) {

		double at(Period period) {
			return this.meanY + this.slope * (years(this.origin, period.start()) - this.meanX);
		}

		boolean ahead(Period period) {
			return period.compareTo(this.latest.period()) > 0;
		}

	}

	/** The line through the latest values, if there are enough of them. */
	static Optional<Line> line(List<Point> series) {
		List<Point> latest = series.stream().sorted(Comparator.comparing(Point::period).reversed()).limit(LATEST)
			.sorted(Comparator.comparing(Point::period)).toList();
		if (latest.size() < FEWEST) {
			return Optional.empty();
		}
		LocalDate origin = latest.get(0).period().start();
		double[] x = latest.stream().mapToDouble((p) -> years(origin, p.period().start())).toArray();
		double[] y = latest.stream().mapToDouble(Point::value).toArray();
		double meanX = Arrays.stream(x).average().orElseThrow();
		double meanY = Arrays.stream(y).average().orElseThrow();
		double covariance = 0;
		double variance = 0;
		for (int i = 0; i < x.length; i++) {
			covariance += (x[i] - meanX) * (y[i] - meanY);
			variance += (x[i] - meanX) * (x[i] - meanX);
		}
		return Optional.of(new Line(latest.get(latest.size() - 1), origin, meanX, meanY, covariance / variance, latest.size()));
	}

	/** A projection for each target later than the latest value, in the targets' order; none where polarity makes no judgement. */
	static List<Projection> towards(List<Point> series, List<Target> targets, Polarity polarity) {
		if (polarity == Polarity.NO_JUDGEMENT) {
			return List.of();
		}
		return line(series).map((line) -> targets.stream().filter((t) -> line.ahead(t.period())).map((t) -> {
			double value = line.at(t.period());
			return new Projection(t, value, meets(value, line.latest().value(), t.value(), polarity), line.values());
		}).toList()).orElse(List.of());
	}

	/**
	 * Higher or lower as polarity wants, a hair's breadth of arithmetic counting as reaching it; for a value best
	 * close to its target, nearer to it than the latest value is.
	 */
	private static boolean meets(double projected, double latest, double target, Polarity polarity) {
		double exact = 1e-9;
		return switch (polarity) {
			case HIGHER_IS_BETTER -> projected >= target - exact;
			case LOWER_IS_BETTER -> projected <= target + exact;
			default -> Math.abs(projected - target) <= Math.abs(latest - target) + exact;
		};
	}

	/** Years counted in whole months, as every period starts on the first of a month: a year apart is exactly 1. */
	private static double years(LocalDate from, LocalDate to) {
		return ChronoUnit.MONTHS.between(from, to) / 12.0;
	}

}
