package scot.goldenthread.stocktake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import scot.goldenthread.shared.Coded;

/** The records a plan stands on: participation, evidence and partners' contributions, each linked to the elements it informs. */
public final class Records {

	private Records() {
	}

	/**
	 * An engagement activity, or a participation request received under the Act: when, how, who took part, what was heard
	 * ("you said") and what changed ("we did"). {@code contact} is personal data, for officers alone.
	 */
	public record Participation(long id, Kind kind, String title, Method method, LocalDate heldFrom, LocalDate heldTo, Integer participants,
			List<String> communities, List<String> seldomHeard, String heard, String changed, String contact, boolean published,
			List<Long> elements) {

		/** As the public may have it: the contact left out. */
		Participation forThePublic() {
			return new Participation(this.id, this.kind, this.title, this.method, this.heldFrom, this.heldTo, this.participants,
					this.communities, this.seldomHeard, this.heard, this.changed, null, this.published, this.elements);
		}

		public enum Kind implements Coded {

			ENGAGEMENT("Engagement the partnership led"), PARTICIPATION_REQUEST("A participation request received under the Act");

			private final String label;

			Kind(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

		}

		public enum Method implements Coded {

			CONSULTATION("Consultation"), ONLINE_SURVEY("Online survey"), EVENT("Event"), WORKSHOP("Workshop"), CITIZENS_PANEL("Citizens' panel"),
			FOCUS_GROUP("Focus group"), PARTICIPATORY_BUDGETING("Participatory budgeting vote"), COMMUNITY_SCRUTINY("Community scrutiny"),
			OTHER("Other");

			private final String label;

			Method(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

			public static Optional<Method> of(String code) {
				return Coded.of(Method.class, code);
			}

		}

	}

	/** A strategic needs assessment, a data deep-dive, a profile or a study the plan draws on, with what it shows. */
	public record Evidence(long id, Kind kind, String title, LocalDate publishedOn, String author, String link, String summary,
			boolean published, List<Long> elements, List<String> measures, String fileName) {

		public enum Kind implements Coded {

			NEEDS_ASSESSMENT("Strategic needs assessment"), DEEP_DIVE("Data deep-dive"), PROFILE("Profile"), STUDY("Study"),
			REVIEW("Review"), OTHER("Other");

			private final String label;

			Kind(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

			public static Optional<Kind> of(String code) {
				return Coded.of(Kind.class, code);
			}

		}

	}

	/**
	 * An equality impact assessment of the plan, or of the recommendations of one of its committee papers
	 * ({@code committeeReportId}), whose "Equalities Impact" section then reads from it.
	 */
	public record EqualityImpact(long id, Long committeeReportId, String title, LocalDate assessedOn, Outcome outcome, String summary,
			String link, String fileName, boolean published) {

		/** The four outcomes the Equality and Human Rights Commission's guidance names. */
		public enum Outcome implements Coded {

			NO_MAJOR_CHANGE("No major change", "no potential for discrimination or adverse impact was found"),
			ADJUST("Adjust the plan", "barriers found are removed or the plan is changed to promote equality"),
			CONTINUE("Continue the plan", "despite a potential for adverse impact, for the reasons recorded"),
			STOP("Stop and remove", "unlawful discrimination was found");

			private final String label;

			private final String meaning;

			Outcome(String label, String meaning) {
				this.label = label;
				this.meaning = meaning;
			}

			public String label() {
				return this.label;
			}

			public String meaning() {
				return this.meaning;
			}

		}

	}

	/** What a partnership's board agreed about how it plans, and the statement of the six it answers, if one. */
	public record Agreement(long id, String partnershipCode, LocalDate agreedOn, String agreedBy, String text, Integer statement,
			boolean published) {
	}

	/** A partner's contribution to an action or priority in a financial year ("2025/26"). */
	public record Contribution(long id, long elementId, String partnerCode, String partnerName, boolean statutory, String financialYear,
			BigDecimal money, BigDecimal fte, String inKind, boolean redirected) {

		/** Whether what a partner gives is new, or moved from other work. */
		public enum Source implements Coded {

			NEW("New resources"), REDIRECTED("Redirected from other work");

			private final String label;

			Source(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

		}

	}

}
