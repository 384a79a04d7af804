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
@JsonPropertyOrder({ "format", "plan", "elements", "records" })
public record PlanDocument(String format, Header plan, List<Element> elements, Records records, @JsonIgnore List<ImportProblem> unread) {

	public static final String FORMAT = "golden-thread/plan@1";

	public PlanDocument(String format, Header plan, List<Element> elements, Records records) {
		this(format, plan, elements, records, List.of());
	}

	/** The records the plan stands on; none where the file gives none. */
	public Records records() {
		return (this.records != null) ? this.records : Records.NONE;
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

	/**
	 * What the plan stands on (see {@link PlanRecords}): participation, evidence, partners' contributions and the
	 * partnership's own assessment against the six statements, each naming the elements it informs by code.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "participation", "evidence", "equalityImpacts", "contributions", "selfAssessments" })
	public record Records(List<Participation> participation, List<Evidence> evidence, List<EqualityImpact> equalityImpacts,
			List<Contribution> contributions, List<SelfAssessment> selfAssessments) {

		static final Records NONE = new Records(List.of(), List.of(), List.of(), List.of(), List.of());

		public List<Participation> participation() {
			return given(this.participation);
		}

		public List<Evidence> evidence() {
			return given(this.evidence);
		}

		public List<EqualityImpact> equalityImpacts() {
			return given(this.equalityImpacts);
		}

		public List<Contribution> contributions() {
			return given(this.contributions);
		}

		public List<SelfAssessment> selfAssessments() {
			return given(this.selfAssessments);
		}

		@JsonIgnore
		public boolean isEmpty() {
			return participation().isEmpty() && evidence().isEmpty() && equalityImpacts().isEmpty() && contributions().isEmpty()
					&& selfAssessments().isEmpty();
		}

	}

	/** {@code audience}: public, or partnership where it is not published; dates are YYYY-MM-DD. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "kind", "title", "method", "heldFrom", "heldTo", "participants", "communities", "seldomHeard", "heard", "changed",
			"contact", "audience", "informs" })
	public record Participation(String kind, String title, String method, String heldFrom, String heldTo, String participants,
			List<String> communities, List<String> seldomHeard, String heard, String changed, String contact, String audience,
			List<String> informs) {

		public List<String> communities() {
			return given(this.communities);
		}

		public List<String> seldomHeard() {
			return given(this.seldomHeard);
		}

		public List<String> informs() {
			return given(this.informs);
		}

	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "kind", "title", "publishedOn", "author", "link", "summary", "audience", "informs", "measures" })
	public record Evidence(String kind, String title, String publishedOn, String author, String link, String summary, String audience,
			List<String> informs, List<String> measures) {

		public List<String> informs() {
			return given(this.informs);
		}

		/** The codes of the plan's measures that cite it. */
		public List<String> measures() {
			return given(this.measures);
		}

	}

	/** An equality impact assessment of the plan; {@code outcome}: no-major-change, adjust, continue or stop. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "title", "assessedOn", "outcome", "summary", "link", "audience" })
	public record EqualityImpact(String title, String assessedOn, String outcome, String summary, String link, String audience) {
	}

	/** {@code to}: the element's code; {@code partner}: the partner's code; {@code source}: new or redirected. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "to", "partner", "financialYear", "money", "fte", "inKind", "source" })
	public record Contribution(String to, String partner, String financialYear, String money, String fte, String inKind, String source) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	@JsonPropertyOrder({ "statement", "selfAssessment", "improvementActions" })
	public record SelfAssessment(String statement, String selfAssessment, String improvementActions) {
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
