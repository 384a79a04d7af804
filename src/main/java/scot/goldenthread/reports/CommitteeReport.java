package scot.goldenthread.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import scot.goldenthread.shared.Coded;

/**
 * A committee's cover paper for a plan's progress, laid out as seed 002's report to the Audit and
 * Scrutiny Committee; the plan's progress report, as at {@code periodId} if given, is its appendix.
 */
public record CommitteeReport(long id, long planId, String organisation, String reportTo, LocalDate meetingDate, String subject,
		String reportBy, Map<Section, String> sections, Long periodId, String writtenBy, OffsetDateTime writtenAt, int version,
		String equalityImpact) {

	/** The sections of a council's committee report, in their order; those left empty are not shown. */
	public enum Section implements Coded {

		PURPOSE("Purpose"), RECOMMENDATIONS("Recommendations"), BACKGROUND("Background"), CONSIDERATIONS("Considerations"),
		NEXT_STEPS("Next Steps"), SUSTAINABILITY("Sustainability Implications"), RESOURCES("Resource Implications"),
		EXEMPT("Exempt Reports"), DECLARATIONS("Declarations"), EQUALITIES("Equalities Impact"), LEGALITY("Legality"),
		APPENDICES("Appendices"), BACKGROUND_PAPERS("Background Papers");

		private final String heading;

		Section(String heading) {
			this.heading = heading;
		}

		public String heading() {
			return this.heading;
		}

	}

	/** A section as the paper numbers it: "1.0 Purpose". */
	public record Numbered(String heading, String text) {
	}

	/**
	 * The sections written, numbered as the paper numbers them; "Equalities Impact" reads from the assessment recorded
	 * for the paper, if one is, as its first numbered paragraph.
	 */
	public List<Numbered> numbered() {
		List<Numbered> numbered = new java.util.ArrayList<>();
		for (Section section : Section.values()) {
			int n = numbered.size() + 1;
			String text = (section == Section.EQUALITIES && this.equalityImpact != null) ? n + ".1 " + this.equalityImpact
					: this.sections.getOrDefault(section, "");
			if (!text.isBlank()) {
				numbered.add(new Numbered(n + ".0 " + section.heading(), text));
			}
		}
		return numbered;
	}

	/** The paper with what its "Equalities Impact" section reads from the assessment recorded for it. */
	CommitteeReport withEqualityImpact(String declaration) {
		return new CommitteeReport(this.id, this.planId, this.organisation, this.reportTo, this.meetingDate, this.subject, this.reportBy,
				this.sections, this.periodId, this.writtenBy, this.writtenAt, this.version, declaration);
	}

}
