package scot.goldenthread.measures;

import java.time.Month;

import scot.goldenthread.shared.Coded;

/** How a measure's periods run: the year types by the month they start in, then quarters and months. */
public enum PeriodType implements Coded {

	FINANCIAL_YEAR("Financial year", Month.APRIL, 12), ACADEMIC_YEAR("Academic year", Month.AUGUST, 12),
	CALENDAR_YEAR("Calendar year", Month.JANUARY, 12), QUARTER("Quarter", Month.JANUARY, 3),
	MONTH("Month", Month.JANUARY, 1);

	private final String label;

	private final Month firstMonth;

	private final int months;

	PeriodType(String label, Month firstMonth, int months) {
		this.label = label;
		this.firstMonth = firstMonth;
		this.months = months;
	}

	public String label() {
		return this.label;
	}

	/** The month a year of this type starts in (April for a financial year). */
	Month firstMonth() {
		return this.firstMonth;
	}

	/** How many months one period lasts. */
	public int months() {
		return this.months;
	}

	public static java.util.Optional<PeriodType> of(String code) {
		return Coded.of(PeriodType.class, code);
	}

}
