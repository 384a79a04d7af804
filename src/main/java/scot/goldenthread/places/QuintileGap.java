package scot.goldenthread.places;

import java.util.List;

import scot.goldenthread.measures.Measure;
import scot.goldenthread.measures.Period;
import scot.goldenthread.measures.Unit;

/**
 * The gap between the most and least deprived fifth of a place (its data zones in SIMD quintile 1 and quintile 5)
 * for each period both have a value, as a series of its own, and what it says in words.
 */
public record QuintileGap(Measure measure, String placeName, List<Point> points) {

	/** A period's value in the most deprived fifth, in the least, and the gap: the first less the second. */
	public record Point(Period period, double mostDeprived, double leastDeprived) {

		public double gap() {
			return this.mostDeprived - this.leastDeprived;
		}

	}

	public boolean known() {
		return !this.points.isEmpty();
	}

	public Point latest() {
		return this.points.get(this.points.size() - 1);
	}

	/** A difference in the measure's terms: percentage points for a percentage, the unit itself otherwise. */
	public String difference(double value) {
		return difference(this.measure, value);
	}

	/** A difference between two values of the measure, without its sign, in its terms. */
	static String difference(Measure measure, double value) {
		Unit unit = (measure.unit() == Unit.PERCENTAGE) ? Unit.PERCENTAGE_POINTS : measure.unit();
		return unit.format(Math.abs(value), measure.decimals(), measure.ratePer());
	}

	public String value(double value) {
		return this.measure.unit().format(value, this.measure.decimals(), this.measure.ratePer());
	}

	/** "The gap between the most and least deprived fifth of Alloa has narrowed from 12.0 to 9.5 points since 2017." */
	public String wording() {
		if (!known()) {
			return "The gap between the most and least deprived fifth of " + this.placeName
					+ " is not known: it needs data zones in both Scotland's most and least deprived fifth with a value.";
		}
		Point now = latest();
		String gap = "The gap between the most and least deprived fifth of " + this.placeName;
		String between = " (" + value(now.mostDeprived()) + " in the most deprived, " + value(now.leastDeprived()) + " in the least)";
		if (this.points.size() == 1) {
			return gap + " is " + difference(now.gap()) + " in " + now.period().label() + between
					+ ". One period is published, so whether it is narrowing is not yet known.";
		}
		Point first = this.points.get(0);
		String from = difference(first.gap());
		String to = difference(now.gap());
		String moved = from.equals(to) ? " has not changed from " + to
				: (Math.abs(now.gap()) < Math.abs(first.gap()) ? " has narrowed from " : " has widened from ") + from + " to " + to;
		return gap + moved + " since " + first.period().label() + between + ".";
	}

}
