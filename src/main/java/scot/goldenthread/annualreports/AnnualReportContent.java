package scot.goldenthread.annualreports;

import java.util.List;

/**
 * What the data says for a plan's reporting year, as made when the figures were last brought up to date: every figure
 * in words, with its source and its date, so the report reads the same wherever and whenever it is shown.
 */
public record AnnualReportContent(String planCode, String planTitle, String planType, String year, String from, String to,
		List<MeasureRow> measures, List<Section> sections, List<Participation> participation, List<Resource> resources) {

	/**
	 * A measure as the year left it: its latest value and the one before, which way it went (improved, got worse, no
	 * change, or no judgement), Scotland's and the family group's values for the same period, the gap between the most
	 * and least deprived where the data has it, whether the year brought new data (a figure for a period ending in the
	 * year or the year before, as figures are published a year or so after their period), its source and the lead's story.
	 */
	public record MeasureRow(String code, String title, String latest, String latestPeriod, String previous, String previousPeriod,
			Direction direction, String trend, String scotland, String familyGroup, String familyGroupName, String gap, boolean newData,
			String source, String status, String story) {
	}

	/** Which way a measure went over the year, in the report's plain words. */
	public enum Direction {

		IMPROVED("Improved"), WORSE("Got worse"), NO_CHANGE("No change"), NO_JUDGEMENT("Too little data to say");

		private final String label;

		Direction(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * A strategic outcome, theme or priority: the codes of its measures, its actions with their status and progress at
	 * the year's end, and what the partner plans along the golden thread did towards it.
	 */
	public record Section(long elementId, String code, String level, String title, int depth, List<String> measures, List<Action> actions,
			List<PartnerPlan> partnerPlans) {
	}

	public record Action(String code, String title, Integer progress, String status, String note, String leads) {
	}

	/** A partner plan's actions serving the section, and how they stand. */
	public record PartnerPlan(String planCode, String planTitle, int actions, String standing) {
	}

	/** Participation in the year: what was heard and what changed. */
	public record Participation(String title, String method, String when, Integer participants, String heard, String changed) {
	}

	/** A partner's resources committed for the year. */
	public record Resource(String partner, String money, String fte, List<String> inKind) {
	}

	/** The measures that went each way, each once: the report's balance, every measure in one list or another. */
	public List<MeasureRow> went(Direction direction) {
		return this.measures.stream().filter((m) -> m.direction() == direction).toList();
	}

	public List<MeasureRow> noNewData() {
		return this.measures.stream().filter((m) -> !m.newData()).toList();
	}

	public MeasureRow measure(String code) {
		return this.measures.stream().filter((m) -> m.code().equals(code)).findFirst().orElse(null);
	}

}
