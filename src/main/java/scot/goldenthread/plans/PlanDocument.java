package scot.goldenthread.plans;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import static scot.goldenthread.shared.StructuredFiles.given;

/**
 * A whole plan in the exchange format (README, "The plan file"): the same tree in YAML, JSON and,
 * flattened to one sheet per level, Excel. Values stay text here so that the validator can report
 * every bad date or number with its place, instead of the parser stopping at the first.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "format", "plan", "elements" })
public record PlanDocument(String format, Header plan, List<Element> elements, @JsonIgnore List<ImportProblem> unread) {

	public static final String FORMAT = "golden-thread/plan@1";

	public PlanDocument(String format, Header plan, List<Element> elements) {
		this(format, plan, elements, List.of());
	}

	/** What reading the file found that does not fit the format (a field it has not, a list given as fields): told with the validation's problems. */
	public List<ImportProblem> unread() {
		return given(this.unread);
	}

	public List<Element> elements() {
		return (this.elements != null) ? this.elements : List.of();
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "code", "title", "type", "partnership", "locality", "owner", "start", "end", "status", "approvedOn",
			"description", "relatedPlans", "levels" })
	public record Header(String code, String title, String type, String partnership, String owner, String start,
			String end, String status, String approvedOn, String description, List<String> relatedPlans, String locality,
			List<Level> levels) {

		public List<String> relatedPlans() {
			return given(this.relatedPlans);
		}

		/** The plan's own levels from the top; none where it has the product's. */
		public List<Level> levels() {
			return given(this.levels);
		}

	}

	/** One of the plan's levels: the kind it is, and what the plan calls one ({@code name}) and several ({@code plural}). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "kind", "name", "plural" })
	public record Level(String kind, String name, String plural) {
	}

	/** One element of the tree; {@code at} says where it stands in the file it was read from. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "code", "kind", "title", "shortTitle", "description", "start", "due", "progress",
			"expectedOutcome", "leads", "latestNote", "alignedTo", "measures", "keyPlans", "programmes",
			"partnerships", "locality", "prevention", "project", "children" })
	public record Element(String code, String kind, String title, String shortTitle, String description, String start,
			String due, String progress, String expectedOutcome, List<String> leads, String latestNote,
			List<String> alignedTo, List<Measure> measures, List<String> keyPlans, List<String> programmes,
			List<String> partnerships, List<Element> children, @JsonIgnore String at, String locality, String prevention, Project project) {

		/** The lead's assessment the file's expected outcome gives, if it is one. */
		@JsonIgnore
		public Assessment assessment() {
			return Assessment.of(this.expectedOutcome).orElse(null);
		}

		/** The plan owner's decision the file's expected outcome gives, where it is one only an owner makes (cancelled, on hold, deferred). */
		@JsonIgnore
		public OwnerDecision ownerDecision() {
			return (assessment() == null) ? OwnerDecision.of(this.expectedOutcome).orElse(null) : null;
		}

		public List<String> leads() {
			return given(this.leads);
		}

		public List<String> alignedTo() {
			return given(this.alignedTo);
		}

		public List<Measure> measures() {
			return given(this.measures);
		}

		public List<String> keyPlans() {
			return given(this.keyPlans);
		}

		public List<String> programmes() {
			return given(this.programmes);
		}

		public List<String> partnerships() {
			return given(this.partnerships);
		}

		public List<Element> children() {
			return (this.children != null) ? this.children : List.of();
		}

		Element at(String at) {
			return new Element(this.code, this.kind, this.title, this.shortTitle, this.description, this.start,
					this.due, this.progress, this.expectedOutcome, this.leads, this.latestNote, this.alignedTo,
					this.measures, this.keyPlans, this.programmes, this.partnerships, this.children, at, this.locality, this.prevention, this.project);
		}

		/** "line 16 (element A1)": where the element is, for a problem with it. */
		String where() {
			String where = (this.at != null) ? this.at : "element";
			return (this.code != null) ? where + " (element " + this.code + ")" : where;
		}

		Element withChildren(List<Element> children) {
			return new Element(this.code, this.kind, this.title, this.shortTitle, this.description, this.start,
					this.due, this.progress, this.expectedOutcome, this.leads, this.latestNote, this.alignedTo,
					this.measures, this.keyPlans, this.programmes, this.partnerships, children, this.at, this.locality, this.prevention, this.project);
		}

	}

	/** An element's measure; {@code role} is the part it plays in an improvement project (outcome, process, balancing). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "code", "title", "polarity", "role" })
	public record Measure(String code, String title, String polarity, String role) {
	}

	/** What makes an action an improvement project (see {@link ImprovementProject}). */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "aim", "byHowMuch", "byWhen", "phase", "team", "changeIdeas", "endReport" })
	public record Project(String aim, String byHowMuch, String byWhen, String phase, List<String> team, List<ChangeIdea> changeIdeas,
			String endReport) {

		public List<String> team() {
			return given(this.team);
		}

		public List<ChangeIdea> changeIdeas() {
			return given(this.changeIdeas);
		}

	}

	/** A change a project tests, and how its testing stands: untested, testing, adopted or abandoned. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "idea", "status" })
	public record ChangeIdea(String idea, String status) {
	}

}
