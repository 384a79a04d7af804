package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** What a measure's values count, and how a value is written for people. */
public enum Unit implements Coded {

	PERCENTAGE("Percentage"), PERCENTAGE_POINTS("Percentage points"), RATE("Rate per N"), COUNT("Count"),
	MONEY("Money (GBP)"), YEARS("Years"), INDEX("Index"),
	/** A percentage of another amount, not a share of a whole: reserves against a budget (375%), a pay gap (-1%). */
	PERCENTAGE_OF("Percentage of another amount"),
	/** A time, such as SIMD's average drive time to a GP surgery. */
	MINUTES("Minutes");

	private final String label;

	Unit(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** "22.1%", "14.3 percentage points", "5.2 per 1,000", "£87", "77 years", "12.5 minutes", "1,234". */
	public String format(double value, int decimals, Integer ratePer) {
		String number = number(value, decimals);
		return switch (this) {
			case PERCENTAGE, PERCENTAGE_OF -> number + "%";
			case PERCENTAGE_POINTS -> number + " percentage points";
			case RATE -> number + ((ratePer != null) ? " per " + number(ratePer, 0) : "");
			case MONEY -> (value < 0) ? "-£" + number(-value, decimals) : "£" + number;
			case YEARS -> number + " years";
			case MINUTES -> number + " minutes";
			case COUNT, INDEX -> number;
		};
	}

	private static String number(double value, int decimals) {
		DecimalFormat format = new DecimalFormat("#,##0" + ((decimals > 0) ? "." + "0".repeat(decimals) : ""),
				DecimalFormatSymbols.getInstance(Locale.UK));
		return format.format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
	}

	/** No statistic has more whole digits than this (a trillion pounds has 13) or more decimal places than this. */
	static final int MAX_DIGITS = 15;

	static final int MAX_DECIMALS = 10;

	/**
	 * Why a value is beyond every unit, if it is, such as 1e400. Read from precision and scale, never written out,
	 * so that 1e100000000 costs no more than 1.
	 */
	static Optional<String> outOfRange(BigDecimal value) {
		if (value.signum() != 0 && value.precision() - value.scale() > MAX_DIGITS) {
			return Optional.of("is too large to be a real value (more than " + MAX_DIGITS + " digits before the decimal point)");
		}
		if (value.scale() > MAX_DECIMALS && value.stripTrailingZeros().scale() > MAX_DECIMALS) {
			return Optional.of("has more than " + MAX_DECIMALS + " decimal places");
		}
		return Optional.empty();
	}

	/** What a numerator over its denominator is multiplied by in this unit: 100 for a percentage, N for a rate per N. */
	public BigDecimal per(Integer ratePer) {
		return switch (this) {
			case PERCENTAGE, PERCENTAGE_OF -> BigDecimal.valueOf(100);
			case RATE -> BigDecimal.valueOf((ratePer != null) ? ratePer : 1);
			default -> BigDecimal.ONE;
		};
	}

	/** Why a value is impossible in this unit, if it is. */
	public Optional<String> impossible(BigDecimal value) {
		Optional<String> outOfRange = outOfRange(value);
		if (outOfRange.isPresent()) {
			return outOfRange;
		}
		boolean negative = value.signum() < 0;
		return Optional.ofNullable(switch (this) {
			case PERCENTAGE -> negative ? "a percentage cannot be negative"
					: (value.compareTo(BigDecimal.valueOf(100)) > 0) ? "a percentage cannot be over 100" : null;
			case COUNT -> negative ? "a count cannot be negative" : (value.stripTrailingZeros().scale() > 0) ? "a count is a whole number" : null;
			case RATE, YEARS, MINUTES -> negative ? "a " + this.label.toLowerCase(Locale.ROOT) + " cannot be negative" : null;
			case MONEY, PERCENTAGE_POINTS, INDEX, PERCENTAGE_OF -> null;
		});
	}

	public static Optional<Unit> of(String code) {
		return Coded.of(Unit.class, code);
	}

}
