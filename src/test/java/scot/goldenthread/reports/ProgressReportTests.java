package scot.goldenthread.reports;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

import scot.goldenthread.plans.Plan;
import scot.goldenthread.plans.PlanCatalogue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The demo's own: the People Business Plan's progress report reproduces seed 002's Appendix 1 in every format,
 * read back with the libraries that read those formats. What a selection, a roll-up and a draft do is
 * ProgressReportSelectionTests', on a world of its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProgressReportTests {

	/** Seed 002 as the project was given it, kept with the tests so they run on any clone. */
	static final String SEED = "/seeds/002_093e51ebdbc6abdd.txt";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanCatalogue plans;

	long plan(String code) {
		return this.plans.plan(code).map(Plan::id).orElseThrow();
	}

	/** The December 2022 period, whose approved updates are seed 002's. */
	String december() throws Exception {
		String periods = this.mvc.perform(get("/api/plans/{id}/periods", plan("PPL-2022-23"))).andReturn().getResponse().getContentAsString();
		return periods.replaceAll("(?s).*?\"id\":(\\d+),\"planId\":\\d+,\"name\":\"Interim update December 2022\".*", "$1");
	}

	byte[] report(String format, String... query) throws Exception {
		var request = get("/api/reports/progress").param("plan", String.valueOf(plan("PPL-2022-23"))).param("format", format)
			.param("period", december());
		for (int i = 0; i < query.length; i += 2) {
			request.param(query[i], query[i + 1]);
		}
		MvcResult result = this.mvc.perform(request).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment; filename=\"PPL-2022-23-progress-report-")
			.endsWith("." + format + "\"");
		return result.getResponse().getContentAsByteArray();
	}

	/** Appendix 1 as the seed's text gives it on each row's first line: code, action, by when, progress, expected outcome, latest note, lead. */
	static Map<String, String[]> appendix1() throws Exception {
		Map<String, String[]> rows = new LinkedHashMap<>();
		String text;
		try (var in = ProgressReportTests.class.getResourceAsStream(SEED)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		for (String line : text.split("\n")) {
			if (line.matches("PPL 22 \\d\\d\t.*")) {
				String[] fields = line.split("\t", -1);
				rows.put(fields[0], fields);
			}
		}
		assertThat(rows).hasSize(55);
		return rows;
	}

	@Test
	void theCsvHoldsAll55ActionsWithTheSeedsCodesDatesProgressAndLeadsInItsPriorityGroups() throws Exception {
		String csv = new String(report("csv"), StandardCharsets.UTF_8);
		List<CsvRecord> records = CsvReader.builder().ofCsvRecord(new StringReader(csv)).stream().toList();
		assertThat(records.get(0).getFields()).containsExactly("Plan", "Priority", "Code", "Action", "By When", "Progress (%)",
				"Expected Outcome", "Latest Note", "Lead", "Update state", "Project phase");
		List<CsvRecord> actions = records.subList(1, records.size());
		Map<String, String[]> seed = appendix1();
		assertThat(actions).extracting((r) -> r.getField(2)).containsExactlyElementsOf(seed.keySet());
		for (CsvRecord action : actions) {
			String[] expected = seed.get(action.getField(2));
			assertThat(java.time.LocalDate.parse(action.getField(4)).format(java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy",
					java.util.Locale.UK))).as(expected[0]).isEqualTo(expected[2]);
			assertThat(action.getField(5) + "%").as(expected[0]).isEqualTo(expected[3]);
			// the seed's text breaks long leads over the lines below the row
			assertThat(action.getField(8)).as(expected[0]).startsWith(expected[6].strip());
			assertThat(action.getField(9)).isEqualTo("Approved");
		}
		assertThat(actions.stream().map((r) -> r.getField(1)).distinct().toList()).hasSize(4)
			.first().asString().startsWith("Priority - We will take steps to tackle poverty and inequality.");
		assertThat(actions.get(3).getField(7)).contains("Numeracy Attainment Gap (P1,4,7) has widened to 14.3pp. Stretch aim is 11pp.");
	}

	@Test
	void thePdfIsTaggedWithABookmarkPerPriorityPageNumbersAndEveryAction() throws Exception {
		byte[] pdf = report("pdf");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// pictures of the first pages, to look at as a committee member would
			Path pictures = Path.of("target/report-pages");
			Files.createDirectories(pictures);
			for (int page = 0; page < 2; page++) {
				javax.imageio.ImageIO.write(new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(page, 100),
						"png", pictures.resolve("people-business-plan-page-" + (page + 1) + ".png").toFile());
			}
			assertThat(doc.getNumberOfPages()).isGreaterThan(5);
			assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
			assertThat(doc.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
			assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
			// a title and a subject, as PDF/UA asks
			assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("People Business Plan 2022-23 progress report");
			assertThat(doc.getDocumentInformation().getSubject()).startsWith("Progress of the actions of People Business Plan 2022-23");
			List<String> bookmarks = new ArrayList<>();
			for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
				bookmarks.add(item.getTitle());
			}
			assertThat(bookmarks).hasSize(4).last().isEqualTo("Priority - People Workforce Plan");
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("People Business Plan 2022-23", "Produced ", "Page 1 of " + doc.getNumberOfPages(),
					"Latest Note", "31-Aug-2023", "At risk");
			for (String code : appendix1().keySet()) {
				assertThat(text).contains(code);
			}
			// the header row repeats on every page the table runs over
			PDFTextStripper page2 = new PDFTextStripper();
			page2.setStartPage(3);
			page2.setEndPage(3);
			assertThat(page2.getText(doc)).contains("Latest Note");
		}
	}

	@Test
	void theWordDocumentHasRealHeadingsAndTablesAnOfficerCanEdit() throws Exception {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(report("docx")))) {
			List<String> headings = doc.getParagraphs().stream().filter((p) -> "Heading2".equals(p.getStyle())).map(XWPFParagraph::getText).toList();
			assertThat(headings).hasSize(4).last().isEqualTo("Priority - People Workforce Plan");
			assertThat(doc.getParagraphs().stream().filter((p) -> "Heading1".equals(p.getStyle())).map(XWPFParagraph::getText))
				.containsExactly("People Business Plan 2022-23");
			List<XWPFTable> tables = doc.getTables();
			// the summary, then a table for each priority
			assertThat(tables).hasSize(5);
			assertThat(tables.stream().skip(1).mapToInt((t) -> t.getNumberOfRows() - 1).sum()).isEqualTo(55);
			XWPFTable first = tables.get(1);
			assertThat(first.getRow(0).isRepeatHeader()).isTrue();
			assertThat(first.getRow(0).getTableCells()).extracting((c) -> c.getText())
				.containsExactly("Code", "Action", "By When", "Progress", "Expected Outcome", "Latest Note", "Lead");
			assertThat(first.getRow(1).getCell(0).getText()).isEqualTo("PPL 22 01");
			assertThat(first.getRow(1).getCell(2).getText()).isEqualTo("31-Aug-2023");
			assertThat(first.getRow(1).getCell(3).getText()).isEqualTo("30%");
			// PPL 22 05's note: a paragraph, then bullets as a real list
			var note = first.getRow(4).getCell(5).getParagraphs();
			assertThat(note.get(0).getText()).isEqualTo("Since August:");
			assertThat(note.get(1).getNumID()).isNotNull();
			assertThat(note.get(1).getText()).startsWith("one full-time IO PT has left");
		}
	}

	@Test
	void theWorkbookHasARowPerActionWithFiltersOn() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report("xlsx")))) {
			XSSFSheet sheet = book.getSheet("Progress report");
			assertThat(sheet.getLastRowNum()).isEqualTo(55);
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("PPL 22 01");
			assertThat(sheet.getRow(1).getCell(4).getLocalDateTimeCellValue().toLocalDate()).hasToString("2023-08-31");
			assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(30);
			Sheet about = book.getSheet("About");
			assertThat(about.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Approved updates only");
		}
	}

	@Test
	void aPlanWithActionsUnderNoPriorityIsReportedInEveryFormatWithThemUnderThePlan() throws Exception {
		long id = this.plans.importFile(new ByteArrayInputStream("""
				format: golden-thread/plan@1
				plan: {code: FLAT-2025, title: Flat plan, type: strategy, start: 2025-04-01, end: 2026-03-31, status: approved}
				elements:
				- {code: F1, kind: action, title: An action at the top of the plan, due: 2026-03-31, progress: 40}
				- code: O1
				  kind: outcome
				  title: An outcome
				  children:
				  - {code: F2, kind: action, title: An action under an outcome}
				""".getBytes(StandardCharsets.UTF_8)), scot.goldenthread.plans.PlanFormat.YAML);
		try {
			for (String format : List.of("html", "pdf", "docx", "xlsx", "csv")) {
				this.mvc.perform(get("/api/reports/progress").param("plan", String.valueOf(id)).param("format", format))
					.andExpect(status().isOk());
			}
			this.mvc.perform(get("/plans/{id}/report", id).accept(MediaType.TEXT_HTML))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Not under a priority - Flat plan")))
				.andExpect(content().string(containsString("An action at the top of the plan")))
				.andExpect(content().string(containsString("An action under an outcome")));
		}
		finally {
			this.plans.delete(id);
		}
	}

}
