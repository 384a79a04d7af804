package scot.goldenthread;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.partnerships.Partnership;
import scot.goldenthread.partnerships.PartnershipDirectory;
import scot.goldenthread.people.Accounts;
import scot.goldenthread.people.Role;
import scot.goldenthread.plans.Assessment;
import scot.goldenthread.plans.ElementKind;
import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanElement;
import scot.goldenthread.plans.PlanFormat;
import scot.goldenthread.plans.PlanTree;
import scot.goldenthread.progress.ProgressUpdates;
import scot.goldenthread.progress.ReportingPeriod;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A world a test makes for itself: its own partnership, partner, published plan, people and reporting periods, each
 * named with a tag no other test and no demo row has, made through the same services users go through. A test
 * that uses one finds nothing by a demo name, so a change to the demo data breaks only the demo's own tests.
 * (A component of the test classes only: the application's scan finds it in tests, never in the product; made only
 * when a test asks for it, so a module test that starts a few modules does not need the ones it uses.)
 */
@Component
@Lazy
public class Fixtures {

	/** The password {@link World#withPassword} gives an account; the others sign in only as tests make them. */
	public static final String PASSWORD = "a fixture's own password";

	private static final AtomicInteger WORLDS = new AtomicInteger();

	private final PartnershipDirectory partnerships;

	private final PlanCatalogue plans;

	private final Accounts accounts;

	private final ProgressUpdates updates;

	private final MeasureDefinitions measures;

	private final ObservationImporter observations;

	Fixtures(PartnershipDirectory partnerships, PlanCatalogue plans, Accounts accounts, ProgressUpdates updates, MeasureDefinitions measures,
			ObservationImporter observations) {
		this.measures = measures;
		this.observations = observations;
		this.partnerships = partnerships;
		this.plans = plans;
		this.accounts = accounts;
		this.updates = updates;
	}

	/**
	 * A partnership with a published plan running from April 2025 to March 2028: outcome O1, priority P1, and under it
	 * actions A1 (with milestone A1.1) and A2 led by the lead, and A3 led by the other lead; an owner, the two leads as
	 * contributors, a viewer and an administrator, each with an email address; the plans' figures approved in a period that closed in 2025; a measure A1 uses, with a two-year series ({@link World#gap()}); a reporting period that closed in 2025 and one open now; and a partner's plan serving P1.
	 */
	public World world() {
		String tag = "fx" + WORLDS.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 1_000_000, 36);
		String partnership = tag + "-partnership";
		this.partnerships.addPartner(tag + "-council", "Fixture Council " + tag, true, null);
		this.partnerships.addPartnership(partnership, "Fixture Partnership " + tag, Partnership.Kind.THEMATIC, null, null, null,
				List.of(tag + "-council"));
		long partnershipId = this.partnerships.partnership(partnership).orElseThrow().id();
		String lead = "Fixture Lead " + tag;
		String otherLead = "Other Fixture Lead " + tag;
		String code = tag.toUpperCase() + "-PLAN";
		String gap = tag.toUpperCase() + "-GAP";
		String unused = tag.toUpperCase() + "-UNUSED";
		this.measures.define(new ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- code: %s
				  title: Numeracy gap %s
				  kind: performance-measure
				  unit: percentage-points
				  decimals: 1
				  polarity: lower-is-better
				  periodType: academic-year
				  area: S12000005
				  lead: %s
				  source: Fixtures
				  targets:
				  - {kind: stretch-aim, period: 2025/26, value: 11}
				- code: %s
				  title: A measure no plan uses %s
				  unit: percentage
				  polarity: higher-is-better
				  periodType: calendar-year
				  area: S12000005
				""".formatted(gap, tag, lead, unused, tag).getBytes(StandardCharsets.UTF_8)), "fixtures.yaml");
		this.observations.importCsv(new StringReader("""
				measure,period,geography,value
				%s,2021/22,S12000005,13.9
				%s,2022/23,S12000005,14.3
				""".formatted(gap, gap)), "fixtures.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		long planId = this.plans.importFile(new ByteArrayInputStream("""
				format: golden-thread/plan@1
				plan:
				  code: %s
				  title: Fixture plan %s
				  type: thematic-plan
				  partnership: %s
				  start: 2025-04-01
				  end: 2028-03-31
				  status: approved
				elements:
				- code: O1
				  kind: strategic-outcome
				  title: Children flourish
				  alignedTo: [NPF/children-and-young-people]
				  children:
				  - code: P1
				    kind: priority
				    title: Every child ready to learn
				    children:
				    - code: A1
				      kind: action
				      title: Open nurture groups in every school
				      start: 2025-04-01
				      due: 2028-03-31
				      progress: 50
				      expectedOutcome: on-track
				      latestNote: Groups open in four schools.
				      leads: [%s]
				      measures:
				      - {code: %s, title: Numeracy gap %s, polarity: lower-is-better}
				      children:
				      - code: A1.1
				        kind: milestone
				        title: Train the staff
				        due: 2026-03-31
				    - code: A2
				      kind: action
				      title: Offer family learning in every locality
				      start: 2025-04-01
				      due: 2028-03-31
				      progress: 20
				      latestNote: Planning the first sessions.
				      leads: [%s]
				    - code: A3
				      kind: action
				      title: Publish the attainment gap by locality
				      start: 2025-04-01
				      due: 2028-03-31
				      leads: [%s]
				""".formatted(code, tag, partnership, lead, gap, tag, lead, otherLead).getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		Plan plan = this.plans.plan(planId).orElseThrow();
		long partnerPlanId = this.plans.importFile(new ByteArrayInputStream("""
				format: golden-thread/plan@1
				plan:
				  code: %s-PARTNER
				  title: Fixture partner plan %s
				  type: business-plan
				  partnership: %s
				  start: 2025-04-01
				  end: 2026-03-31
				  status: approved
				elements:
				- code: B1
				  kind: action
				  title: Run holiday clubs for families
				  due: 2026-03-31
				  progress: 30
				  expectedOutcome: on-track
				  latestNote: Holiday clubs ran in the summer.
				  alignedTo: [%s/P1]
				  leads: [%s]
				""".formatted(code, tag, partnership, code, lead).getBytes(StandardCharsets.UTF_8)), PlanFormat.YAML);
		String owner = account(tag + ".owner", "Fixture Owner " + tag, Role.PLAN_OWNER, partnershipId);
		String leadAccount = account(tag + ".lead", lead, Role.CONTRIBUTOR, partnershipId);
		String otherLeadAccount = account(tag + ".other", otherLead, Role.CONTRIBUTOR, partnershipId);
		String viewer = account(tag + ".viewer", "Fixture Viewer " + tag, Role.VIEWER, partnershipId);
		String administrator = account(tag + ".admin", "Fixture Administrator " + tag, Role.ADMINISTRATOR, null);
		LocalDate today = LocalDate.now();
		ReportingPeriod past = this.updates.recordPeriod(plan, "Interim update 2025", LocalDate.of(2025, 9, 1), LocalDate.of(2025, 12, 15),
				LocalDate.of(2025, 12, 31), OffsetDateTime.parse("2026-01-05T09:00:00Z"), owner);
		ReportingPeriod open = this.updates.recordPeriod(plan, "Update now", today.minusDays(10), today.plusDays(20), today.plusDays(40),
				null, null);
		Plan partnerPlan = this.plans.plan(partnerPlanId).orElseThrow();
		ReportingPeriod partnerPast = this.updates.recordPeriod(partnerPlan, "Interim update 2025", LocalDate.of(2025, 9, 1),
				LocalDate.of(2025, 12, 15), LocalDate.of(2025, 12, 31), OffsetDateTime.parse("2026-01-05T09:00:00Z"), owner);
		ReportingPeriod partnerOpen = this.updates.recordPeriod(partnerPlan, "Update now", today.minusDays(10), today.plusDays(20),
				today.plusDays(40), null, null);
		// the plans' progress as approved in 2025, as their figures say
		OffsetDateTime approvedAt = OffsetDateTime.parse("2025-12-20T12:00:00Z");
		PlanTree tree = this.plans.tree(planId).orElseThrow();
		this.updates.recordApproved(element(tree, "A1").id(), past, 50, Assessment.ON_TRACK, "Groups open in four schools.", leadAccount,
				owner, approvedAt);
		this.updates.recordApproved(element(tree, "A2").id(), past, 20, null, "Planning the first sessions.", leadAccount, owner, approvedAt);
		this.updates.recordApproved(element(this.plans.tree(partnerPlanId).orElseThrow(), "B1").id(), partnerPast, 30, Assessment.ON_TRACK,
				"Holiday clubs ran in the summer.", leadAccount, owner, approvedAt);
		return new World(tag, gap, unused, planId, partnerPlanId, owner, leadAccount, otherLeadAccount, viewer, administrator, past, open,
				partnerOpen);
	}

	private static PlanElement element(PlanTree tree, String code) {
		return tree.elements().stream().filter((e) -> code.equals(e.code())).findFirst().orElseThrow();
	}

	/** An account holding the role in the partnership, or everywhere where {@code partnershipId} is null. */
	private String account(String username, String name, Role role, Long partnershipId) {
		long id = this.accounts.create(new Accounts.Details(username, name, username + "@fixtures.example", name, null), null);
		this.accounts.grant(id, role, partnershipId, null);
		return username;
	}

	/** What {@link #world()} made: usernames of its people, its plan, its periods. */
	public final class World {

		private final String tag;

		private final String gap;

		private final String unused;

		private final long planId;

		private final long partnerPlanId;

		private final String owner;

		private final String lead;

		private final String otherLead;

		private final String viewer;

		private final String administrator;

		private final ReportingPeriod past;

		private final ReportingPeriod open;

		private final ReportingPeriod partnerOpen;

		World(String tag, String gap, String unused, long planId, long partnerPlanId, String owner, String lead, String otherLead, String viewer, String administrator, ReportingPeriod past,
				ReportingPeriod open, ReportingPeriod partnerOpen) {
			this.tag = tag;
			this.gap = gap;
			this.unused = unused;
			this.planId = planId;
			this.partnerPlanId = partnerPlanId;
			this.owner = owner;
			this.lead = lead;
			this.otherLead = otherLead;
			this.viewer = viewer;
			this.administrator = administrator;
			this.past = past;
			this.open = open;
			this.partnerOpen = partnerOpen;
		}

		public String tag() {
			return this.tag;
		}

		/**
		 * The code of the measure action A1 uses, led by the lead: a gap in percentage points by academic year, lower is
		 * better, 13.9 in 2021/22 and 14.3 in 2022/23, stretch aim 11 by 2025/26.
		 */
		public String gap() {
			return this.gap;
		}

		/** The code of a published measure no plan uses. */
		public String unusedMeasure() {
			return this.unused;
		}

		/** The plan as it is now, read again. */
		public PlanTree tree() {
			return Fixtures.this.plans.tree(this.planId).orElseThrow();
		}

		public Plan plan() {
			return tree().plan();
		}

		/** A partner's plan of the same partnership whose one action, B1 (led by the lead), serves the plan's priority P1. */
		public PlanTree partnerPlan() {
			return Fixtures.this.plans.tree(this.partnerPlanId).orElseThrow();
		}

		/** An element of the plan by its code, as it is now. */
		public PlanElement element(String code) {
			return Fixtures.element(tree(), code);
		}

		public List<PlanElement> actions() {
			return tree().ofKind(ElementKind.ACTION);
		}

		public String owner() {
			return this.owner;
		}

		/** The contributor who leads A1 and A2. */
		public String lead() {
			return this.lead;
		}

		/** The contributor who leads A3. */
		public String otherLead() {
			return this.otherLead;
		}

		public String viewer() {
			return this.viewer;
		}

		/** The person, now able to sign in with {@link Fixtures#PASSWORD} (hashing a password is slow, so only when asked). */
		public String withPassword(String username) {
			Fixtures.this.accounts.resetPassword(Fixtures.this.accounts.byUsername(username).orElseThrow().id(), PASSWORD);
			return username;
		}

		/** An administrator of everything, of this world's own making. */
		public String administrator() {
			return this.administrator;
		}

		/** The reporting period that closed in January 2026. */
		public ReportingPeriod past() {
			return this.past;
		}

		/** The reporting period open now. */
		public ReportingPeriod open() {
			return this.open;
		}

		/** The partner plan's reporting period open now. */
		public ReportingPeriod partnerOpen() {
			return this.partnerOpen;
		}

		/** Another reporting period of the plan, its days counted from today. */
		public ReportingPeriod period(String name, int opensInDays, int deadlineInDays, int closesInDays) {
			LocalDate today = LocalDate.now();
			return Fixtures.this.updates.recordPeriod(plan(), name, today.plusDays(opensInDays), today.plusDays(deadlineInDays),
					today.plusDays(closesInDays), null, null);
		}

		/** The partner plan's action B1, as it is now. */
		public PlanElement servingAction() {
			return partnerPlan().elements().get(0);
		}

	}

}
