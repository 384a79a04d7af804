package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as plans write it relative to something else: "a 10% increase on the baseline", "25% fewer than the
 * baseline", "at or better than Scotland", "close the gap to Scotland by half". Pure: read from the words, then worked
 * out into the figure it means from the baseline or Scotland's value, with the words that say how.
 */
record RelativeTarget(Form form, BigDecimal share) {

	enum Form {

		/** The baseline and {@code share} more (a fraction: 0.1 for 10%). */
		MORE_THAN_BASELINE,
		/** The baseline less {@code share}. */
		FEWER_THAN_BASELINE,
		/** Scotland's value. */
		SCOTLAND,
		/** The baseline moved {@code share} of the way to Scotland's value. */
		CLOSE_THE_GAP

	}

	private static final Pattern MORE = Pattern.compile(
			"(?:an? )?(\\d+(?:\\.\\d+)?)% (?:(?:increase|rise)(?: on the baseline)?|(?:more|higher)(?: than the baseline)?)");

	private static final Pattern FEWER = Pattern.compile(
			"(?:an? )?(\\d+(?:\\.\\d+)?)% (?:(?:reduction|decrease|fall)(?: on the baseline)?|(?:fewer|less|lower)(?: than the baseline)?)");

	private static final Pattern SCOTLAND = Pattern.compile("(?:at or better than|in line with|the same as) scotland");

	private static final Pattern GAP = Pattern.compile("close the gap(?: (?:to|with) scotland)? by (half|a half|a third|a quarter|(\\d+(?:\\.\\d+)?)%)");

	/** Reads the words, or says what they may be. */
	static RelativeTarget parse(String text) {
		String words = text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceFirst("\\.$", "");
		Matcher m;
		if ((m = MORE.matcher(words)).matches()) {
			return new RelativeTarget(Form.MORE_THAN_BASELINE, percent(m.group(1)));
		}
		if ((m = FEWER.matcher(words)).matches()) {
			return new RelativeTarget(Form.FEWER_THAN_BASELINE, percent(m.group(1)));
		}
		if (SCOTLAND.matcher(words).matches()) {
			return new RelativeTarget(Form.SCOTLAND, BigDecimal.ONE);
		}
		if ((m = GAP.matcher(words)).matches()) {
			BigDecimal share = switch (m.group(1)) {
				case "half", "a half" -> new BigDecimal("0.5");
				case "a third" -> BigDecimal.ONE.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_EVEN);
				case "a quarter" -> new BigDecimal("0.25");
				default -> percent(m.group(2));
			};
			return new RelativeTarget(Form.CLOSE_THE_GAP, share);
		}
		throw new IllegalArgumentException("'" + text + "' is not a target this service can work out: write it as \"10% more than the"
				+ " baseline\", \"25% fewer than the baseline\", \"at or better than Scotland\" or \"close the gap to Scotland by half\"");
	}

	private static BigDecimal percent(String number) {
		return new BigDecimal(number).movePointLeft(2);
	}

	boolean needsBaseline() {
		return this.form != Form.SCOTLAND;
	}

	boolean needsScotland() {
		return this.form == Form.SCOTLAND || this.form == Form.CLOSE_THE_GAP;
	}

	/** The figure a target means, and the words that say how it was worked out. */
	record Worked(BigDecimal value, String basis) {
	}

	/**
	 * The figure from the baseline's value and period and Scotland's value and period (either null where not needed),
	 * rounded to the measure's decimals and written in its unit.
	 */
	Worked work(BigDecimal baseline, Period baselinePeriod, BigDecimal scotland, Period scotlandPeriod, StatusWording.Format format) {
		BigDecimal value = switch (this.form) {
			case MORE_THAN_BASELINE -> baseline.multiply(BigDecimal.ONE.add(this.share));
			case FEWER_THAN_BASELINE -> baseline.multiply(BigDecimal.ONE.subtract(this.share));
			case SCOTLAND -> scotland;
			case CLOSE_THE_GAP -> baseline.add(scotland.subtract(baseline).multiply(this.share));
		};
		value = value.setScale(format.decimals(), RoundingMode.HALF_EVEN);
		String percent = this.share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
		String baselineWords = (baseline == null) ? null : "the " + baselinePeriod.label() + " baseline of " + format.value(baseline.doubleValue());
		String scotlandWords = (scotland == null) ? null : "Scotland's " + scotlandPeriod.label() + " value of " + format.value(scotland.doubleValue());
		String basis = switch (this.form) {
			case MORE_THAN_BASELINE -> percent + " more than " + baselineWords;
			case FEWER_THAN_BASELINE -> percent + " fewer than " + baselineWords;
			case SCOTLAND -> "at or better than " + scotlandWords;
			case CLOSE_THE_GAP -> "the gap between " + baselineWords + " and " + scotlandWords + " closed by " + shareWords();
		};
		return new Worked(value, basis);
	}

	private String shareWords() {
		if (this.share.compareTo(new BigDecimal("0.5")) == 0) {
			return "half";
		}
		if (this.share.compareTo(new BigDecimal("0.25")) == 0) {
			return "a quarter";
		}
		return (this.share.scale() > 4) ? "a third" : this.share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
	}

}
