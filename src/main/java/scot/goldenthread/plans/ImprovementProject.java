package scot.goldenthread.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.shared.Coded;

/**
 * An action run as an improvement project, with what quality-improvement projects record: the aim (what, by how much,
 * by when), the team working beside the action's leads, the phase reached, the changes tested and, once ended, the end
 * report. {@code roles} says which part each of the action's measures plays, by measure code.
 */
public record ImprovementProject(String aim, String byHowMuch, LocalDate byWhen, String byWhenWritten, Phase phase,
		List<String> team, List<ChangeIdea> changeIdeas, String endReport, Map<String, MeasureRole> roles) {

	/** By when, as the plan wrote it ("March 2026") or its day; null where the aim gives no date. */
	public String byWhenText() {
		return (this.byWhen != null) ? WrittenDate.text(this.byWhenWritten, this.byWhen) : null;
	}

	/** The action's measures that play this part, in the plan's order. */
	public List<MeasureDefinition> measures(PlanElement action, MeasureRole role) {
		return action.measures().stream().filter((m) -> this.roles.get(m.code()) == role).toList();
	}

	/** Where a project has got to, in the order projects go through them. */
	public enum Phase implements Coded {

		CHARTER("Charter", "the aim, team and measures are agreed"),
		TESTING("Testing", "changes are tested on a small scale, one cycle at a time"),
		IMPLEMENTATION("Implementation", "changes that worked become the way things are done where they were tested"),
		SPREAD("Spread", "the changes are taken to other teams and places"),
		SUSTAINED("Sustained", "the improvement has held without the project's help"),
		ENDED("Ended", "the project is over; its end report says what it achieved");

		private final String label;

		private final String meaning;

		Phase(String label, String meaning) {
			this.label = label;
			this.meaning = meaning;
		}

		public String label() {
			return this.label;
		}

		public String meaning() {
			return this.meaning;
		}

		public static Optional<Phase> of(String code) {
			return Coded.of(Phase.class, code);
		}

	}

	/** The part a measure plays in a project. */
	public enum MeasureRole implements Coded {

		OUTCOME("Outcome measures", "show whether the aim is being met"),
		PROCESS("Process measures", "show whether the changes are being made as planned"),
		BALANCING("Balancing measures", "show whether the changes harm something else");

		private final String label;

		private final String meaning;

		MeasureRole(String label, String meaning) {
			this.label = label;
			this.meaning = meaning;
		}

		public String label() {
			return this.label;
		}

		public String meaning() {
			return this.meaning;
		}

		public static Optional<MeasureRole> of(String code) {
			return Coded.of(MeasureRole.class, code);
		}

	}

	/** A change the project tests, and what testing it has shown. */
	public record ChangeIdea(String idea, Status status) {

		public enum Status implements Coded {

			UNTESTED("Not yet tested"), TESTING("Being tested"), ADOPTED("Adopted"), ABANDONED("Abandoned");

			private final String label;

			Status(String label) {
				this.label = label;
			}

			public String label() {
				return this.label;
			}

			public static Optional<Status> of(String code) {
				return Coded.of(Status.class, code);
			}

		}

	}

}
