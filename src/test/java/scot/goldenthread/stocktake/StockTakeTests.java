package scot.goldenthread.stocktake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.SignedIn;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.reports.CommitteeReport;
import scot.goldenthread.reports.CommitteeReports;
import scot.goldenthread.shared.DateInput;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan owner records participation and a partner's contribution and sees the stock-take check's findings change; the
 * public sees the records published with the plan, without their contacts.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StockTakeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	PlanCatalogue plans;

	@Autowired
	CommitteeReports papers;

	Fixtures.World world;

	long plan;

	@BeforeEach
	void makeTheWorld() {
		this.world = this.fixtures.world();
		this.plan = this.world.plan().id();
	}

	@Test
	void recordsAddedByTheOwnerChangeTheFindings() throws Exception {
		String before = page(get("/plans/{id}/stock-take", this.plan));
		assertThat(before).contains("0 engagement activities and 0 participation requests recorded.",
				"Priority P1 (Every child ready to learn) has no participation recorded for it", "No record says it reached groups seldom heard",
				"0 of 3 actions and 0 of 2 priorities have partners&#39; contributions recorded.",
				"Fixture Council " + this.world.tag() + ", a statutory partner, has no contribution recorded");
		long p1 = this.world.element("P1").id();
		long a1 = this.world.element("A1").id();
		this.mvc.perform(post("/plans/{id}/stands-on/participation", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("kind", "engagement").param("title", "Parents' survey on nurture groups").param("method", "online-survey")
			.param("heldFrom.day", "1").param("heldFrom.month", "9").param("heldFrom.year", "2025")
			.param("participants", "212").param("seldomHeard", "Young carers\nKinship carers").param("heard", "Groups should run after school too.")
			.param("changed", "Two groups now run after school.").param("contact", "jo.bloggs@example.org").param("audience", "public")
			.param("elements", String.valueOf(p1)))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		this.mvc.perform(post("/plans/{id}/stands-on/contribution", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("element", String.valueOf(a1)).param("partner", this.world.tag() + "-council").param("financialYear", "2025/26")
			.param("money", "£25,000").param("fte", "1.5").param("source", "redirected"))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		// the totals by partner, by the priority the action is under, and by year
		assertThat(page(get("/plans/{id}/stands-on", this.plan)).replaceAll("\\s+", " ")).contains("Totals by priority",
				"P1 Every child ready to learn</th> <td class=\"govuk-table__cell govuk-table__cell--numeric\">25,000</td>");
		String after = page(get("/plans/{id}/stock-take", this.plan));
		assertThat(after).contains("1 engagement activity and 0 participation requests recorded.", "1 of 2 priorities have participation recorded for them.",
				"Groups seldom heard reached: Young carers, Kinship carers.",
				"1 of 3 actions and 0 of 2 priorities have partners&#39; contributions recorded.",
				"Fixture Council " + this.world.tag() + ": £25,000, 1.5 FTE, over 2025/26.")
			.doesNotContain("No record says it reached groups seldom heard", "a statutory partner, has no contribution recorded");
		// the public reads the record without its contact
		String public_ = page(get("/plans/{id}/stands-on", this.plan));
		assertThat(public_).contains("Parents&#39; survey on nurture groups", "212 people", "Groups should run after school too.",
				"Two groups now run after school.", "25,000").doesNotContain("jo.bloggs@example.org");
		assertThat(page(get("/plans/{id}/stands-on", this.plan).with(SignedIn.as(this.users, this.world.owner())))).contains("jo.bloggs@example.org");
		assertThat(page(get("/api/plans/{id}/stands-on", this.plan))).contains("\"title\":\"Parents' survey on nurture groups\"",
				"\"seldomHeard\":[\"Young carers\",\"Kinship carers\"]", "\"money\":25000").doesNotContain("jo.bloggs@example.org");
		this.mvc.perform(get("/api/plans/{id}/stock-take", this.plan)).andExpect(jsonPath("$.statements.length()").value(6))
			.andExpect(jsonPath("$.statements[2].findings[0]").value("1 engagement activity and 0 participation requests recorded."));
		assertThat(this.jdbc.sql("select count(*) from audit_event where entity_type in ('participation', 'contribution') and summary like ?")
			.param("%" + this.world.plan().code() + "%").query(Integer.class).single()).isEqualTo(2);
	}

	@Test
	void aBadContributionIsToldBesideEachFieldAndNothingIsStored() throws Exception {
		String refused = page(post("/plans/{id}/stands-on/contribution", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("element", "").param("partner", "nobody").param("financialYear", "2025/27").param("money", "lots").param("source", ""));
		assertThat(refused).contains("Error: Add a contribution from a partner", "Choose the action or priority the contribution is to", "Choose one of the partners listed",
				"Enter the financial year as the year it starts and the next, such as 2025/26", "Enter the money in pounds, such as 25000",
				"Say whether the resources are new or redirected");
		assertThat(this.jdbc.sql("select count(*) from contribution c join plan_element e on e.id = c.element_id where e.plan_id = ?")
			.param(this.plan).query(Integer.class).single()).isZero();
		// a partnership-only record is not the public's, and only the owner adds
		this.mvc.perform(post("/plans/{id}/stands-on/evidence", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("kind", "study").param("title", "Draft study of nurture").param("audience", "partnership"))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		assertThat(page(get("/plans/{id}/stands-on", this.plan))).doesNotContain("Draft study of nurture");
		this.mvc.perform(post("/plans/{id}/stands-on/evidence", this.plan).with(SignedIn.as(this.users, this.world.lead()))
			.param("kind", "study").param("title", "Not theirs to add")).andExpect(status().isForbidden());
		// the owner removes a record, which the audit trail keeps; no one else may
		long evidence = this.jdbc.sql("select id from evidence where plan_id = ?").param(this.plan).query(Long.class).single();
		this.mvc.perform(post("/plans/{id}/stands-on/evidence/{r}/remove", this.plan, evidence).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/plans/{id}/stands-on/evidence/{r}/remove", this.plan, evidence).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		assertThat(page(get("/plans/{id}/stands-on", this.plan).with(SignedIn.as(this.users, this.world.owner())))).doesNotContain("Draft study of nurture");
		assertThat(this.jdbc.sql("select before::text from audit_event where entity_type = 'evidence' and action = 'delete' and entity_id = ?")
			.param(String.valueOf(evidence)).query(String.class).single()).contains("Draft study of nurture");
		this.mvc.perform(post("/plans/{id}/stands-on/evidence/{r}/remove", this.plan, evidence).with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(status().isNotFound());
	}

	@Test
	void anEqualityImpactAssessmentOfAPaperIsWhatThePapersEqualitiesImpactSaysAndItsFileIsSeenOnlyAsTheRecordIs() throws Exception {
		CommitteeReport paper = this.papers.record(this.plan, new CommitteeReports.Draft("Fixture Council", "Audit and Scrutiny Committee",
				DateInput.parse("2026-02-09"), "Nurture update", "Head of Education", null,
				Map.of(CommitteeReport.Section.PURPOSE, "To note progress.", CommitteeReport.Section.EQUALITIES, "Typed: No"), null), "someone");
		String owner = this.world.owner();
		String refused = page(multipart("/plans/{id}/stands-on/equality-impact", this.plan).file(new MockMultipartFile("file", "eqia.exe", null,
				new byte[] { 1 })).param("committeeReport", "999999").param("title", "").param("outcome", "maybe").with(SignedIn.as(this.users, owner)));
		assertThat(refused).contains("Error: Add an equality impact assessment", "Choose one of the plan&#39;s committee papers, or the plan itself",
				"Enter what was assessed", "Choose the outcome of the assessment", "Upload a PDF, Word, Excel");
		this.mvc.perform(multipart("/plans/{id}/stands-on/equality-impact", this.plan)
			.file(new MockMultipartFile("file", "C:\\papers\\eqia.pdf", "application/pdf", "%PDF-1.4 EqIA".getBytes(StandardCharsets.UTF_8)))
			.param("committeeReport", String.valueOf(paper.id())).param("title", "EqIA of the nurture recommendations")
			.param("assessedOn.day", "12").param("assessedOn.month", "1").param("assessedOn.year", "2026").param("outcome", "no-major-change")
			.param("audience", "public").with(SignedIn.as(this.users, owner)))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		assertThat(page(get("/committee-reports/{id}", paper.id()))).contains("2.0 Equalities Impact",
				"2.1 Have you undertaken the required equalities impact assessment", "EqIA of the nurture recommendations, assessed on 12 January 2026.",
				"Outcome: No major change").doesNotContain("Typed: No");
		long id = this.jdbc.sql("select id from equality_impact where plan_id = ?").param(this.plan).query(Long.class).single();
		this.mvc.perform(get("/plans/{id}/stands-on/equality-impact/{r}/file", this.plan, id)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment; filename=\"eqia.pdf\"")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		// the owner keeps it to the partnership: the paper still declares one was made, but the public has neither its words nor its file
		this.mvc.perform(multipart("/plans/{id}/stands-on/equality-impact/{r}", this.plan, id).param("committeeReport", String.valueOf(paper.id()))
			.param("title", "EqIA of the nurture recommendations").param("outcome", "adjust").param("audience", "partnership")
			.with(SignedIn.as(this.users, owner))).andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		assertThat(page(get("/committee-reports/{id}", paper.id()))).contains("The assessment is held by the partnership.")
			.doesNotContain("EqIA of the nurture recommendations");
		this.mvc.perform(get("/plans/{id}/stands-on/equality-impact/{r}/file", this.plan, id)).andExpect(status().isNotFound());
		this.mvc.perform(get("/plans/{id}/stands-on/equality-impact/{r}/file", this.plan, id).with(SignedIn.as(this.users, this.world.viewer())))
			.andExpect(status().isOk());
		assertThat(this.jdbc.sql("select before::text || after::text from audit_event where entity_type = 'equality-impact' and action = 'update' and entity_id = ?")
			.param(String.valueOf(id)).query(String.class).single()).contains("\"outcome\": \"no-major-change\"", "\"outcome\": \"adjust\"");
		// the plan's own assessment closes the participation statement's gap
		assertThat(page(get("/plans/{id}/stock-take", this.plan))).contains("No equality impact assessment of the plan is recorded");
	}

	@Test
	void theOwnerChangesEvidenceItsFileAndTheMeasuresThatCiteIt() throws Exception {
		String owner = this.world.owner();
		String measure = this.world.tree().elements().stream().flatMap((e) -> e.measures().stream()).findFirst().orElseThrow().code();
		this.mvc.perform(multipart("/plans/{id}/stands-on/evidence", this.plan)
			.file(new MockMultipartFile("file", "profile.xlsx", null, "sheet".getBytes(StandardCharsets.UTF_8)))
			.param("kind", "profile").param("title", "Locality profile").param("measures", measure).param("audience", "public")
			.with(SignedIn.as(this.users, owner))).andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		long id = this.jdbc.sql("select id from evidence where plan_id = ?").param(this.plan).query(Long.class).single();
		assertThat(page(get("/plans/{id}/stands-on", this.plan))).contains("Download profile.xlsx", "Cited by measures", measure);
		assertThat(page(get("/plans/{id}/stock-take", this.plan))).contains("1 of ");
		assertThat(page(get("/plans/{id}/stands-on", this.plan).with(SignedIn.as(this.users, owner))))
			.contains("/stands-on/evidence/" + id + "\">Change<span class=\"govuk-visually-hidden\">: Locality profile</span>");
		String form = page(get("/plans/{id}/stands-on/evidence/{r}", this.plan, id).with(SignedIn.as(this.users, owner)));
		assertThat(form).contains("Change evidence", "value=\"Locality profile\"", "Take away profile.xlsx");
		this.mvc.perform(get("/plans/{id}/stands-on/evidence/{r}", this.plan, id).with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/plans/{id}/stands-on/evidence/{r}", this.plan, id).param("kind", "profile").param("title", "Alloa profile")
			.param("measures", "NOT-" + measure).param("removeFile", "true").with(SignedIn.as(this.users, owner)))
			.andExpect(status().isOk());
		this.mvc.perform(multipart("/plans/{id}/stands-on/evidence/{r}", this.plan, id).param("kind", "profile").param("title", "Alloa profile")
			.param("removeFile", "true").param("audience", "public").with(SignedIn.as(this.users, owner)))
			.andExpect(redirectedUrl("/plans/" + this.plan + "/stands-on"));
		assertThat(page(get("/plans/{id}/stands-on", this.plan))).contains("Alloa profile").doesNotContain("Locality profile", "profile.xlsx",
				"Cited by measures");
		assertThat(this.jdbc.sql("select count(*) from record_file where name = 'profile.xlsx'").query(Integer.class).single()).isZero();
		assertThat(this.jdbc.sql("select summary from audit_event where entity_type = 'evidence' and action = 'update' and entity_id = ?")
			.param(String.valueOf(id)).query(String.class).single())
			.isEqualTo("Changed evidence 'Alloa profile' of plan " + this.world.plan().code());
		// another plan's record is not this plan's to change
		this.mvc.perform(get("/plans/{id}/stands-on/evidence/{r}", this.plan, id + 100000).with(SignedIn.as(this.users, owner)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPartnershipsAgreementsAreReadIntoItsPlansChecksAndEveryPlanStandsInTheSummaryTheReportAndTheOpenData() throws Exception {
		assertThat(page(get("/partnerships/stirling-cpp/agreements"))).contains("24 January 2018", "CPP Leadership Group",
				"To develop a joint participation plan", "Statement 3: Participation", "Statement 4: Resources");
		String partnership = this.world.tag() + "-partnership";
		assertThat(page(post("/partnerships/{c}/agreements", partnership).param("text", "").param("statement", "9")
			.with(SignedIn.as(this.users, this.world.owner())))).contains("Error: What", "Enter what was agreed",
					"Choose one of the six statements, or none");
		this.mvc.perform(post("/partnerships/{c}/agreements", partnership).param("text", "Pool budgets").with(SignedIn.as(this.users, this.world.lead())))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/partnerships/{c}/agreements", partnership).param("agreedOn.day", "2").param("agreedOn.month", "3")
			.param("agreedOn.year", "2026").param("agreedBy", "Board").param("text", "To pool budgets for family support.").param("statement", "4")
			.param("audience", "public").with(SignedIn.as(this.users, this.world.owner())))
			.andExpect(redirectedUrl("/partnerships/" + partnership + "/agreements"));
		assertThat(page(get("/plans/{id}/stock-take", this.plan))).contains("The partnership agreed on 2026-03-02 (Board): To pool budgets for family support.");
		// the standing the summary reads is worked out again as the records change: the partnership's agreement, then the plan's assessment
		int before = gaps(3);
		this.mvc.perform(post("/plans/{id}/stands-on/equality-impact", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("title", "EqIA of the plan").param("audience", "public"));
		assertThat(gaps(3)).isEqualTo(before - 1);
		String summary = page(get("/stock-take"));
		assertThat(summary).contains("Every plan against the six statements", this.world.plan().title(), "Wellbeing", "Self-assessed");
		this.mvc.perform(get("/api/stock-take")).andExpect(jsonPath("$.statements.length()").value(6))
			.andExpect(jsonPath("$.plans[?(@.plan == '" + this.world.plan().code() + "')].gaps[2]").value(before - 1));
		// the check printed: a tagged PDF with a bookmark for each statement, and a Word file with Word's headings
		byte[] pdf = this.mvc.perform(get("/plans/{id}/stock-take/download", this.plan).param("format", "pdf")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(document.getDocumentCatalog().getDocumentOutline().children()).extracting((b) -> b.getTitle())
				.containsExactly("1. Evidence", "2. Prevention", "3. Participation", "4. Resources", "5. Precise improvement and timescales",
						"6. Scrutiny and accountability");
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("The plan against the six statements",
					"What the records show", "Equality impact assessment: EqIA of the plan.");
		}
		byte[] word = this.mvc.perform(get("/plans/{id}/stock-take/download", this.plan).param("format", "docx")).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(word))) {
			assertThat(document.getParagraphs()).filteredOn((p) -> "Heading2".equals(p.getStyle())).extracting((p) -> p.getText())
				.startsWith("1. Evidence").hasSize(6);
		}
		this.mvc.perform(get("/plans/{id}/stock-take/download", this.plan).param("format", "xlsx")).andExpect(status().isBadRequest());
		// open data: what the public may have, and no more
		this.mvc.perform(post("/plans/{id}/stands-on/participation", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("title", "Open meeting").param("method", "event").param("contact", "=HYPERLINK(\"x\")").param("audience", "public"));
		this.mvc.perform(post("/plans/{id}/stands-on/evidence", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("kind", "study").param("title", "=Kept study").param("audience", "partnership"));
		assertThat(page(get("/open-data/participation.csv"))).startsWith("plan,kind,title,method").contains("Open meeting",
				"Final consultation on the LOIP").doesNotContain("HYPERLINK");
		assertThat(page(get("/open-data/evidence.csv"))).contains("Data deep-dive and benchmarking").doesNotContain("Kept study");
		assertThat(page(get("/open-data/agreements.csv"))).contains("stirling-cpp", "To develop an approach to joint resourcing");
		assertThat(page(get("/open-data/equality-impacts.csv"))).contains("People Business Plan – Interim Update December 2022");
		assertThat(page(get("/open-data/stock-take.csv"))).contains(this.world.plan().code() + ",3," + (before - 1) + ",");
		assertThat(page(get("/open-data/risks.csv"))).startsWith("plan,element,title");
	}

	private int gaps(int statement) {
		return this.jdbc.sql("select gaps from stock_take_standing where plan_id = ? and statement = ?").params(this.plan, statement)
			.query(Integer.class).single();
	}

	@Test
	void theLoipStandsOnSeed000sEvidenceAndEngagement() throws Exception {
		long loip = this.plans.plan("LOIP-2024-34").orElseThrow().id();
		assertThat(page(get("/plans/{id}/stands-on", loip))).contains("Data deep-dive and benchmarking", "Centre for Local Economic Strategies",
				"Review of the Strategic Needs Assessment completed in 2021", "An online consultation published across Clackmannanshire (2023)",
				"A partners development day", "Final consultation on the LOIP", "Number not recorded");
		assertThat(page(get("/plans/{id}/stock-take", loip))).contains("7 evidence records, 7 of them about the whole plan.",
				"5 engagement activities and 0 participation requests recorded.", "5 have no dates recorded.",
				"Clackmannanshire Council, a statutory partner, has no contribution recorded",
				"Equality impact assessment: Equality Impact Assessment of the engagement on the plan.");
	}

	@Test
	void thePlanFileRoundTripsWithItsRecordsInEveryFormatAndThePublicsFileHasNoneUnpublished() throws Exception {
		long p1 = this.world.element("P1").id();
		this.mvc.perform(post("/plans/{id}/stands-on/participation", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("kind", "participation-request").param("title", "Request from the tenants' association").param("method", "other")
			.param("heldFrom.day", "3").param("heldFrom.month", "2").param("heldFrom.year", "2026").param("communities", "Tullibody\nCambus")
			.param("contact", "Secretary, 01259 000000").param("audience", "public").param("elements", String.valueOf(p1)));
		this.mvc.perform(post("/plans/{id}/stands-on/evidence", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("kind", "needs-assessment").param("title", "Children's services needs assessment").param("publishedOn.day", "31")
			.param("publishedOn.month", "3").param("publishedOn.year", "2025").param("link", "https://example.org/needs")
			.param("audience", "partnership").param("measures", this.world.tree().elements().stream().flatMap((e) -> e.measures().stream())
				.findFirst().orElseThrow().code()));
		this.mvc.perform(post("/plans/{id}/stands-on/equality-impact", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("title", "EqIA of the plan").param("outcome", "continue").param("summary", "Older people online less; paper forms kept.")
			.param("audience", "public"));
		this.mvc.perform(post("/plans/{id}/stands-on/contribution", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("element", String.valueOf(this.world.element("A2").id())).param("partner", this.world.tag() + "-council")
			.param("financialYear", "2026/27").param("inKind", "Rooms in four family centres").param("source", "new"));
		this.mvc.perform(post("/plans/{id}/stock-take/3", this.plan).with(SignedIn.as(this.users, this.world.owner()))
			.param("selfAssessment", "Parents shaped the plan; children less so.").param("improvementActions", "Run a children's panel in 2026."));
		String code = this.world.plan().code();
		String yaml = export(this.plan, "yaml", this.world.owner());
		assertThat(yaml).contains("records:", "kind: participation-request", "contact: \"Secretary, 01259 000000\"", "informs:", "- P1",
				"audience: partnership", "to: A2", "inKind: Rooms in four family centres", "statement: \"3\"", "equalityImpacts:",
				"outcome: continue", "measures:");
		for (String format : new String[] { "yaml", "json", "xlsx" }) {
			byte[] file = exportBytes(this.plan, format, this.world.owner());
			byte[] renamed = format.equals("xlsx") ? renamedWorkbook(file, code + "-COPY")
					: new String(file, StandardCharsets.UTF_8).replace(code, code + "-COPY").getBytes(StandardCharsets.UTF_8);
			String created = this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "copy." + format, null, renamed))
				.with(SignedIn.as(this.users, this.world.owner()))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
			long copy = Long.parseLong(created.replaceAll("\\D+", ""));
			try {
				assertThat(export(copy, "yaml", this.world.owner())).as(format).isEqualTo(yaml.replace(code, code + "-COPY"));
			}
			finally {
				this.plans.delete(copy);
			}
		}
		// the public's file has the published records alone, and no contact
		assertThat(export(this.plan, "yaml", null)).contains("Request from the tenants").doesNotContain("Secretary, 01259 000000",
				"Children's services needs assessment");
		// a record naming a part the plan has not is refused with the plan, naming where
		String refused = this.mvc.perform(multipart("/api/plans/import").file(new MockMultipartFile("file", "bad.yaml", null,
				yaml.replace(code, code + "-BAD").replace("to: A2", "to: A9").getBytes(StandardCharsets.UTF_8)))
			.with(SignedIn.as(this.users, this.world.owner()))).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("contribution 1", "Choose the action or priority the contribution is to");
		assertThat(this.plans.plan(code + "-BAD")).isEmpty();
	}

	private String export(long plan, String format, String username) throws Exception {
		return new String(exportBytes(plan, format, username), StandardCharsets.UTF_8);
	}

	private byte[] exportBytes(long plan, String format, String username) throws Exception {
		MockHttpServletRequestBuilder request = get("/plans/{id}/export", plan).param("format", format);
		return this.mvc.perform((username != null) ? request.with(SignedIn.as(this.users, username)) : request).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
	}

	/** The workbook with the plan's code changed in its Plan sheet. */
	private static byte[] renamedWorkbook(byte[] file, String code) throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (Row row : book.getSheet("Plan")) {
				if ("code".equals(row.getCell(0).getStringCellValue())) {
					row.getCell(1).setCellValue(code);
				}
			}
			book.write(out);
			return out.toByteArray();
		}
	}

	private String page(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
