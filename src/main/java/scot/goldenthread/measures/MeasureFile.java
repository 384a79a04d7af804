package scot.goldenthread.measures;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import static scot.goldenthread.shared.StructuredFiles.given;

/**
 * Measure definitions as a file (README, "Measure definitions"): what each measure counts, which way
 * is good, its tolerance, baseline and targets. Values stay text so that every bad one is reported.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record MeasureFile(String format, List<Entry> measures) {

	public static final String FORMAT = "golden-thread/measures@1";

	public List<Entry> measures() {
		return (this.measures != null) ? this.measures : List.of();
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record Entry(String code, String title, String description, String kind, String unit, Integer ratePer,
			Integer decimals, String polarity, String periodType, String source, String lead, String area,
			String familyGroup, List<String> dimensions, List<String> geographies, Boolean published, GapEntry gap, ToleranceEntry tolerance, Value baseline,
			List<TargetEntry> targets, Integer rollingYears, String retired) {

		public List<String> dimensions() {
			return given(this.dimensions);
		}

		public List<String> geographies() {
			return given(this.geographies);
		}

		public List<TargetEntry> targets() {
			return given(this.targets);
		}

	}

	/** A gap measure: {@code of}'s breakdown {@code dimension} at {@code higher} less at {@code lower}. */
	public record GapEntry(String of, String dimension, String higher, String lower) {
	}

	/** Either {@code percent} or {@code absolute}; {@code noChange} is in the same terms. */
	public record ToleranceEntry(BigDecimal percent, BigDecimal absolute, BigDecimal noChange) {
	}

	public record Value(String period, BigDecimal value) {
	}

	/** A target's figure ({@code value}) or the words of a target relative to the baseline or Scotland ({@code relative}). */
	public record TargetEntry(String kind, String period, BigDecimal value, String relative) {
	}

}
