package scot.goldenthread.measures;

import java.util.List;
import java.util.Optional;

import scot.goldenthread.measures.StatusEngine.Judgement;
import scot.goldenthread.measures.StatusEngine.Point;
import scot.goldenthread.measures.StatusEngine.Target;
import scot.goldenthread.measures.StatusEngine.Trend;

/**
 * Status and trend in plain English that says why, so that no officer types "worse than last year"
 * by hand: "Getting worse compared with last year: 22.1% against 20.4%".
 */
final class StatusWording {

	private StatusWording() {
	}

	/** How a value is written: the measure's unit and decimal places. */
	public record Format(Unit unit, int decimals, Integer ratePer) {

		String value(double value) {
			return this.unit.format(value, this.decimals, this.ratePer);
		}

	}

	public static String shortTerm(List<Point> series, Trend trend, Format format) {
		Optional<Point> latest = StatusEngine.latest(series);
		if (latest.isEmpty() || trend == Trend.NOT_ENOUGH_DATA) {
			return "Not enough data to show a trend";
		}
		Point now = latest.get();
		Point before = StatusEngine.at(series, now.period().previous()).orElseThrow();
		String against = format.value(now.value()) + " against " + format.value(before.value());
		String when = "compared with last " + unitOfTime(now.period().type());
		return switch (trend) {
			case IMPROVING -> "Improving " + when + ": " + against;
			case WORSENING -> "Getting worse " + when + ": " + against;
			case NO_CHANGE -> "No change " + when + ": " + against;
			default -> "Changed " + when + ": " + against;
		};
	}

	public static String againstTarget(Judgement judgement, Format format) {
		return switch (judgement.status()) {
			case NO_DATA -> "No data yet" + ((judgement.target() != null) ? ": " + targetName(judgement.target()) + " of "
					+ format.value(judgement.target().value()) + " by " + judgement.target().period().label() : "");
			case DATA_ONLY -> "Data only: " + format.value(judgement.latest().value()) + " in " + judgement.latest().period().label();
			case NO_TARGET -> "No target set: " + format.value(judgement.latest().value()) + " in " + judgement.latest().period().label();
			default -> judgement.status().label() + ": " + format.value(judgement.latest().value()) + " in "
					+ judgement.latest().period().label() + " against "
					+ (judgement.onTrajectory() ? "a trajectory of " + format.value(judgement.expected()) + " towards "
							: "")
					+ targetName(judgement.target()) + " of " + format.value(judgement.target().value()) + " by "
					+ judgement.target().period().label();
		};
	}

	/** "The numeracy attainment gap has widened to 14.3 percentage points against a stretch aim of 11 percentage points." */
	public static String gap(String name, List<Point> gap, Target target, Format format) {
		Optional<Point> latest = StatusEngine.latest(gap);
		if (latest.isEmpty()) {
			return "No data yet for the " + name;
		}
		Trend trend = StatusEngine.shortTerm(gap, Polarity.LOWER_IS_BETTER, Tolerance.absolute(0), null);
		String movement = switch (trend) {
			case WORSENING -> " has widened to ";
			case IMPROVING -> " has narrowed to ";
			case NO_CHANGE -> " is unchanged at ";
			default -> " is ";
		};
		String sentence = "The " + name + movement + format.value(latest.get().value());
		if (target != null) {
			sentence += " against " + targetName(target) + " of " + format.value(target.value());
		}
		return sentence + ".";
	}

	/**
	 * "On course for a stretch aim of 11.0 percentage points by 2025/26 at the present rate (the trend of the last 5 values)", or
	 * "At the present rate it would be 15.2 percentage points by 2025/26, not the stretch aim of 11.0 percentage points (the trend of the last 5 values)".
	 */
	public static String forecast(Forecast.Projection projection, Format format) {
		Target target = projection.target();
		String rate = "(the trend of the last " + projection.values() + " values)";
		return projection.onCourse()
				? "On course for " + targetName(target) + " of " + format.value(target.value()) + " by " + target.period().label()
						+ " at the present rate " + rate
				: "At the present rate it would be " + format.value(projection.value()) + " by " + target.period().label() + ", not "
						+ targetName(target).replaceFirst("^a ", "the ") + " of " + format.value(target.value()) + " " + rate;
	}

	/**
	 * A target as a page lists it: "Stretch aim: 11.0 percentage points by 2022/23"; one set relative to the baseline or Scotland says how
	 * ("Long-term target: 39.6% by 2025/26, 10% more than the 2016/17 baseline of 36.0%").
	 */
	public static String target(Target target, String basis, Format format) {
		String name = targetName(target).replaceFirst("^a ", "");
		return Character.toUpperCase(name.charAt(0)) + name.substring(1) + ": " + format.value(target.value()) + " by "
				+ target.period().label() + ((basis != null) ? ", " + basis : "");
	}

	private static String targetName(Target target) {
		return (target.kind() == StatusEngine.TargetKind.STRETCH_AIM) ? "a stretch aim" : "a " + target.kind().code() + " target";
	}

	private static String unitOfTime(PeriodType type) {
		return switch (type) {
			case FINANCIAL_YEAR, ACADEMIC_YEAR, CALENDAR_YEAR -> "year";
			case QUARTER -> "quarter";
			case MONTH -> "month";
		};
	}

}
