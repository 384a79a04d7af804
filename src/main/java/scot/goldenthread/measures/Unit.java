package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import scot.goldenthread.shared.Coded;

/** What a measure's values count, and how a value is written for people. */
public enum Unit implements Coded {

	PERCENTAGE("Percentage"), PERCENTAGE_POINTS("Percentage points"), RATE("Rate per N"), COUNT("Count"),
	MONEY("Money (GBP)"), YEARS("Years"), INDEX("Index");

	private final String label;

	Unit(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** "22.1%", "14.3pp", "5.2 per 1,000", "£87", "77 years", "1,234". */
	public String format(double value, int decimals, Integer ratePer) {
		String number = number(value, decimals);
		return switch (this) {
			case PERCENTAGE -> number + "%";
			case PERCENTAGE_POINTS -> number + "pp";
			case RATE -> number + ((ratePer != null) ? " per " + number(ratePer, 0) : "");
			case MONEY -> (value < 0) ? "-£" + number(-value, decimals) : "£" + number;
			case YEARS -> number + " years";
			case COUNT, INDEX -> number;
		};
	}

	private static String number(double value, int decimals) {
		DecimalFormat format = new DecimalFormat("#,##0" + ((decimals > 0) ? "." + "0".repeat(decimals) : ""),
				DecimalFormatSymbols.getInstance(Locale.UK));
		return format.format(BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
	}

	public static java.util.Optional<Unit> of(String code) {
		return Coded.of(Unit.class, code);
	}

}
