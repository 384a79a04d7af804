package scot.goldenthread.measures;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import scot.goldenthread.audit.AuditLog;
import scot.goldenthread.measures.ObservationImporter.RowProblem;
import scot.goldenthread.measures.StatusEngine.TargetKind;
import scot.goldenthread.shared.Coded;
import scot.goldenthread.shared.FormDates;
import scot.goldenthread.shared.StructuredFiles;
import scot.goldenthread.shared.TextLimits;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Defines measures from a file: new ones are added, known ones updated, all audited. A changed
 * tolerance or target set is a new version from now on; the old one stays in force for the past.
 */
@Service
public class MeasureDefinitions {

	/** YAML is a superset of JSON: one reader takes both. */
	private final ObjectMapper yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private final MeasureDefinitionRepository repository;

	private final MeasureCatalogue catalogue;

	private final Geographies geographies;

	private final MeasureUses uses;

	private final AuditLog audit;

	MeasureDefinitions(MeasureDefinitionRepository repository, MeasureCatalogue catalogue, Geographies geographies, AuditLog audit,
			MeasureUses uses) {
		this.uses = uses;
		this.geographies = geographies;
		this.repository = repository;
		this.catalogue = catalogue;
		this.audit = audit;
	}

	/**
	 * The published measures as a definitions file, with the tolerance, baseline and targets in force:
	 * the file {@link #define} reads, so definitions can go round and come back unchanged.
	 */
	public MeasureFile published() {
		List<Measure> published = this.catalogue.measures().stream().filter(Measure::published).toList();
		List<Long> ids = published.stream().map(Measure::id).toList();
		Map<Long, MeasureDefinitionRepository.Tolerance> tolerances = this.repository.tolerances(ids);
		Map<Long, List<MeasureDefinitionRepository.Target>> targetsOf = this.repository.targets(ids);
		List<MeasureFile.Entry> entries = new ArrayList<>();
		for (Measure m : published) {
			MeasureDefinitionRepository.Tolerance t = tolerances.get(m.id());
			MeasureFile.ToleranceEntry tolerance = (t == null) ? null
					: new MeasureFile.ToleranceEntry(t.percent() ? t.amount() : null, t.percent() ? null : t.amount(), t.noChange());
			List<MeasureFile.TargetEntry> targets = new ArrayList<>();
			MeasureFile.Value baseline = null;
			for (MeasureDefinitionRepository.Target target : targetsOf.getOrDefault(m.id(), List.of())) {
				String period = new Period(m.periodType(), target.periodStart()).code();
				if ("baseline".equals(target.kind())) {
					baseline = new MeasureFile.Value(period, target.value());
				}
				else {
					// a relative target goes out as its words, worked out again when it comes back
					targets.add(new MeasureFile.TargetEntry(target.kind(), period, (target.relative() == null) ? target.value() : null,
							target.relative()));
				}
			}
			entries.add(new MeasureFile.Entry(m.code(), m.title(), m.description(), m.kind().code(), m.unit().code(), m.ratePer(),
					m.decimals(), m.polarity().code(), m.periodType().code(), m.source(), m.lead(), m.area(), m.familyGroup(), m.dimensions(), m.geographyLevels(), null,
					(m.gap() != null) ? new MeasureFile.GapEntry(m.gap().of(), m.gap().dimension(), m.gap().higher(), m.gap().lower()) : null,
					tolerance, baseline, targets, m.rollingYears(), (m.retiredOn() != null) ? m.retiredOn().toString() : null));
		}
		return new MeasureFile(MeasureFile.FORMAT, entries);
	}

	/** Reads and applies a definitions file, or throws with every problem and changes nothing. */
	@Transactional
	public int define(InputStream in, String file) {
		return define(in, file, (measure) -> true);
	}

	/** The same, from a person who may change only the known measures {@code allowed} accepts (and define new ones). */
	@Transactional
	public int define(InputStream in, String file, Predicate<Measure> allowed) {
		byte[] content;
		try {
			content = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// JSON may be indented with tabs, which YAML refuses
		boolean json = new String(content, StandardCharsets.UTF_8).stripLeading().startsWith("{");
		StructuredFiles.Read<MeasureFile> read = StructuredFiles.read(this.yaml, content, MeasureFile.class, !json);
		List<RowProblem> problems = new ArrayList<>();
		Set<String> unread = new HashSet<>();
		for (StructuredFiles.Problem problem : read.problems()) {
			Matcher item = MEASURE.matcher((problem.path() != null) ? problem.path() : "");
			if (item.find() && read.value() != null) {
				int position = Integer.parseInt(item.group(1)) + 1;
				String field = problem.field(item.group());
				unread.add(position + " " + field);
				List<MeasureFile.Entry> entries = read.value().measures();
				MeasureFile.Entry entry = (position <= entries.size()) ? entries.get(position - 1) : null;
				new Problems(problems, Set.of(), problem.line(), position, (entry != null) ? entry.code() : null).add(field, problem.reason());
			}
			else {
				problems.add(new RowProblem(problem.line(), problem.field(""), problem.reason()));
			}
		}
		return define(read.value(), file, allowed, problems, (position) -> read.lines().of("/measures/" + (position - 1)), unread);
	}

	private static final Pattern MEASURE = Pattern.compile("^/measures/(\\d+)");

	/**
	 * The Improvement Service's list of LGBF indicators (LGBF_Indicator_Information.csv), each a measure defined as
	 * the file says, so that its extract loads through {@link ColumnMapping#lgbf}.
	 */
	@Transactional
	public int defineLgbf(Reader indicators, String file) {
		// a list of indicators has no lines; its measures are named by place and code
		return define(LgbfIndicators.definitions(indicators), file, (measure) -> true, new ArrayList<>(), (position) -> 0, Set.of());
	}

	/** Applies the definitions, or throws with the problems found in reading them and in checking them, and changes nothing. */
	private int define(MeasureFile definitions, String file, Predicate<Measure> allowed, List<RowProblem> problems, IntUnaryOperator lineOf,
			Set<String> unread) {
		if (problems.isEmpty() || definitions != null) {
			problems.addAll(check(definitions, allowed, lineOf, unread));
		}
		if (!problems.isEmpty()) {
			throw ObservationImporter.refused(file, problems.toArray(RowProblem[]::new));
		}
		definitions.measures().forEach(this::apply);
		return definitions.measures().size();
	}

	/** Every problem of the measures, each at its measure's line; none for a field in {@code unread} ("2 baseline.value"), already told. */
	private List<RowProblem> check(MeasureFile definitions, Predicate<Measure> allowed, IntUnaryOperator lineOf, Set<String> unread) {
		List<RowProblem> problems = new ArrayList<>();
		if (definitions == null || !MeasureFile.FORMAT.equals(definitions.format())) {
			problems.add(new RowProblem(0, "format", "must be '" + MeasureFile.FORMAT + "'"));
			return problems;
		}
		Map<String, String> levels = this.geographies.levels();
		Set<String> codes = new HashSet<>();
		int n = 0;
		for (MeasureFile.Entry m : definitions.measures()) {
			n++;
			if (m == null) {
				// a measure given as a single value, not fields: told as the file was read
				continue;
			}
			Problems p = new Problems(problems, unread, lineOf.applyAsInt(n), n, m.code());
			if (blank(m.code())) {
				p.add("code", "is missing");
			}
			else if (!codes.add(m.code())) {
				p.add("code", "is defined twice in this file");
			}
			Measure before = blank(m.code()) ? null : this.catalogue.measure(m.code()).orElse(null);
			boolean known = before != null;
			if (known && !allowed.test(before)) {
				p.add("code", "you may not change " + m.code() + ": only its lead and the owners of the plans that use it may");
			}
			if (!known && blank(m.title())) {
				p.add("title", "is missing");
			}
			p.text("code", m.code(), TextLimits.NAME);
			p.text("title", m.title(), TextLimits.TITLE);
			p.text("description", m.description(), TextLimits.NOTE);
			p.text("source", m.source(), TextLimits.TITLE);
			p.text("lead", m.lead(), TextLimits.TITLE);
			if (m.retired() != null) {
				p.date("retired", m.retired());
				if (!blank(m.code()) && !this.uses.of(m.code()).isEmpty()) {
					p.add("retired", "a measure a plan uses cannot be retired: take it out of the plans first");
				}
			}
			p.coded("kind", m.kind(), Measure.Kind.class);
			Unit unit = p.coded("unit", m.unit(), Unit.class);
			if (unit == null && known) {
				unit = before.unit();
			}
			p.coded("polarity", m.polarity(), Polarity.class);
			PeriodType periodType = p.coded("periodType", m.periodType(), PeriodType.class);
			if (periodType == null && known) {
				periodType = before.periodType();
			}
			if (periodType == null && (m.baseline() != null || !m.targets().isEmpty())) {
				periodType = PeriodType.FINANCIAL_YEAR;
			}
			if (m.decimals() != null && (m.decimals() < 0 || m.decimals() > 6)) {
				p.add("decimals", "must be from 0 to 6");
			}
			if (m.ratePer() != null && m.ratePer() <= 0) {
				p.add("ratePer", "must be a positive whole number");
			}
			if (m.area() != null && !levels.containsKey(m.area())) {
				p.add("area", "'" + m.area() + "' is not a known geography code");
			}
			m.geographies().stream().filter((level) -> !Geographies.LEVELS.contains(level))
				.forEach((level) -> p.add("geographies", "'" + level + "' is not one of " + String.join(", ", Geographies.LEVELS)));
			if (m.rollingYears() != null && (m.rollingYears() < 2 || m.rollingYears() > 10)) {
				p.add("rollingYears", "must be 2 to 10 periods, or left out");
			}
			if (m.familyGroup() != null && !Geographies.FAMILY_GROUP.equals(levels.get(m.familyGroup()))) {
				p.add("familyGroup", "'" + m.familyGroup() + "' is not a family group");
			}
			if (m.gap() != null) {
				if (blank(m.gap().of()) || !(codes.contains(m.gap().of()) || this.catalogue.measure(m.gap().of()).isPresent())) {
					p.add("gap.of", "'" + m.gap().of() + "' is not a measure");
				}
				if (blank(m.gap().dimension()) || blank(m.gap().higher()) || blank(m.gap().lower())) {
					p.add("gap", "needs the dimension and its higher and lower values");
				}
			}
			if (m.tolerance() != null && ((m.tolerance().percent() == null) == (m.tolerance().absolute() == null))) {
				p.add("tolerance", "give either percent or absolute");
			}
			else if (m.tolerance() != null) {
				p.amount("tolerance.percent", m.tolerance().percent());
				p.amount("tolerance.absolute", m.tolerance().absolute());
				p.amount("tolerance.noChange", m.tolerance().noChange());
			}
			if (m.baseline() != null) {
				p.period("baseline.period", m.baseline().period(), Period::parse, periodType);
				p.value("baseline.value", m.baseline().value(), unit);
			}
			for (MeasureFile.TargetEntry t : m.targets()) {
				p.coded("targets.kind", t.kind(), TargetKind.class);
				if (blank(t.kind())) {
					p.add("targets.kind", "is missing");
				}
				p.period("targets.period", t.period(), Period::target, periodType);
				if (t.relative() == null) {
					p.value("targets.value", t.value(), unit);
				}
				else if (t.value() != null) {
					p.add("targets.value", "give the target's figure or its words relative to the baseline or Scotland, not both");
				}
				else {
					relative(p, m, t.relative());
				}
			}
		}
		return problems;
	}

	private void apply(MeasureFile.Entry m) {
		Measure before = this.catalogue.measure(m.code()).orElse(null);
		if (before == null) {
			this.repository.insert(m);
		}
		this.repository.update(m);
		Measure after = this.catalogue.measure(m.code()).orElseThrow();
		if (before == null) {
			this.audit.created("measure", m.code(), "Defined measure " + m.code(), after);
		}
		else if (!before.equals(after)) {
			this.audit.updated("measure", m.code(), "Updated measure " + m.code(), before, after);
		}
		if (m.tolerance() != null) {
			tolerance(after, m.tolerance());
		}
		if (m.baseline() != null || !m.targets().isEmpty()) {
			targets(after, m);
		}
	}

	private void tolerance(Measure measure, MeasureFile.ToleranceEntry t) {
		boolean percent = t.percent() != null;
		MeasureDefinitionRepository.Tolerance wanted = new MeasureDefinitionRepository.Tolerance(percent, percent ? t.percent() : t.absolute(),
				Objects.requireNonNullElse(t.noChange(), BigDecimal.ZERO));
		boolean same = this.repository.tolerance(measure.id())
			.filter((in) -> in.percent() == wanted.percent() && in.amount().compareTo(wanted.amount()) == 0
					&& in.noChange().compareTo(wanted.noChange()) == 0)
			.isPresent();
		if (!same) {
			this.repository.insertTolerance(measure.id(), wanted);
			this.audit.updated("measure-tolerance", measure.code(), "Tolerance of " + measure.code() + " set", null,
					Map.of("percent", wanted.percent(), "amount", wanted.amount(), "noChange", wanted.noChange()));
		}
	}

	/** A relative target: words this service can work out, and the baseline or Scotland's value it is worked out from. */
	private void relative(Problems p, MeasureFile.Entry m, String words) {
		try {
			RelativeTarget relative = RelativeTarget.parse(words);
			if (relative.needsBaseline() && m.baseline() == null) {
				p.add("targets.relative", "'" + words + "' is worked out from the baseline: give the baseline with it");
			}
			if (relative.needsScotland() && this.repository.scotland(m.code(), null).isEmpty()) {
				p.add("targets.relative", "'" + words + "' is worked out from Scotland's value, and " + m.code()
						+ " has none yet: give the target's figure");
			}
		}
		catch (IllegalArgumentException ex) {
			p.add("targets.relative", ex.getMessage());
		}
	}

	/** The baseline and targets replace those in force, which end now but stay for judging the past. */
	private void targets(Measure measure, MeasureFile.Entry m) {
		List<MeasureDefinitionRepository.Target> wanted = new ArrayList<>();
		Period baselinePeriod = (m.baseline() != null) ? Period.parse(m.baseline().period(), measure.periodType()) : null;
		if (m.baseline() != null) {
			wanted.add(new MeasureDefinitionRepository.Target("baseline", baselinePeriod.start(), m.baseline().value(), null, null));
		}
		for (MeasureFile.TargetEntry t : m.targets()) {
			LocalDate start = Period.target(t.period(), measure.periodType()).start();
			if (t.relative() == null) {
				wanted.add(new MeasureDefinitionRepository.Target(t.kind(), start, t.value(), null, null));
				continue;
			}
			MeasureDefinitionRepository.ScotlandValue scotland = this.repository
				.scotland(measure.code(), (baselinePeriod != null) ? baselinePeriod.start() : null).orElse(null);
			RelativeTarget.Worked worked = RelativeTarget.parse(t.relative()).work((m.baseline() != null) ? m.baseline().value() : null,
					baselinePeriod, (scotland != null) ? scotland.value() : null,
					(scotland != null) ? new Period(measure.periodType(), scotland.periodStart()) : null, measure.format());
			wanted.add(new MeasureDefinitionRepository.Target(t.kind(), start, worked.value(), t.relative(), worked.basis()));
		}
		List<String> current = this.repository.targets(measure.id()).stream().map(MeasureDefinitionRepository.Target::describe).sorted().toList();
		List<String> next = wanted.stream().map(MeasureDefinitionRepository.Target::describe).sorted().toList();
		if (current.equals(next)) {
			return;
		}
		this.repository.replaceTargets(measure.id(), wanted);
		this.audit.updated("measure-targets", measure.code(), "Targets of " + measure.code() + " set", current, next);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The problems of one measure in the file, at the line it starts on and named by its place and code. */
	private record Problems(List<RowProblem> all, Set<String> unread, int line, int position, String code) {

		void add(String field, String reason) {
			if (!this.unread.contains(this.position + " " + field)) {
				this.all.add(new RowProblem(this.line, field, "measure #" + this.position + ((this.code != null) ? " (" + this.code + ")" : "") + ": "
						+ reason));
			}
		}

		<E extends Enum<E> & Coded> E coded(String field, String value, Class<E> type) {
			if (value == null) {
				return null;
			}
			E e = Coded.of(type, value).orElse(null);
			if (e == null) {
				add(field, "'" + value + "' is not one of " + Coded.codes(type));
			}
			return e;
		}

		void date(String field, String value) {
			try {
				FormDates.outOfRange(LocalDate.parse(value)).ifPresent((reason) -> add(field, "'" + value + "' " + reason));
			}
			catch (DateTimeParseException ex) {
				add(field, "'" + value + "' is not a date; write it as YYYY-MM-DD");
			}
		}

		void text(String field, String value, int max) {
			TextLimits.problem(value, max).ifPresent((reason) -> add(field, reason));
		}

		/** A baseline or target: given, and possible in the measure's unit (any unit where none is known yet). */
		void value(String field, BigDecimal value, Unit unit) {
			if (value == null) {
				add(field, "is missing");
				return;
			}
			// "1E+400 is too large ...", "195 is impossible: a percentage cannot be over 100"
			((unit != null) ? unit.impossible(value) : Unit.outOfRange(value))
				.ifPresent((reason) -> add(field, value + (reason.startsWith("is ") ? " " : " is impossible: ") + reason));
		}

		/** A tolerance, which is a distance either side: not negative, and a real amount. */
		void amount(String field, BigDecimal amount) {
			if (amount != null && amount.signum() < 0) {
				add(field, "cannot be negative: it is a distance either side of the target");
			}
			else if (amount != null) {
				Unit.outOfRange(amount).ifPresent((reason) -> add(field, amount + " " + reason));
			}
		}

		/** A period as {@code reader} reads it: a baseline's is one of the measure's; a target's may be a year it is to be reached by. */
		void period(String field, String value, java.util.function.BiFunction<String, PeriodType, Period> reader, PeriodType type) {
			if (blank(value)) {
				add(field, "is missing");
				return;
			}
			try {
				reader.apply(value, type);
			}
			catch (IllegalArgumentException ex) {
				add(field, ex.getMessage());
			}
		}

	}

}
