package scot.goldenthread.plans;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import scot.goldenthread.measures.MeasureCatalogue;
import scot.goldenthread.measures.MeasureDefinition;
import scot.goldenthread.shared.Coded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The plan tables: plans, their elements, leads, references and the alignments of the golden thread. */
@Repository
class PlanRepository {

	private static final String PLAN_COLUMNS = """
			select p.id, p.code, p.title, p.type, ps.code, ps.name, p.owner, p.start_date, p.end_date, p.status,
			       p.approved_on, p.description,
			       array(select r.name from plan_reference r where r.plan_id = p.id and r.element_id is null order by r.position), p.locality,
			       array(select l.kind from plan_level l where l.plan_id = p.id order by l.position),
			       array(select l.name from plan_level l where l.plan_id = p.id order by l.position),
			       array(select l.plural from plan_level l where l.plan_id = p.id order by l.position)
			from plan p left join partnership ps on ps.id = p.partnership_id""";

	static final String ALIGNMENT_COLUMNS = """
			select a.element_id, t.id, tp.id, tp.code, tp.title, t.kind, t.title, t.code, n.code, n.name, l.name
			from alignment a
			left join plan_element t on t.id = a.target_element_id
			left join plan tp on tp.id = t.plan_id
			left join plan_level l on l.plan_id = tp.id and l.kind = t.kind
			left join national_outcome n on n.code = a.national_outcome_code""";

	private final JdbcClient jdbc;

	private final MeasureCatalogue measures;

	PlanRepository(JdbcClient jdbc, MeasureCatalogue measures) {
		this.jdbc = jdbc;
		this.measures = measures;
	}

	List<Plan> plans() {
		return this.jdbc.sql(PLAN_COLUMNS + " order by p.start_date desc, p.title").query(PlanRepository::mapPlan).list();
	}

	List<Plan> plansOf(String partnershipCode) {
		return this.jdbc.sql(PLAN_COLUMNS + " where ps.code = ? order by p.start_date desc, p.title")
			.param(partnershipCode)
			.query(PlanRepository::mapPlan)
			.list();
	}

	Optional<Plan> plan(long id) {
		return this.jdbc.sql(PLAN_COLUMNS + " where p.id = ?").param(id).query(PlanRepository::mapPlan).optional();
	}

	Optional<Plan> plan(String code) {
		return this.jdbc.sql(PLAN_COLUMNS + " where p.code = ?").param(code).query(PlanRepository::mapPlan).optional();
	}

	Optional<Long> elementId(String planCode, String elementCode) {
		return this.jdbc.sql("select e.id from plan_element e join plan p on p.id = e.plan_id where p.code = ? and e.code = ? and e.withdrawn_in is null")
			.params(planCode, elementCode)
			.query(Long.class)
			.optional();
	}

	Optional<Long> planOf(long elementId) {
		return this.jdbc.sql("select plan_id from plan_element where id = ?").param(elementId).query(Long.class).optional();
	}

	/** An approved update reaches the plan: its progress, the lead's assessment and the latest note. */
	void recordProgress(long elementId, int progress, Assessment assessment, String note) {
		this.jdbc.sql("update plan_element set progress = ?, assessment = ?, latest_note = ? where id = ?")
			.params(progress, Coded.codeOf(assessment), note, elementId)
			.update();
	}

	/** Where an element stands, with the elements under it (an action's milestones). */
	record ElementProgress(long id, String code, Integer progress, Assessment assessment, String latestNote) {
	}

	/** The element's progress and that of the elements directly under it, by id. */
	Map<Long, ElementProgress> progressOf(long elementId) {
		Map<Long, ElementProgress> elements = new LinkedHashMap<>();
		this.jdbc.sql("select id, code, progress, assessment, latest_note from plan_element where (id = ? or parent_id = ?) and withdrawn_in is null")
			.params(elementId, elementId)
			.query((rs, n) -> new ElementProgress(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
					Assessment.of(rs.getString(4)).orElse(null), rs.getString(5)))
			.list()
			.forEach((e) -> elements.put(e.id(), e));
		return elements;
	}

	void setOwnerDecision(long elementId, OwnerDecision decision) {
		this.jdbc.sql("update plan_element set owner_decision = ? where id = ?")
			.params(Coded.codeOf(decision), elementId)
			.update();
	}

	Optional<PlanTree> tree(long planId) {
		return plan(planId).map((plan) -> trees(List.of(plan)).get(0));
	}

	/** The trees of the given plans, in their order, read in the same few queries however many plans there are. */
	List<PlanTree> trees(List<Plan> plans) {
		Long[] planIds = plans.stream().map(Plan::id).toArray(Long[]::new);
		Map<Long, List<String>> leads = grouped("""
				select l.element_id, l.name from element_lead l join plan_element e on e.id = l.element_id
				where e.plan_id = any(?) order by l.element_id, l.position""", planIds);
		Map<Long, List<Reference>> references = new HashMap<>();
		this.jdbc.sql("select element_id, kind, name from plan_reference where plan_id = any(?) and element_id is not null order by position")
			.param(planIds)
			.query((rs) -> {
				references.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(new Reference(rs.getString(2), rs.getString(3)));
			});
		Map<Long, List<PlanElement.Alignment>> alignments = new HashMap<>();
		this.jdbc.sql(ALIGNMENT_COLUMNS + " join plan_element e on e.id = a.element_id where e.plan_id = any(?) order by a.element_id, a.position")
			.param(planIds)
			.query((rs) -> {
				alignments.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(alignment(rs));
			});
		List<ElementRow> rows = this.jdbc.sql("""
				select id, plan_id, parent_id, code, kind, title, short_title, description, start_date, due_date, progress,
				       assessment, latest_note, owner_decision, locality, start_written, due_written, prevention
				from plan_element where plan_id = any(?) and withdrawn_in is null order by plan_id, position""")
			.param(planIds)
			.query((rs, n) -> new ElementRow(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getString(4),
					ElementKind.of(rs.getString(5)).orElseThrow(), rs.getString(6), rs.getString(7), rs.getString(8), date(rs, 9),
					date(rs, 10), (Integer) rs.getObject(11), Assessment.of(rs.getString(12)).orElse(null), rs.getString(13),
					OwnerDecision.of(rs.getString(14)).orElse(null), rs.getString(15), rs.getString(16), rs.getString(17),
					Prevention.of(rs.getString(18)).orElse(null)))
			.list();
		Map<Long, Map<String, ImprovementProject.MeasureRole>> roles = new HashMap<>();
		Map<Long, List<MeasureDefinition>> measuresUsed = measuresUsed(planIds, roles);
		Map<Long, ImprovementProject> projects = projects(planIds, roles);
		Map<Long, PlanLevels> levels = new HashMap<>();
		plans.forEach((plan) -> levels.put(plan.id(), plan.levels()));
		Map<Long, PlanElement> byId = new LinkedHashMap<>();
		for (ElementRow r : rows) {
			List<Reference> refs = references.getOrDefault(r.id(), List.of());
			byId.put(r.id(), new PlanElement(r.id(), r.planId(), r.parentId(), r.code(), levels.get(r.planId()).of(r.kind()), r.title(), r.shortTitle(),
					r.description(), r.start(), r.due(), r.progress(), r.assessment(), r.ownerDecision(), r.latestNote(),
					leads.getOrDefault(r.id(), List.of()), names(refs, "plan"), names(refs, "programme"), names(refs, "partnership"),
					alignments.getOrDefault(r.id(), List.of()), measuresUsed.getOrDefault(r.id(), List.of()), new ArrayList<>(), r.locality(),
					r.startWritten(), r.dueWritten(), r.prevention(), projects.get(r.id())));
		}
		// positions count among siblings, so parents are attached once all elements exist
		Map<Long, List<PlanElement>> roots = new HashMap<>();
		for (PlanElement element : byId.values()) {
			if (element.parentId() == null) {
				roots.computeIfAbsent(element.planId(), (k) -> new ArrayList<>()).add(element);
			}
			else {
				byId.get(element.parentId()).children().add(element);
			}
		}
		return plans.stream().map((plan) -> new PlanTree(plan, roots.getOrDefault(plan.id(), new ArrayList<>()))).toList();
	}

	static PlanElement.Alignment alignment(ResultSet rs) throws SQLException {
		if (rs.getString(9) != null) {
			return new PlanElement.Alignment("NPF/" + rs.getString(9), null, null, null,
					"National Performance Framework", "National outcome", rs.getString(10), rs.getString(9));
		}
		return new PlanElement.Alignment(rs.getString(4) + "/" + rs.getString(8), rs.getLong(2), rs.getLong(3),
				rs.getString(4), rs.getString(5), PlanLevels.Level.read(rs.getString(6), rs.getString(11), null).label(),
				rs.getString(7),
				null);
	}

	/** A plan element's own columns, before its leads, references, alignments and measures join it. */
	private record ElementRow(long id, long planId, Long parentId, String code, ElementKind kind, String title, String shortTitle, String description,
			LocalDate start, LocalDate due, Integer progress, Assessment assessment, String latestNote, OwnerDecision ownerDecision,
			String locality, String startWritten, String dueWritten, Prevention prevention) {
	}

	/** A plan, programme or partnership an element names. */
	private record Reference(String kind, String name) {
	}

	private static List<String> names(List<Reference> references, String kind) {
		return references.stream().filter((r) -> r.kind().equals(kind)).map(Reference::name).toList();
	}

	private Map<Long, List<String>> grouped(String sql, Long[] planIds) {
		Map<Long, List<String>> grouped = new HashMap<>();
		this.jdbc.sql(sql).param(planIds).query((rs) -> {
			grouped.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>()).add(rs.getString(2));
		});
		return grouped;
	}

	long insertPlan(PlanDocument.Header header, Long partnershipId) {
		long id = this.jdbc.sql("""
				insert into plan (code, title, type, partnership_id, owner, start_date, end_date, status, approved_on, description, locality)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(header.code(), header.title(), header.type(), partnershipId, header.owner(), date(header.start()),
					date(header.end()), header.status(), date(header.approvedOn()), header.description(), header.locality())
			.query(Long.class)
			.single();
		insertLevelsAndRelatedPlans(id, header);
		return id;
	}

	/** A new version's header: the plan keeps its id and code, its levels and related plans are the file's. */
	void updatePlan(long id, PlanDocument.Header header, Long partnershipId) {
		this.jdbc.sql("""
				update plan set title = ?, type = ?, partnership_id = ?, owner = ?, start_date = ?, end_date = ?, status = ?,
				                approved_on = ?, description = ?, locality = ? where id = ?""")
			.params(header.title(), header.type(), partnershipId, header.owner(), date(header.start()), date(header.end()), header.status(),
					date(header.approvedOn()), header.description(), header.locality(), id)
			.update();
		this.jdbc.sql("delete from plan_level where plan_id = ?").param(id).update();
		this.jdbc.sql("delete from plan_reference where plan_id = ? and element_id is null").param(id).update();
		insertLevelsAndRelatedPlans(id, header);
	}

	private void insertLevelsAndRelatedPlans(long id, PlanDocument.Header header) {
		for (int i = 0; i < header.levels().size(); i++) {
			PlanDocument.Level level = header.levels().get(i);
			this.jdbc.sql("insert into plan_level (plan_id, position, kind, name, plural) values (?, ?, ?, ?, ?)")
				.params(id, i, level.kind().trim(), level.name().trim(), level.plural().trim())
				.update();
		}
		int position = 0;
		for (String related : header.relatedPlans()) {
			this.jdbc.sql("insert into plan_reference (plan_id, kind, name, position) values (?, 'plan', ?, ?)")
				.params(id, related, position++)
				.update();
		}
	}

	long insertElement(long planId, Long parentId, int position, PlanDocument.Element element) {
		// checked on import: each is a date as written, judged from its period's first day to its last
		WrittenDate start = WrittenDate.read(element.start());
		WrittenDate due = WrittenDate.read(element.due());
		long id = this.jdbc.sql("""
				insert into plan_element (plan_id, parent_id, position, code, kind, title, short_title, description,
				                          start_date, due_date, progress, assessment, owner_decision, latest_note, locality,
				                          start_written, due_written, prevention)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(planId, parentId, position, element.code(), element.kind(), element.title(), element.shortTitle(),
					element.description(), (start != null) ? start.first() : null, (due != null) ? due.last() : null,
					(element.progress() != null) ? Integer.valueOf(element.progress().trim()) : null,
					Coded.codeOf(element.assessment()), Coded.codeOf(element.ownerDecision()), element.latestNote(), element.locality(),
					(start != null) ? start.written() : null, (due != null) ? due.written() : null, element.prevention())
			.query(Long.class)
			.single();
		insertLists(planId, id, element, null);
		return id;
	}

	/**
	 * A new version's element that an earlier one had: its words, place and dates are the file's, while what updates
	 * give it (progress, the lead's assessment, the latest note, the owner's decision, a project's phase) stays as the
	 * update cycle left it. An element a version had left out comes back.
	 */
	void updateElement(long id, long planId, Long parentId, int position, PlanDocument.Element element) {
		WrittenDate start = WrittenDate.read(element.start());
		WrittenDate due = WrittenDate.read(element.due());
		this.jdbc.sql("""
				update plan_element set parent_id = ?, position = ?, kind = ?, title = ?, short_title = ?, description = ?,
				       start_date = ?, due_date = ?, locality = ?, start_written = ?, due_written = ?, prevention = ?, withdrawn_in = null
				where id = ?""")
			.params(parentId, position, element.kind(), element.title(), element.shortTitle(), element.description(),
					(start != null) ? start.first() : null, (due != null) ? due.last() : null, element.locality(),
					(start != null) ? start.written() : null, (due != null) ? due.written() : null, element.prevention(), id)
			.update();
		String phase = this.jdbc.sql("select phase from improvement_project where element_id = ?").param(id).query(String.class).optional()
			.orElse(null);
		for (String table : List.of("element_lead", "plan_reference", "measure_use", "improvement_project")) {
			this.jdbc.sql("delete from " + table + " where element_id = ?").param(id).update();
		}
		insertLists(planId, id, element, phase);
	}

	/** An element's leads, references and project; a project keeps {@code phase} where it had one. */
	private void insertLists(long planId, long id, PlanDocument.Element element, String phase) {
		if (element.project() != null) {
			insertProject(id, element.project(), phase);
		}
		int n = 0;
		for (String lead : element.leads()) {
			this.jdbc.sql("insert into element_lead (element_id, position, name) values (?, ?, ?)").params(id, n++, lead).update();
		}
		n = 0;
		for (String[] reference : references(element)) {
			this.jdbc.sql("insert into plan_reference (plan_id, element_id, kind, name, position) values (?, ?, ?, ?, ?)")
				.params(planId, id, reference[0], reference[1], n++)
				.update();
		}
	}

	private void insertProject(long elementId, PlanDocument.Project project, String phase) {
		// checked on import, as the element's own dates are
		WrittenDate byWhen = WrittenDate.read(project.byWhen());
		this.jdbc.sql("""
				insert into improvement_project (element_id, aim, by_how_much, by_when, by_when_written, phase, team, end_report)
				values (?, ?, ?, ?, ?, coalesce(?, 'charter'), ?, ?)""")
			.params(elementId, project.aim().strip(), project.byHowMuch(), (byWhen != null) ? byWhen.last() : null,
					(byWhen != null) ? byWhen.written() : null, (phase != null) ? phase : project.phase(), project.team().toArray(String[]::new), project.endReport())
			.update();
		int n = 0;
		for (PlanDocument.ChangeIdea idea : project.changeIdeas()) {
			this.jdbc.sql("insert into change_idea (element_id, position, idea, status) values (?, ?, ?, coalesce(?, 'untested'))")
				.params(elementId, n++, idea.idea().strip(), idea.status())
				.update();
		}
	}

	/** An approved update moves the project to another phase. */
	void recordPhase(long elementId, ImprovementProject.Phase phase) {
		this.jdbc.sql("update improvement_project set phase = ? where element_id = ?").params(phase.code(), elementId).update();
	}

	private static List<String[]> references(PlanDocument.Element element) {
		List<String[]> references = new ArrayList<>();
		element.keyPlans().forEach((name) -> references.add(new String[] { "plan", name }));
		element.programmes().forEach((name) -> references.add(new String[] { "programme", name }));
		element.partnerships().forEach((name) -> references.add(new String[] { "partnership", name }));
		return references;
	}

	void insertAlignment(long elementId, int position, Long targetElementId, String nationalOutcomeCode) {
		this.jdbc.sql("""
				insert into alignment (element_id, position, target_element_id, national_outcome_code)
				values (?, ?, ?, ?)""")
			.params(elementId, position, targetElementId, nationalOutcomeCode)
			.update();
	}

	/** The codes of other plans with elements aligned to elements of this plan. */
	List<String> plansAlignedTo(long id) {
		return this.jdbc.sql("""
				select distinct sp.code from alignment a
				join plan_element t on t.id = a.target_element_id
				join plan_element s on s.id = a.element_id join plan sp on sp.id = s.plan_id
				where t.plan_id = ? and s.plan_id <> ? and s.withdrawn_in is null order by sp.code""")
			.params(id, id)
			.query(String.class)
			.list();
	}

	/** Records that the element uses the measure, at {@code position} among its measures, playing its part in a project if any. */
	void use(long elementId, int position, long measureId, ImprovementProject.MeasureRole role) {
		this.jdbc.sql("insert into measure_use (measure_id, element_id, position, role) values (?, ?, ?, ?)")
			.params(measureId, elementId, position, Coded.codeOf(role))
			.update();
	}

	/** The measures each element of the plans uses, in the order the plan lists them. */
	private Map<Long, List<MeasureDefinition>> measuresUsed(Long[] planIds, Map<Long, Map<String, ImprovementProject.MeasureRole>> roles) {
		record Use(long elementId, long measureId, ImprovementProject.MeasureRole role) {
		}
		List<Use> uses = this.jdbc.sql("""
				select u.element_id, u.measure_id, u.role from measure_use u join plan_element e on e.id = u.element_id
				where e.plan_id = any(?) order by u.element_id, u.position""")
			.param(planIds)
			.query((rs, n) -> new Use(rs.getLong(1), rs.getLong(2), ImprovementProject.MeasureRole.of(rs.getString(3)).orElse(null)))
			.list();
		Map<Long, MeasureDefinition> definitions = this.measures.definitions(uses.stream().map(Use::measureId).toList());
		Map<Long, List<MeasureDefinition>> used = new HashMap<>();
		for (Use u : uses) {
			used.computeIfAbsent(u.elementId(), (k) -> new ArrayList<>()).add(definitions.get(u.measureId()));
			if (u.role() != null) {
				roles.computeIfAbsent(u.elementId(), (k) -> new HashMap<>()).put(definitions.get(u.measureId()).code(), u.role());
			}
		}
		return used;
	}

	/** The plans' improvement projects by element, each with its change ideas and its measures' roles. */
	private Map<Long, ImprovementProject> projects(Long[] planIds, Map<Long, Map<String, ImprovementProject.MeasureRole>> roles) {
		Map<Long, List<ImprovementProject.ChangeIdea>> ideas = new HashMap<>();
		this.jdbc.sql("""
				select i.element_id, i.idea, i.status from change_idea i join plan_element e on e.id = i.element_id
				where e.plan_id = any(?) order by i.element_id, i.position""")
			.param(planIds)
			.query((rs) -> {
				ideas.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new ImprovementProject.ChangeIdea(rs.getString(2), ImprovementProject.ChangeIdea.Status.of(rs.getString(3)).orElseThrow()));
			});
		Map<Long, ImprovementProject> projects = new HashMap<>();
		this.jdbc.sql("""
				select p.element_id, p.aim, p.by_how_much, p.by_when, p.by_when_written, p.phase, p.team, p.end_report
				from improvement_project p join plan_element e on e.id = p.element_id where e.plan_id = any(?)""")
			.param(planIds)
			.query((rs) -> {
				long id = rs.getLong(1);
				projects.put(id, new ImprovementProject(rs.getString(2), rs.getString(3), date(rs, 4), rs.getString(5),
						ImprovementProject.Phase.of(rs.getString(6)).orElseThrow(), List.of((String[]) rs.getArray(7).getArray()),
						ideas.getOrDefault(id, List.of()), rs.getString(8), roles.getOrDefault(id, Map.of())));
			});
		return projects;
	}

	/** Every element that uses the measure, in plan and tree order. */
	List<scot.goldenthread.measures.MeasureUses.Use> usesOf(long measureId) {
		return this.jdbc.sql("""
				select p.id, p.title, e.id, e.code, e.kind, e.title, l.name from measure_use u
				join plan_element e on e.id = u.element_id join plan p on p.id = e.plan_id
				left join plan_level l on l.plan_id = p.id and l.kind = e.kind
				where u.measure_id = ? and e.withdrawn_in is null order by p.start_date, p.id, e.id""")
			.param(measureId)
			.query((rs, n) -> new scot.goldenthread.measures.MeasureUses.Use(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getString(4), PlanLevels.Level.read(rs.getString(5), rs.getString(7), null).label(),
					rs.getString(6)))
			.list();
	}

	/** A measure a plan uses, and a national outcome the element using it serves. */
	record MeasureOutcome(long measureId, long planId, String outcomeCode, String outcomeName) {
	}

	/** A measure a plan uses, and a strategic outcome of that plan the element using it is under. */
	record MeasureStrategicOutcome(long measureId, long planId, String elementCode, String elementTitle) {
	}

	/** Where the measures plans use lead: the national outcomes they serve and the strategic outcomes they are under. */
	record MeasureReach(List<MeasureOutcome> served, List<MeasureStrategicOutcome> under) {
	}

	/**
	 * Each measure each plan uses with every national outcome it serves (one aligned to the element that uses it, to an
	 * element above that in its plan, or to one it serves along the golden thread, however far) and every strategic
	 * outcome of its own plan it is under, however deep: one walk up the thread, noting whether it has left the plan.
	 */
	MeasureReach measureReach() {
		List<MeasureOutcome> served = new ArrayList<>();
		List<MeasureStrategicOutcome> under = new ArrayList<>();
		this.jdbc.sql("""
				with recursive reach (plan_id, measure_id, element_id, in_plan) as (
				    select e.plan_id, u.measure_id, u.element_id, true from measure_use u join plan_element e on e.id = u.element_id
				    where e.withdrawn_in is null
				    union
				    select r.plan_id, r.measure_id, n.next, r.in_plan and n.parent from reach r cross join lateral (
				        select e.parent_id as next, true as parent from plan_element e where e.id = r.element_id and e.parent_id is not null
				        union all
				        select a.target_element_id, false from alignment a where a.element_id = r.element_id and a.target_element_id is not null) n
				)
				(select distinct false, r.measure_id, r.plan_id, o.code, o.name, o.position from reach r
				join alignment a on a.element_id = r.element_id join national_outcome o on o.code = a.national_outcome_code)
				union all
				(select distinct true, r.measure_id, r.plan_id, s.code, s.title, s.position from reach r
				join plan_element s on s.id = r.element_id where r.in_plan and s.kind = 'strategic-outcome')
				order by 1, 6""")
			.query((ResultSet rs) -> {
				if (rs.getBoolean(1)) {
					under.add(new MeasureStrategicOutcome(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
				}
				else {
					served.add(new MeasureOutcome(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
				}
			});
		return new MeasureReach(served, under);
	}

	/** Each measure a plan uses, by the measure's id, with the plan and its partnership. */
	record MeasurePlan(long measureId, long planId, Long partnershipId) {
	}

	List<MeasurePlan> measurePlans() {
		return this.jdbc.sql("""
				select distinct u.measure_id, p.id, p.partnership_id from measure_use u
				join plan_element e on e.id = u.element_id join plan p on p.id = e.plan_id where e.withdrawn_in is null""")
			.query((rs, n) -> new MeasurePlan(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3)))
			.list();
	}

	/** The elements of any plan scoped to the locality, by plan and position. */
	List<ServingElement> elementsServing(String locality) {
		return this.jdbc.sql("""
				select e.id, e.plan_id, e.code, e.title, e.kind, l.name, l.plural from plan_element e
				left join plan_level l on l.plan_id = e.plan_id and l.kind = e.kind where e.locality = ? and e.withdrawn_in is null
				order by e.plan_id, e.position""")
			.param(locality)
			.query((rs, n) -> new ServingElement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					PlanLevels.Level.read(rs.getString(5), rs.getString(6), rs.getString(7))))
			.list();
	}

	record ServingElement(long id, long planId, String code, String title, PlanLevels.Level level) {
	}

	/** Every element the plan has had, by code, those a version left out too. */
	Map<String, Long> elementIds(long planId) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("select code, id from plan_element where plan_id = ?").param(planId).query((rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** The codes of the plan's elements that another plan's elements serve. */
	List<String> servedFromOtherPlans(long planId) {
		return this.jdbc.sql("""
				select distinct t.code from alignment a join plan_element t on t.id = a.target_element_id
				join plan_element s on s.id = a.element_id
				where t.plan_id = ? and s.plan_id <> ? and s.withdrawn_in is null and t.withdrawn_in is null order by t.code""")
			.params(planId, planId)
			.query(String.class)
			.list();
	}

	/** Leaves the elements out of the plan from this version on, their updates kept. */
	void withdraw(Collection<Long> elementIds, int version) {
		this.jdbc.sql("update plan_element set withdrawn_in = ? where id = any(?) and withdrawn_in is null")
			.params(version, elementIds.toArray(Long[]::new))
			.update();
	}

	/** What the plan's elements serve, to be written again from a new version's file. */
	void deleteAlignments(long planId) {
		this.jdbc.sql("delete from alignment a using plan_element e where e.id = a.element_id and e.plan_id = ?").param(planId).update();
	}

	/** The plan's versions, first to last, each in force until the day before the next's. */
	List<PlanVersion> versions(long planId) {
		Map<Integer, List<PlanVersion.Change>> changes = new HashMap<>();
		this.jdbc.sql("select number, kind, code, level, before, after from plan_version_change where plan_id = ? order by number, position")
			.param(planId)
			.query((rs) -> {
				changes.computeIfAbsent(rs.getInt(1), (k) -> new ArrayList<>()).add(new PlanVersion.Change(
						PlanVersion.Change.Kind.of(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
			});
		return this.jdbc.sql("""
				select number, in_force_from, lead(in_force_from) over (order by number) - 1, made_at, note
				from plan_version where plan_id = ? order by number""")
			.param(planId)
			.query((rs, n) -> new PlanVersion(rs.getInt(1), date(rs, 2), date(rs, 3), rs.getObject(4, OffsetDateTime.class), rs.getString(5),
					changes.getOrDefault(rs.getInt(1), List.of())))
			.list();
	}

	void insertVersion(long planId, int number, LocalDate inForceFrom, String madeBy, String note, List<PlanVersion.Change> changes) {
		this.jdbc.sql("insert into plan_version (plan_id, number, in_force_from, made_by, note) values (?, ?, ?, ?, ?)")
			.params(planId, number, inForceFrom, madeBy, note)
			.update();
		int position = 0;
		for (PlanVersion.Change c : changes) {
			this.jdbc.sql("""
					insert into plan_version_change (plan_id, number, position, kind, code, level, before, after)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(planId, number, position++, c.kind().code(), c.code(), c.level(), c.before(), c.after())
				.update();
		}
	}

	/** Keeps the plan file as a version left it, once another is in force. */
	void keepDocument(long planId, int number, String document) {
		this.jdbc.sql("update plan_version set document = ? where plan_id = ? and number = ?").params(document, planId, number).update();
	}

	/** The plan file as a version no longer in force left it. */
	Optional<String> document(long planId, int number) {
		return this.jdbc.sql("select document from plan_version where plan_id = ? and number = ? and document is not null")
			.params(planId, number)
			.query(String.class)
			.optional();
	}

	void deletePlan(long id) {
		this.jdbc.sql("delete from plan where id = ?").param(id).update();
	}

	private static LocalDate date(String iso) {
		return (iso != null) ? LocalDate.parse(iso.trim()) : null;
	}

	private static LocalDate date(ResultSet rs, int column) throws SQLException {
		Date date = rs.getDate(column);
		return (date != null) ? date.toLocalDate() : null;
	}

	/** Reads everything from its row: a query from inside a row mapper would hold two connections at once. */
	private static Plan mapPlan(ResultSet rs, int row) throws SQLException {
		List<String> related = List.of((String[]) rs.getArray(13).getArray());
		String[] kinds = (String[]) rs.getArray(15).getArray();
		String[] names = (String[]) rs.getArray(16).getArray();
		String[] plurals = (String[]) rs.getArray(17).getArray();
		List<PlanLevels.Level> levels = new ArrayList<>();
		for (int i = 0; i < kinds.length; i++) {
			levels.add(PlanLevels.Level.read(kinds[i], names[i], plurals[i]));
		}
		return new Plan(rs.getLong(1), rs.getString(2), rs.getString(3), PlanType.of(rs.getString(4)).orElseThrow(), rs.getString(5),
				rs.getString(6), rs.getString(7), date(rs, 8), date(rs, 9), PlanStatus.of(rs.getString(10)).orElseThrow(),
				date(rs, 11), rs.getString(12), related, rs.getString(14), levels.isEmpty() ? PlanLevels.PRODUCT : new PlanLevels(levels));
	}

	/** Plans (with no element) and elements whose words match those typed, best first. */
	List<PlanCatalogue.Match> matching(String words) {
		return this.jdbc.sql("""
				select id, null::bigint, ts_rank(words, q) from plan, websearch_to_tsquery('english', ?) q where words @@ q
				union all
				select plan_id, id, ts_rank(words, q) from plan_element, websearch_to_tsquery('english', ?) q where words @@ q and withdrawn_in is null
				order by 3 desc, 1, 2 nulls first""")
			.params(words, words)
			.query((rs, row) -> new PlanCatalogue.Match(rs.getLong(1), (Long) rs.getObject(2), rs.getFloat(3)))
			.list();
	}

}
