package scot.goldenthread.measures;

import java.time.LocalDate;
import java.util.List;

/**
 * A measure's definition: what it counts, how often, which way is good, the breakdowns and levels of place it
 * is published for, and the place judged with the family group of councils it is compared with beside Scotland; a
 * measure with {@code rollingYears} is judged on its own rolling average over that many periods; one {@code retiredOn} a
 * date is no longer used.
 */
public record Measure(long id, String code, String title, String description, Kind kind, Unit unit, Integer ratePer,
		int decimals, Polarity polarity, PeriodType periodType, String source, String lead, List<String> dimensions,
		List<String> geographyLevels, String area, String familyGroup, Gap gap, boolean published, Integer rollingYears, LocalDate retiredOn) {

	/** Public and in use: in the lists, the search and the places' pages. A retired measure keeps its own page and values. */
	public boolean listed() {
		return this.published && this.retiredOn == null;
	}

	/**
	 * Where a gap measure's values come from: measure {@code of}, its breakdown {@code dimension}
	 * at {@code higher} less at {@code lower} ("SIMD quintile" 5 less 1).
	 */
	public record Gap(String of, String dimension, String higher, String lower) {

		String breakdown(String value) {
			return this.dimension + "=" + value;
		}

	}

	public enum Kind implements scot.goldenthread.shared.Coded {

		POPULATION_INDICATOR("Population indicator"), PERFORMANCE_MEASURE("Performance measure");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		public static java.util.Optional<Kind> of(String code) {
			return scot.goldenthread.shared.Coded.of(Kind.class, code);
		}

	}

	/** The same measure judged for another place, compared with the family group its publisher gives that place. */
	public Measure in(String place) {
		return new Measure(this.id, this.code, this.title, this.description, this.kind, this.unit, this.ratePer, this.decimals, this.polarity,
				this.periodType, this.source, this.lead, this.dimensions, this.geographyLevels, place, null, this.gap, this.published,
				this.rollingYears, this.retiredOn);
	}

	/** Why a value is impossible for this measure's unit, if it is. */
	public java.util.Optional<String> impossible(java.math.BigDecimal value) {
		return this.unit.impossible(value);
	}

	public StatusWording.Format format() {
		return new StatusWording.Format(this.unit, this.decimals, this.ratePer);
	}

}
