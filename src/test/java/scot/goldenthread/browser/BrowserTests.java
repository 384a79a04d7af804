package scot.goldenthread.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a user sees in a real browser: Debian's Chromium, driven by Playwright. Screenshots of each
 * view at desktop and phone width go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "spring.mail.host=localhost", "spring.mail.port=3025" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTests {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** axe-core, as the build downloads it from the npm registry. */
	static final Path AXE = Path.of("target/axe-core/package/axe.min.js");

	/** What the public sees: every kind of page, with the demo data. */
	static final List<String> PUBLIC_PAGES = List.of("/", "/partnerships", "/partnerships/clackmannanshire-alliance",
			"/partnerships/stirling-cpp", "/plans", "/plans/1", "/plans/1/on-a-page", "/plans/1/dashboard", "/plans/3",
			"/plans/3/report", "/plans/1/measures-report", "/plans/3/committee-reports", "/committee-reports/1", "/measures", "/places",
			"/measures/LOIP-ES-03", "/measures/NIF-NUM-GAP", "/places/S92000003", "/places/S12000005",
			"/places/S12000005-multi-member-wards-clackmannanshire-south", "/places/S12000005/poorest", "/places/S12000005/localities", "/national-outcomes", "/national-outcomes/health", "/sign-in",
			"/search?q=attainment+gap", "/search?status=measure%3Aoff-target", "/search?status=action%3Ano-update&page=2", "/open-data",
			"/measures/SIMD-INCOME/values?level=data-zone&page=2", "/plans/1/stands-on", "/plans/1/stock-take", "/plans/1/versions", "/plans/1/risks", "/stock-take",
			"/partnerships/stirling-cpp/agreements");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	scot.goldenthread.Fixtures fixtures;

	Playwright playwright;

	Browser browser;

	@BeforeAll
	void launch() {
		assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)");
		this.playwright = Playwright.create();
		this.browser = this.playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	void close() {
		if (this.playwright != null) {
			this.playwright.close();
		}
	}

	Page page(int width) {
		return this.browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 900));
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	void signIn(Page page, String username) {
		page.navigate(url("/sign-in"));
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill("golden-thread-demo");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	void screenshot(Page page, String name) {
		// the maps and charts are images of their own: in the picture once they have loaded
		page.evaluate("() => Promise.all(Array.from(document.images).map((i) => i.complete ? null : new Promise((r) => { i.onload = r; i.onerror = r; })))");
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Test
	void fromThePlansListToAnActionAndUpTheGoldenThread() {
		Page page = page(1280);
		page.navigate(url("/"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plans").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People Business Plan 2022-23")).click();
		assertThat(page.locator("h1")).hasText("People Business Plan 2022-23");
		assertThat(page.getByText("55 actions", new Page.GetByTextOptions().setExact(true))).isVisible();
		screenshot(page, "plan-desktop");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Provide additionality in targeted primary"))).click();
		assertThat(page.locator("h1")).containsText("Provide additionality in targeted primary establishments");
		assertThat(page.locator(".gt-note li").first()).hasText("one full-time IO PT has left to take up a new position elsewhere in the authority.");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What this serves"))).isVisible();
		screenshot(page, "element-desktop");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Wellbeing").setExact(true)).first().click();
		assertThat(page.locator("h1")).hasText("Wellbeing");
		assertThat(page.getByText("We are healthy and active")).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Health").setExact(true)).click();
		assertThat(page.locator("h1")).hasText("Health");
		// the People Business Plan's priority aligned to Wellbeing is there, saying so; its actions, further down, are on its own page
		assertThat(page.locator(".gt-thread__entry").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("PPL-P2")))
			.containsText("through Wellbeing");
		assertThat(page.getByText("PPL 22 19")).isHidden();
	}

	@Test
	void thePlanOnAPageShowsTheVisionOutcomesPrioritiesAndActions() {
		Page page = page(1280);
		page.navigate(url("/plans"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Plan on a page")).click();
		assertThat(page.locator(".gt-poap__vision")).containsText("Working together to reduce inequality");
		assertThat(page.locator(".gt-poap__band")).hasText(new String[] { "Our Strategic outcomes 2024-34", "Our Priorities 2024-34", "Our Actions 2024-34" });
		assertThat(page.locator(".gt-poap__outcome a")).hasText(new String[] { "Wellbeing", "Economy and Skills", "Places" });
		screenshot(page, "plan-on-a-page-desktop");
	}

	@Test
	void anAdministratorDownloadsABackupFromTheAccountsPage() throws Exception {
		for (int width : new int[] { 1280, 375 }) {
			Page page = page(width);
			signIn(page, "admin");
			page.navigate(url("/admin/accounts"));
			screenshot(page, "accounts-" + width);
			Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Download a backup")).click());
			assertThat(download.suggestedFilename()).matches("golden-thread-backup-.*\\.zip");
			try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(download.path().toFile())) {
				assertThat(zip.getEntry("manifest.json")).isNotNull();
				assertThat(zip.getEntry("tables/plan.csv")).isNotNull();
			}
			page.close();
		}
	}

	@Test
	void anAdministratorAddsAPartnershipTheFormTellingEachProblemBesideItsFieldAtBothWidths() throws Exception {
		for (int width : new int[] { 1280, 375 }) {
			String code = "browser-oig-" + width;
			try (com.microsoft.playwright.BrowserContext context = axeContext()) {
				Page page = context.newPage();
				page.setViewportSize(width, 900);
				signIn(page, "admin");
				page.navigate(url("/partnerships"));
				page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a partnership")).click();
				page.getByLabel("Code").fill("not a code");
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add partnership")).click();
				assertThat(page.locator(".govuk-error-summary")).containsText("Enter a code of 2 to 80 letters");
				assertThat(page.locator(".govuk-error-summary")).containsText("Enter the partnership's name");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "/admin/partnerships/new (refused)")).isEmpty();
				screenshot(page, "partnership-form-" + width);
				page.getByLabel("Code").fill(code);
				page.getByLabel("Name").fill("Outcome Improvement Group " + width);
				page.getByLabel("Kind").selectOption("thematic");
				page.getByLabel("Part of").selectOption("clackmannanshire-alliance");
				page.getByLabel("Clackmannanshire Council").check();
				page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add partnership")).click();
				assertThat(page.getByRole(AriaRole.ALERT)).containsText("Outcome Improvement Group " + width + " has been added.");
				assertThat(page.locator("main")).containsText("Clackmannanshire Council");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "/partnerships/" + code)).isEmpty();
			}
			finally {
				this.jdbc.sql("delete from partnership where code = ?").param(code).update();
			}
		}
	}

	@Test
	void anAdministratorRetiresAMeasureNoPlanUsesAndBringsItBackAtBothWidths() throws Exception {
		for (int width : new int[] { 1280, 375 }) {
			com.microsoft.playwright.BrowserContext context = axeContext();
			Page page = context.newPage();
			page.setViewportSize(width, 900);
			signIn(page, "admin");
			page.navigate(url("/measures/C%26L01"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retire this measure")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The measure is retired");
			assertThat(page.locator(".govuk-inset-text").first()).containsText("Retired on");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "/measures/C&L01 (retired)")).isEmpty();
			screenshot(page, "measure-retired-" + ((width == 375) ? "phone" : "desktop"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bring it back into use")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The measure is back in use");
			context.close();
		}
	}

	@Test
	void anOwnerRefreshesAPlanWithAnImprovementProjectAsANewVersionAndReadsWhatChangedAtBothWidths() throws Exception {
		String plan = """
				format: golden-thread/plan@1
				plan: {code: BROWSER-QI, title: Falls in care homes, type: thematic-plan, partnership: clackmannanshire-alliance,
				       start: 2025-04-01, end: 2028-03-31, status: approved}
				elements:
				- code: QI1
				  kind: action
				  title: Fewer falls in care homes
				  leads: [Falls Lead]
				  measures:
				  - {code: BROWSER-QI-FALLS, title: Falls per 1000 occupied bed days in the pilot homes, polarity: lower-is-better, role: outcome}
				  - {code: BROWSER-QI-HUDDLES, title: Shifts that start with a falls huddle, polarity: higher-is-better, role: process}
				  project:
				    aim: Reduce falls in the three pilot care homes
				    byHowMuch: by a quarter
				    byWhen: March 2027
				    phase: testing
				    team: [Care home manager, Falls practitioner]
				    changeIdeas:
				    - {idea: A falls huddle at every shift change, status: adopted}
				    - {idea: Night-time toileting rounds, status: testing}
				""";
		Path first = Files.createTempFile("plan", ".yaml");
		Files.writeString(first, plan);
		Path refreshed = Files.createTempFile("refreshed", ".yaml");
		Files.writeString(refreshed, plan.replace("by a quarter", "by a third").replace("title: Fewer falls in care homes", "title: Fewer falls"));
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			page.setViewportSize(1280, 900);
			signIn(page, "admin");
			page.navigate(url("/plans/import"));
			page.getByLabel("Plan file").setInputFiles(first);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import plan")).click();
			String planPath = page.url().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*", "");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fewer falls in care homes")).first().click();
			for (int width : new int[] { 1280, 375 }) {
				page.setViewportSize(width, 900);
				assertThat(page.locator("#phase")).containsText("Testing (where the project is now)");
				assertThat(page.locator("main")).containsText("Process measures");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "an improvement project's page")).isEmpty();
				screenshot(page, "improvement-project-" + width);
			}
			page.setViewportSize(1280, 900);
			page.navigate(url(planPath + "/versions/new"));
			page.getByLabel("Plan file of the new version").setInputFiles(refreshed);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the new version")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Enter the day the new version comes into force");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "a new version refused")).isEmpty();
			page.getByLabel("Plan file of the new version").setInputFiles(refreshed);
			page.getByLabel("Day").fill("1");
			page.getByLabel("Month").fill("6");
			page.getByLabel("Year").fill("2026");
			page.getByLabel("Why the plan was refreshed (optional)").fill("Refreshed once the first tests were in.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the new version")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Version 2 of the plan is made, in force from 1 June 2026.");
			for (int width : new int[] { 1280, 375 }) {
				page.setViewportSize(width, 900);
				assertThat(page.locator("#version-2")).containsText("In force");
				assertThat(page.locator("main")).containsText("Aim: Reduce falls in the three pilot care homes, by a third, March 2027");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "a plan's versions")).isEmpty();
				screenshot(page, "plan-versions-" + width);
			}
		}
		finally {
			this.jdbc.sql("delete from plan where code = 'BROWSER-QI'").update();
		}
	}

	@Test
	void anOwnerRecordsParticipationAndSeesTheStockTakeFindingsChangeAtBothWidths() throws Exception {
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			page.setViewportSize(1280, 900);
			signIn(page, "admin");
			page.navigate(url("/plans/1/stock-take"));
			assertThat(page.locator("#statement-3 ~ ul").first()).containsText("5 engagement activities");
			page.navigate(url("/plans/1/stands-on/participation"));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the record")).click();
			assertThat(page.locator(".govuk-error-summary")).containsText("Enter what the activity was");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "a refused participation record")).isEmpty();
			screenshot(page, "participation-form-1280");
			page.getByLabel("Title").fill("Young people's panel on the wellbeing priorities");
			page.getByLabel("How people took part").selectOption("citizens-panel");
			page.getByLabel("How many took part (optional)").fill("18");
			page.getByLabel("Groups seldom heard it reached (optional)").fill("Care-experienced young people");
			page.getByLabel("You said: what was heard (optional)").fill("Transport to college costs too much.");
			page.getByLabel("We did: what changed as a result (optional)").fill("Transport is now a priority for 2025/26.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the record")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The participation record is added.");
			assertThat(page.locator("main")).containsText("Transport is now a priority for 2025/26.");
			for (int width : new int[] { 1280, 375 }) {
				page.setViewportSize(width, 900);
				page.navigate(url("/plans/1/stock-take"));
				assertThat(page.locator("main")).containsText("6 engagement activities");
				assertThat(page.locator("main")).containsText("Groups seldom heard reached: Care-experienced young people.");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "the stock-take check")).isEmpty();
				screenshot(page, "stock-take-" + width);
			}
			// an equality impact assessment with its file, then a record changed
			Path eqia = Files.createTempFile("eqia", ".pdf");
			Files.writeString(eqia, "%PDF-1.4 An equality impact assessment");
			page.setViewportSize(1280, 900);
			page.navigate(url("/plans/1/stands-on/equality-impact"));
			page.getByLabel("Title").fill("Equality impact assessment of the wellbeing priorities");
			page.getByLabel("Outcome").selectOption("adjust");
			page.getByLabel("Upload the document (optional)").setInputFiles(eqia);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the assessment")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The equality impact assessment is added.");
			// the hidden words after "Change" name the record for a screen reader
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Young people's panel on the wellbeing priorities")).click();
			page.getByLabel("How many took part (optional)").fill("21");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the changes")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The participation record is changed.");
			assertThat(page.locator("main")).containsText("21 people");
			assertThat(page.locator("main")).containsText("Download " + eqia.getFileName());
			for (int width : new int[] { 1280, 375 }) {
				page.setViewportSize(width, 900);
				page.navigate(url("/plans/1/stands-on#equality"));
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "what the plan stands on, to its owner")).isEmpty();
				screenshot(page, "stands-on-owner-" + width);
				page.navigate(url("/stock-take"));
				assertThat(page.locator("main")).containsText("Every plan against the six statements");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "the summary across partnerships")).isEmpty();
				screenshot(page, "stock-take-summary-" + width);
			}
			page.setViewportSize(1280, 900);
			page.navigate(url("/plans/1/risks/new"));
			page.getByLabel("The risk", new Page.GetByLabelOptions().setExact(true)).fill("Partners cannot fund the community hubs after 2026");
			page.getByLabel("Owner").fill("Clackmannanshire Alliance");
			page.getByLabel("Likelihood before controls").fill("4");
			page.getByLabel("Impact before controls").fill("5");
			page.getByLabel("Likelihood after controls").fill("3");
			page.getByLabel("Impact after controls").fill("4");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the risk")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The risk is added to the register.");
			for (int width : new int[] { 1280, 375 }) {
				page.setViewportSize(width, 900);
				assertThat(page.locator(".gt-heat tbody tr").nth(2).locator("td").nth(3)).hasText("1");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "the risk register")).isEmpty();
				screenshot(page, "risks-" + width);
			}
		}
		finally {
			this.jdbc.sql("delete from participation where title = 'Young people''s panel on the wellbeing priorities'").update();
			this.jdbc.sql("delete from equality_impact where title = 'Equality impact assessment of the wellbeing priorities'").update();
			this.jdbc.sql("delete from risk where title = 'Partners cannot fund the community hubs after 2026'").update();
		}
	}

	@Test
	void aResidentCommentsOnTheDraftAnnualReportAndTheOwnerModeratesApprovesAndPublishesIt() throws Exception {
		try (com.microsoft.playwright.BrowserContext officer = axeContext(); com.microsoft.playwright.BrowserContext resident = axeContext()) {
			Page page = officer.newPage();
			page.setViewportSize(1280, 900);
			signIn(page, "admin");
			page.navigate(url("/plans/1/annual-reports"));
			page.getByLabel("Reporting year").fill("2023/24");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make the draft")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The draft annual report for 2023/24 is made from the data.");
			String report = page.url().replaceAll("^.*(/annual-reports/\\d+).*$", "$1");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "the draft annual report, to its owner")).isEmpty();
			screenshot(page, "annual-report-draft-1280");
			page.navigate(url(report + "/comments"));
			java.time.LocalDate today = java.time.LocalDate.now();
			page.locator("#commentsFrom").fill(String.valueOf(today.getDayOfMonth()));
			page.locator("#commentsFrom-month").fill(String.valueOf(today.getMonthValue()));
			page.locator("#commentsFrom-year").fill(String.valueOf(today.getYear()));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the days")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The draft is open for comments");
			// a resident, with no account, reads the draft and comments on its summary
			Page reader = resident.newPage();
			reader.setViewportSize(375, 900);
			reader.navigate(url(report));
			assertThat(reader.locator("main")).containsText("This is a draft, open for your comments");
			reader.getByLabel("What your comment is on").selectOption("summary");
			reader.getByLabel("Your comment", new Page.GetByLabelOptions().setExact(true)).fill("Please say which bus routes changed: see https://example.org/buses");
			reader.getByLabel("Your name (optional)").fill("A resident of Alloa");
			reader.getByLabel("Your email address (optional)").fill("resident@example.org");
			reader.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send your comment")).click();
			assertThat(reader.getByRole(AriaRole.ALERT)).containsText("Thank you: your comment is sent.");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(reader, "the draft open for comment, at 375")).isEmpty();
			screenshot(reader, "annual-report-comment-375");
			// the owner publishes it with a reply, writes what changed, approves and publishes the report
			page.navigate(url(report + "/comments"));
			assertThat(page.locator("main")).containsText("resident@example.org");
			page.getByLabel("Publish", new Page.GetByLabelOptions().setExact(true)).check();
			page.getByLabel("The partnership's reply (optional, published with the comment)").fill("Thank you: the summary now names them.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("decision on the comment"))).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The comment is published.");
			org.assertj.core.api.Assertions.assertThat(accessibilityViolations(page, "the comments to moderate")).isEmpty();
			page.navigate(url(report + "/words"));
			page.getByLabel("What changed as a result of the comments").fill("The summary names the bus routes that changed.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the words")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the report")).click();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Publish the report")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("The report is published.");
			for (int width : new int[] { 1280, 375 }) {
				reader.setViewportSize(width, 900);
				reader.navigate(url(report));
				assertThat(reader.locator("main")).containsText("What improved (");
				assertThat(reader.locator("main")).containsText("What got worse (");
				assertThat(reader.locator("main")).containsText("1 comment was received while the draft was open");
				assertThat(reader.locator("main")).containsText("Thank you: the summary now names them.");
				org.assertj.core.api.Assertions.assertThat(reader.content()).doesNotContain("resident@example.org", "href=\"https://example.org/buses");
				org.assertj.core.api.Assertions.assertThat(accessibilityViolations(reader, "the published annual report at " + width)).isEmpty();
				screenshot(reader, "annual-report-published-" + width);
			}
		}
		finally {
			this.jdbc.sql("delete from annual_report where year = '2023/24' and plan_id = 1").update();
		}
	}

	@Test
	void aBadPlanFileIsRefusedWithItsProblemsListed() throws Exception {
		Path file = Files.createTempFile("plan", ".yaml");
		Files.writeString(file, "format: golden-thread/plan@1\nplan: {code: X, title: '', type: loip, start: 2024-01-01, end: 2023-01-01, status: draft}\n"
				+ "elements:\n- code: O1\n  kind: strategic-outcome\n  title: Safer places\n  progres: 10\n");
		Page page = page(1280);
		signIn(page, "admin");
		page.navigate(url("/plans/import"));
		page.getByLabel("Plan file").setInputFiles(file);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import plan")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("The plan was not imported");
		assertThat(page.locator("table")).containsText("the plan ends (2023-01-01) before it starts (2024-01-01)");
		assertThat(page.locator("table")).containsText("is not a field here; did you mean 'progress'?");
		assertThat(page).hasTitle("Error: Import a plan - Golden Thread");
		screenshot(page, "import-errors-desktop");
	}

	@Test
	void theOwnerRemindsFromTheCockpitTheLeadUpdatesEightActionsAtOnceAndTheOwnerApprovesThem() throws Exception {
		Page owner = page(1280);
		signIn(owner, "people.director");
		owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Updates cockpit of People Business Plan"))).click();
		assertThat(owner).hasTitle(Pattern.compile("^Updates cockpit for PPL-2022-23"));
		Locator due = owner.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Every update due in the period, with who owes it"));
		assertThat(due).containsText("Chief Social Work Officer");
		assertThat(due).containsText("Not begun");
		assertThat(owner.locator("#disagreements ~ ul")).containsText("The lead says on track");
		owner.getByLabel("Who to remind").selectOption("Chief Social Work Officer");
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send a reminder")).click();
		assertThat(owner.getByRole(AriaRole.ALERT)).containsText("Reminders sent to 1 lead.");
		assertThat(List.of(mail.getReceivedMessages())).anySatisfy((m) -> {
			assertThat(GreenMailUtil.getAddressList(m.getAllRecipients())).isEqualTo("cswo@example.org");
			assertThat(m.getSubject()).startsWith("Reminder from the plan owner: 13 updates for End of year 2022/23");
		});
		screenshot(owner, "cockpit-desktop");

		Page lead = page(1280);
		signIn(lead, "cswo");
		lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Update all your actions for End of year"))).click();
		Locator actions = lead.locator("fieldset.gt-bulk");
		assertThat(actions).hasCount(13);
		for (int i = 0; i < 5; i++) {
			Locator action = actions.nth(i);
			action.getByLabel("Progress (%)").fill(String.valueOf(80 + i));
			action.getByLabel("Your assessment").selectOption("on-track");
			action.getByLabel("Latest note").fill("Year-end position " + (i + 1) + ": delivered as planned.");
		}
		screenshot(lead, "update-all-desktop");
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit them all for approval")).click();
		assertThat(lead.getByRole(AriaRole.ALERT)).containsText("5 updates submitted for approval; 8 left as they were.");

		lead.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Update all your actions for End of year"))).click();
		Download download = lead.waitForDownload(() -> lead.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Download your actions as an Excel workbook")).click());
		Path workbook = Files.createTempFile("my-updates", ".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(download.createReadStream())) {
			Sheet sheet = book.getSheet("Updates");
			int filled = 0;
			for (int r = 1; r <= sheet.getLastRowNum() && filled < 3; r++) {
				if ("Not begun".equals(sheet.getRow(r).getCell(4).getStringCellValue())) {
					sheet.getRow(r).getCell(5).setCellValue(60);
					sheet.getRow(r).getCell(6).setCellValue("At risk");
					sheet.getRow(r).getCell(7).setCellValue("Filled in offline: waiting on partners.");
					filled++;
				}
			}
			try (var out = Files.newOutputStream(workbook)) {
				book.write(out);
			}
		}
		lead.getByLabel("Your filled-in workbook").setInputFiles(workbook);
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and submit for approval")).click();
		assertThat(lead.locator("#upload-result")).containsText("3 updates submitted for approval");
		screenshot(lead, "update-all-uploaded");

		owner.reload();
		Locator waiting = owner.locator("#waiting ~ form .govuk-checkboxes__item");
		assertThat(waiting).hasCount(8);
		screenshot(owner, "cockpit-waiting");
		Page phone = page(375);
		signIn(phone, "people.director");
		phone.navigate(owner.url());
		screenshot(phone, "cockpit-phone");
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve the ticked updates")).click();
		assertThat(owner.getByRole(AriaRole.ALERT)).containsText("8 updates approved and published.");
		assertThat(owner.locator("#waiting")).hasCount(0);
	}

	@Test
	void aLeadUpdatesAnActionTheOwnerApprovesItAndThePublicSeesTheNewNote() {
		String note = "Browser test: the Wellbeing Hub opened in November.\n\n- 40 families supported\n- <script>alert(1)</script> shown as text";
		Page lead = page(1280);
		signIn(lead, "psychologist");
		assertThat(lead).hasTitle("My updates - Golden Thread");
		Locator owed = lead.locator("table").first().getByRole(AriaRole.LINK).first();
		String action = owed.textContent().strip();
		owed.click();
		lead.getByLabel("Progress (%)").fill("65");
		lead.getByLabel("Your assessment").selectOption("on-track");
		lead.getByLabel("Latest note").fill(note);
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
		assertThat(lead.getByRole(AriaRole.ALERT)).containsText("The note must be plain text");
		lead.getByLabel("Latest note").fill(note.replace("<script>alert(1)</script>", "script tags"));
		lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit for approval")).click();
		assertThat(lead.getByRole(AriaRole.ALERT)).containsText("submitted to the plan owner for approval");
		screenshot(lead, "update-submitted");

		Page owner = page(1280);
		signIn(owner, "people.director");
		owner.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(action)).first().click();
		owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve and publish")).click();
		assertThat(owner.getByRole(AriaRole.ALERT)).containsText("approved and published");

		Page visitor = page(1280);
		visitor.navigate(lead.url().replaceAll("/update.*", ""));
		assertThat(visitor.locator("main")).containsText("the Wellbeing Hub opened in November");
		assertThat(visitor.locator("main .gt-note li").filter(new Locator.FilterOptions().setHasText("40 families supported"))).hasCount(2);
		assertThat(visitor.locator("main")).containsText("65%");
		screenshot(visitor, "action-after-approval");
	}

	@Test
	void theProgressReportIsChosenReadAndDownloadedAsPdfAndWord() throws Exception {
		Page page = page(1280);
		page.navigate(url("/plans"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("People Business Plan 2022-23")).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Progress report")).click();
		assertThat(page.locator(".gt-report h2")).hasCount(4);
		page.getByText("Choose what the report holds").click();
		page.getByLabel("Lead", new Page.GetByLabelOptions().setExact(true)).fill("Chief Social Work Officer");
		page.getByLabel("As at").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Interim update December 2022"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show the report")).click();
		assertThat(page.locator(".gt-report__chosen")).containsText("Lead: Chief Social Work Officer");
		assertThat(page.locator(".gt-report__actions tbody tr").first()).containsText("Chief Social Work Officer");
		screenshot(page, "progress-report");
		for (String format : List.of("PDF", "DOCX")) {
			com.microsoft.playwright.Download download = page.waitForDownload(
					() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(format).setExact(true)).click());
			assertThat(download.suggestedFilename()).startsWith("PPL-2022-23-progress-report-").endsWith("." + format.toLowerCase());
			byte[] start = Files.readAllBytes(download.path());
			assertThat(new String(start, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo(format.equals("PDF") ? "%PDF" : "PK\u0003\u0004");
		}
	}

	/** A context that lets the test's axe-core script past the content security policy. */
	com.microsoft.playwright.BrowserContext axeContext() {
		return this.browser.newContext(new Browser.NewContextOptions().setBypassCSP(true));
	}

	List<String> accessibilityViolations(String path) throws Exception {
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			page.navigate(url(path));
			return accessibilityViolations(page, path);
		}
	}

	/** axe-core run in the page as it stands, in a page of {@link #axeContext()}. */
	List<String> accessibilityViolations(Page page, String name) throws Exception {
		page.addScriptTag(new Page.AddScriptTagOptions().setContent(Files.readString(AXE)));
		@SuppressWarnings("unchecked")
		List<String> violations = (List<String>) page.evaluate("""
				async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }))
				  .violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""");
		return violations.stream().map((v) -> name + " " + v).toList();
	}

	@Test
	void theCockpitAndTheOnePageUpdateAreAccessibleAtBothWidths() throws Exception {
		long plan = this.jdbc.sql("select id from plan where code = 'PPL-2022-23'").query(Long.class).single();
		long period = this.jdbc.sql("select id from reporting_period where plan_id = ? and name = 'End of year 2022/23'").param(plan)
			.query(Long.class).single();
		for (String[] view : new String[][] { { "people.director", "/plans/" + plan + "/cockpit", "cockpit" },
				{ "cswo", "/my-updates/periods/" + period, "update-all" } }) {
			try (com.microsoft.playwright.BrowserContext context = axeContext()) {
				Page page = context.newPage();
				page.setViewportSize(375, 900);
				signIn(page, view[0]);
				page.navigate(url(view[1]));
				screenshot(page, view[2] + "-phone");
				assertThat((Object) page.evaluate("() => document.documentElement.scrollWidth")).as(view[1]).isEqualTo(375);
				assertThat(accessibilityViolations(page, view[1])).isEmpty();
			}
		}
	}

	@Test
	void thePartnershipsOfficerSetsItsLookAndTheOwnerOfAPlanSeesWhereToAttachAppendicesAtBothWidths() throws Exception {
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			page.setViewportSize(375, 900);
			signIn(page, "alliance.officer");
			page.navigate(url("/partnerships/clackmannanshire-alliance"));
			page.getByText("Set the partnership's look").click();
			page.getByLabel("Colour").fill("#ffdd00");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the look")).click();
			assertThat(page.locator("#colour-error").textContent()).contains("White text on #ffdd00 has a contrast of 1.3 to 1");
			screenshot(page, "partnership-look-refused-phone");
			assertThat(accessibilityViolations(page, "look")).isEmpty();
			page.getByLabel("Colour").fill("#00703c");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the look")).click();
			assertThat(page.getByText("The look of Clackmannanshire Alliance is set.").isVisible()).isTrue();
			page.navigate(url("/plans/1"));
			assertThat(page.locator(".gt-look").evaluate("(band) => getComputedStyle(band).backgroundColor")).isEqualTo("rgb(0, 112, 60)");
		}
		for (int width : new int[] { 1280, 375 }) {
			try (com.microsoft.playwright.BrowserContext context = axeContext()) {
				Page page = context.newPage();
				page.setViewportSize(width, 900);
				signIn(page, "people.director");
				page.navigate(url("/committee-reports/1"));
				assertThat(page.getByText("Attach the appendix").isVisible()).isTrue();
				screenshot(page, "committee-report-owner-" + width);
				assertThat((Object) page.evaluate("() => document.documentElement.scrollWidth")).isEqualTo(width);
				assertThat(accessibilityViolations(page, "committee report as its owner")).isEmpty();
			}
		}
	}

	@Test
	void aPagedSearchTheMeasuresAndADataZoneMeasuresValuesFitBothWidths() {
		for (int width : new int[] { 1280, 375 }) {
			for (String[] view : new String[][] { { "/search?status=action%3Ano-update&page=2", "search-paged" },
					{ "/measures/SIMD-INCOME/values?level=data-zone&page=2", "measure-values" },
					{ "/measures?page=2", "measures-paged" } }) {
				Page page = page(width);
				page.navigate(url(view[0]));
				assertThat(page.locator("nav.govuk-pagination")).isVisible();
				assertThat((Object) page.evaluate("() => document.documentElement.scrollWidth")).as(view[0]).isEqualTo(width);
				screenshot(page, view[1] + "-" + width);
			}
		}
	}

	@Test
	void aLeadImportsValuesAndSeesTheRowsThatWereNotLoaded() throws Exception {
		Path file = Files.createTempFile("values", ".csv");
		// LGBF publishes Clackmannanshire's gap from 2018/19: 2017/18 is new
		Files.writeString(file, "measure,period,geography,value\nNIF-NUM-GAP,2017/18,S12000005,13.1\nNIF-NUM-GAP,2021/22,S12000005,<i>n/a</i>\n");
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			signIn(page, "secondary.manager");
			page.navigate(url("/measures"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import measure data")).click();
			page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(file);
			page.getByLabel("Measure", new Page.GetByLabelOptions().setExact(true)).selectOption("NIF-NUM-GAP");
			page.getByLabel("Load the good rows and list the problems").check();
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("1 new, 0 revised, 0 unchanged");
			assertThat(page.locator("table")).containsText("'<i>n/a</i>' is not a number");
			screenshot(page, "measure-import-desktop");
			assertThat(accessibilityViolations(page, "/measures/import (result)")).isEmpty();
		}
		finally {
			this.jdbc.sql("""
					delete from observation where measure_id = (select id from measure where code = 'NIF-NUM-GAP')
					and period_start = '2017-08-01' and geography = 'S12000005'""").update();
		}
	}

	@Test
	void anOfficerLoadsAFileInALayoutNeverSeenByMappingItsColumns() throws Exception {
		// one column a year, councils by name as their own files write them, years before LGBF's series begins
		Path file = Files.createTempFile("claimants", ".csv");
		Files.writeString(file, """
				Council,Measure,2011/12,2012/13
				Clackmannanshire,Rate,31.5,30.2
				Edinburgh City,Rate,20.1,19.8
				Clackmannanshire,Count,900,880
				""");
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			signIn(page, "admin");
			page.navigate(url("/measures/import"));
			page.getByLabel("File", new Page.GetByLabelOptions().setExact(true)).setInputFiles(file);
			page.getByLabel("Its layout").selectOption("map");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Map its columns"))).isVisible();
			assertThat(page.locator("table").first()).containsText("Edinburgh City");
			page.getByLabel("The one measure the file holds").selectOption("LOIP-WB-02");
			page.getByLabel("Place (by its code or its name)").selectOption("Council");
			page.locator("#wide-2").check();
			page.locator("#wide-3").check();
			page.getByLabel("What those columns are").fill("period");
			page.getByLabel("Load only the rows whose column").selectOption("Measure");
			page.getByLabel("is", new Page.GetByLabelOptions().setExact(true)).fill("Rate");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
			assertThat(page.locator("#preview")).isVisible();
			assertThat(page.locator("table").nth(1)).containsText("S12000036");
			assertThat(page.locator("table").nth(1)).containsText("left out");
			screenshot(page, "measure-import-mapping");
			assertThat(accessibilityViolations(page, "/measures/import/{id} (preview)")).isEmpty();
			page.getByLabel("Save this mapping as (optional)").fill("Council by year");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Load the file")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("4 new, 0 revised, 0 unchanged");
			screenshot(page, "measure-import-mapped");
		}
		finally {
			this.jdbc.sql("""
					delete from observation where measure_id = (select id from measure where code = 'LOIP-WB-02')
					and period_start in ('2011-04-01', '2012-04-01')""").update();
			this.jdbc.sql("delete from import_layout where name = 'Council by year'").update();
		}
	}

	@Test
	void everyPublicPageAtBothWidthsMeetsWcagAaAndBreaksNoWordInATable() throws Exception {
		List<String> violations = new java.util.ArrayList<>();
		Page plan = page(1280);
		plan.navigate(url("/plans/3"));
		String action = plan.locator("a[href*='/plans/3/elements/']").first().getAttribute("href");
		for (String path : java.util.stream.Stream.concat(PUBLIC_PAGES.stream(), java.util.stream.Stream.of(action)).toList()) {
			for (int width : new int[] { 1280, 375 }) {
				try (com.microsoft.playwright.BrowserContext context = axeContext()) {
					Page page = context.newPage();
					page.setViewportSize(width, 900);
					page.navigate(url(path));
					screenshot(page, "public/" + path.substring(1).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "") + "-" + width);
					violations.addAll(accessibilityViolations(page, path + " at " + width));
					violations.addAll(brokenWords(page).stream().map((w) -> path + " at " + width + " breaks \"" + w + "\" in a table").toList());
					if (((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue() > 0) {
						violations.add(path + " at " + width + " scrolls sideways");
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	/**
	 * The words in the page's tables that run over two lines: each word, between spaces, hyphens and slashes (where a line
	 * may break), must stand on one line.
	 */
	@SuppressWarnings("unchecked")
	static List<String> brokenWords(Page page) {
		return (List<String>) page.evaluate("""
				() => {
				  const broken = [];
				  for (const cell of document.querySelectorAll('td, th')) {
				    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
				    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				      for (const word of node.textContent.matchAll(/[^\\s\\-\\/]+/g)) {
				        const range = document.createRange();
				        range.setStart(node, word.index);
				        range.setEnd(node, word.index + word[0].length);
				        const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
				        if (lines.size > 1) broken.push(word[0]);
				      }
				    }
				  }
				  return broken.slice(0, 5);
				}""");
	}

	@Test
	void aMeasuresForecastReadsAtDesktopAndPhoneWidthWithItsDottedLineInTheChart() throws Exception {
		String gap = this.fixtures.world().gap();
		// a third year, so that the present rate is drawn through three values
		this.jdbc.sql("""
				insert into observation (measure_id, period_start, geography, breakdown, value, status, recorded_by)
				select id, '2020-08-01', 'S12000005', '', 13.5, 'final', 'test' from measure where code = ?""").param(gap).update();
		for (int width : new int[] { 1280, 375 }) {
			Page page = page(width);
			page.navigate(url("/measures/" + gap));
			assertThat(page.getByText("At the present rate it would be 15.5 percentage points by 2025/26, not the stretch aim of 11.0 percentage points")).isVisible();
			screenshot(page, "measure-forecast-" + width);
		}
		org.assertj.core.api.Assertions.assertThat(accessibilityViolations("/measures/" + gap)).isEmpty();
	}

	@Test
	void theApiIsDescribedOnAPageThatWorksUnderTheContentSecurityPolicy() {
		Page page = page(1280);
		page.navigate(url("/api-docs"));
		assertThat(page.locator(".swagger-ui .info .title")).containsText("Golden Thread API");
		assertThat(page.locator(".opblock-tag-section").first()).isVisible();
		screenshot(page, "api-docs");
	}

	/** Everything can be reached by keyboard: the skip link first, then each link in turn. */
	@Test
	void aKeyboardUserSkipsToTheContentAndFollowsALink() {
		Page page = page(1280);
		page.navigate(url("/plans"));
		page.keyboard().press("Tab");
		assertThat(page.locator(":focus")).hasText("Skip to main content");
		page.keyboard().press("Enter");
		for (int i = 0; i < 40 && !"People Business Plan 2022-23".equals(page.locator(":focus").textContent()); i++) {
			page.keyboard().press("Tab");
		}
		assertThat(page.locator(":focus")).hasText("People Business Plan 2022-23");
		page.keyboard().press("Enter");
		assertThat(page.locator("h1")).containsText("People Business Plan 2022-23");
	}

	/** The public's main journeys, with a picture of each step at desktop and at phone width in target/screenshots. */
	@Test
	void thePublicFindsAPlanAMeasureWithItsChartSearchesAndDownloads() throws Exception {
		for (int width : new int[] { 1280, 375 }) {
			Page page = page(width);
			page.navigate(url("/"));
			screenshot(page, "journey-home-" + width);
			page.navigate(url("/partnerships/clackmannanshire-alliance"));
			assertThat(page.locator("main")).containsText("Our vision");
			screenshot(page, "journey-partnership-" + width);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034")).click();
			screenshot(page, "journey-plan-" + width);
			page.navigate(url("/measures/LOIP-ES-03"));
			assertThat(page.locator("img.gt-chart")).isVisible();
			assertThat(page.locator("main")).containsText("Compared with Scotland");
			screenshot(page, "journey-measure-" + width);
			page.navigate(url("/search"));
			page.getByLabel("Words").fill("attainment gap");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
			assertThat(page.locator("main")).containsText("PPL 22 05");
			screenshot(page, "journey-search-" + width);
			page.navigate(url("/open-data"));
			com.microsoft.playwright.Download download = page.waitForDownload(
					() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Every published value (CSV)")).click());
			assertThat(Files.readString(download.path())).startsWith("measure,period,geography");
			screenshot(page, "journey-open-data-" + width);
		}
	}

	@Test
	void everyViewFitsAPhoneWithoutScrollingSideways() {
		Page page = page(320);
		for (String[] view : new String[][] { { "/", "home" }, { "/partnerships", "partnerships" }, { "/plans", "plans" },
				{ "/plans/1", "loip" }, { "/plans/1/on-a-page", "plan-on-a-page" }, { "/national-outcomes", "national-outcomes" }, { "/national-outcomes/poverty", "national-outcome" },
				{ "/partnerships/stirling-cpp", "stirling" }, { "/partnerships/clackmannanshire-alliance", "alliance" },
				{ "/plans/1/dashboard", "dashboard" }, { "/measures/LOIP-ES-03", "measure" }, { "/search?q=attainment+gap", "search" },
				{ "/open-data", "open-data" }, { "/plans/3/report", "progress-report" }, { "/measures?plan=LOIP-2024-34&page=1", "measures" },
				{ "/places/S12000005-multi-member-wards-clackmannanshire-south", "locality" }, { "/places/S12000005/poorest", "poorest" } }) {
			page.navigate(url(view[0]));
			screenshot(page, view[1] + "-mobile");
			Object overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
			assertThat(((Number) overflow).intValue()).as("sideways scroll on %s", view[0]).isLessThanOrEqualTo(0);
		}
	}

	@Test
	void aResidentOpensTheirLocalityFromThePartnershipPageAndReadsHowItComparesOnAMapAndInATable() throws Exception {
		for (int width : new int[] { 1280, 375 }) {
			Page page = page(width);
			page.navigate(url("/partnerships/clackmannanshire-alliance"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Its places and localities, and how they compare")).click();
			assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Clackmannanshire").setExact(true))).isVisible();
			screenshot(page, "council-places-" + width);
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clackmannanshire South")).click();
			assertThat(page.locator(".govuk-caption-l")).hasText("Locality of Clackmannanshire");
			assertThat(page.locator("body")).containsText("The gap between the most and least deprived fifth of Clackmannanshire South");
			assertThat(page.locator("body")).containsText("than Clackmannanshire");
			// the map and the chart are drawn, not broken images
			for (String image : List.of("img.gt-map", "img.gt-chart")) {
				Object drawn = page.locator(image).evaluate("""
						(img) => img.complete ? img.naturalWidth > 0
						  : new Promise((r) => { img.onload = () => r(img.naturalWidth > 0); img.onerror = () => r(false); })""");
				assertThat(drawn).as(image).isEqualTo(true);
			}
			page.getByLabel("Measure in the chart").selectOption("SIMD-EMPLOYMENT");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
			assertThat(page.locator("h3").first()).containsText("Working-age people who are employment deprived");
			screenshot(page, "locality-" + width);
		}
	}

	@Test
	void anOfficerUploadsALocalitySeesEveryMeasureForItAndRecordsWhyItIsAPriority() throws Exception {
		Path file = Files.createTempFile("localities", ".csv");
		Files.writeString(file, "locality,code\nAlloa,S02001402\nAlloa,S02001403\nAlloa,S02001404\nHillfoots,S02001395\nHillfoots,S02001396\n");
		try (com.microsoft.playwright.BrowserContext context = axeContext()) {
			Page page = context.newPage();
			signIn(page, "alliance.officer");
			page.navigate(url("/places/S12000005"));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("How the localities are drawn")).click();
			page.getByLabel("Name of the set").first().fill("Priority areas");
			page.getByLabel("File of localities").setInputFiles(file);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Draw the localities")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Drew 2 localities of Clackmannanshire (Priority areas)");
			screenshot(page, "localities-drawn");
			assertThat(accessibilityViolations(page, "/places/S12000005/localities (drawn)")).isEmpty();
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Alloa").setExact(true)).click();
			assertThat(page.locator("table").last()).containsText("People who are income deprived");
			assertThat(page.locator("table").last()).containsText("Average drive time to a GP surgery");
			page.navigate(url("/places/S12000005/poorest?level=locality&set=Priority+areas&criteria=SIMD-INCOME&criteria=simd:overall&rankBy=SIMD-INCOME"));
			assertThat(page.locator("#ranking")).containsText("Alloa");
			page.getByLabel("Plan", new Page.GetByLabelOptions().setExact(true)).selectOption(new com.microsoft.playwright.options.SelectOption()
				.setLabel("Clackmannanshire Wellbeing Local Outcomes Improvement Plan 2024-2034"));
			page.getByLabel("Place", new Page.GetByLabelOptions().setExact(true)).selectOption(
					new com.microsoft.playwright.options.SelectOption().setValue("S12000005-priority-areas-alloa"));
			page.getByLabel("Why it is a priority").fill("Alloa has the highest share of people who are income deprived in Clackmannanshire.");
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record the priority")).click();
			assertThat(page.getByRole(AriaRole.ALERT)).containsText("Alloa is recorded as a priority of");
			screenshot(page, "poorest-priority");
			assertThat(accessibilityViolations(page, "/places/S12000005/poorest (recorded)")).isEmpty();
			Page visitor = page(1280);
			visitor.navigate(url("/places/S12000005-priority-areas-alloa"));
			assertThat(visitor.locator("body")).containsText("the highest share of people who are income deprived");
			screenshot(visitor, "locality-priority");
		}
		finally {
			this.jdbc.sql("delete from priority_locality where locality like 'S12000005-priority-areas-%'").update();
			this.jdbc.sql("delete from locality where set_name = 'Priority areas'").update();
		}
	}

}
