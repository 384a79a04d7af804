package scot.goldenthread.measures;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import scot.goldenthread.measures.ObservationImporter.Mode;
import scot.goldenthread.measures.ObservationImporter.Report;
import scot.goldenthread.measures.ObservationImporter.RowProblem;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest
class ObservationImporterTests {

	@Autowired
	ObservationImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureCatalogue catalogue;

	@Autowired
	Observations observations;

	@Autowired
	MeasureDefinitions definitions;

	/** The test's own measures, defined as a plan's measures are when its file first names them: financial years, higher is better. */
	@BeforeEach
	void defineMeasures() {
		this.definitions.define(new java.io.ByteArrayInputStream("""
				format: golden-thread/measures@1
				measures:
				- {code: OBS-TEST-05, title: Communities with plans in place, polarity: higher-is-better, periodType: financial-year}
				- {code: OBS-TEST-09, title: Adults with a strong sense of belonging, polarity: higher-is-better, periodType: financial-year}
				- {code: OBS-TEST-10, title: Adults who feel safe at night, polarity: higher-is-better, periodType: financial-year}
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test-measures.yaml");
	}

	@AfterEach
	void removeObservations() {
		this.jdbc.sql("delete from observation where measure_id in (select id from measure where code in ('OBS-TEST-05', 'OBS-TEST-09', 'OBS-TEST-10'))")
			.update();
	}

	Report load(String csv, Mode mode) {
		return this.importer.importCsv(new StringReader(csv), "test.csv", null, null, mode);
	}

	long observations() {
		return this.jdbc.sql("select count(*) from observation o join measure m on m.id = o.measure_id where m.code in ('OBS-TEST-05', 'OBS-TEST-09', 'OBS-TEST-10')")
			.query(Long.class).single();
	}

	static final String GOOD = """
			measure,period,geography,value,note
			OBS-TEST-05,2020/21,S12000005,24.1,
			OBS-TEST-05,2021/22,S12000005,22.0,seed 000
			OBS-TEST-05,2021/22,S92000003,20.0,
			""";

	@Test
	void loadingTheSameFileAgainChangesNothingAndAChangedValueIsARevision() {
		assertThat(load(GOOD, Mode.ALL_OR_NOTHING)).extracting(Report::read, Report::inserted, Report::revised, Report::unchanged)
			.containsExactly(3L, 3L, 0L, 0L);
		assertThat(load(GOOD, Mode.ALL_OR_NOTHING)).extracting(Report::inserted, Report::revised, Report::unchanged)
			.containsExactly(0L, 0L, 3L);
		Report revised = load(GOOD.replace("2021/22,S12000005,22.0", "2021/22,S12000005,22.5"), Mode.ALL_OR_NOTHING);
		assertThat(revised).extracting(Report::inserted, Report::revised, Report::unchanged).containsExactly(0L, 1L, 2L);
		assertThat(this.jdbc.sql("select value, status from observation where period_start = '2021-04-01' and geography = 'S12000005' and measure_id = (select id from measure where code = 'OBS-TEST-05')")
			.query((rs, n) -> rs.getBigDecimal(1) + " " + rs.getString(2)).single()).isEqualTo("22.5 revised");
		assertThat(this.jdbc.sql("select r.value::text || ' ' || r.status || ' ' || r.recorded_by || ' ' || r.superseded_by from observation_revision r join observation o on o.id = r.observation_id where o.measure_id = (select id from measure where code = 'OBS-TEST-05')")
			.query(String.class).list()).containsExactly("22.0 final system system");
	}

	@Test
	void everyBadRowIsReportedWithLineColumnAndReasonAndByDefaultNothingChanges() {
		String bad = GOOD + """
				LOIP-XX-99,2021/22,S12000005,1,
				OBS-TEST-05,2021/22,S99999999,1,
				OBS-TEST-05,2021/22,S12000005,lots,
				OBS-TEST-05,2021,S12000005,1,
				OBS-TEST-05,2019/20,S12000005,101,
				OBS-TEST-05,2020/21,S12000005,24.2,
				""";
		ObservationImportException refused = assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> load(bad, Mode.ALL_OR_NOTHING))
			.actual();
		assertThat(refused.report().errors()).containsExactly(
				new RowProblem(5, "measure", "'LOIP-XX-99' is not a known measure code"),
				new RowProblem(6, "geography", "'S99999999' is not a known geography code"),
				new RowProblem(7, "value", "'lots' is not a number"),
				new RowProblem(8, "period", "'2021' is not a financial year; write it as 2022/23"),
				new RowProblem(9, "value", "a percentage cannot be over 100"),
				new RowProblem(10, "value", "gives 24.2 where line 2 gives 24.1 for the same measure, period, place and breakdown"));
		assertThat(observations()).isZero();
	}

	@Test
	void theUserCanChooseToLoadTheGoodRows() {
		Report report = load(GOOD + "OBS-TEST-05,2019/20,S12000005,-1,\nOBS-TEST-05,2021/22,S92000003,20.5,\n", Mode.ACCEPT_VALID);
		// the two rows for Scotland 2021/22 give different values: neither is taken as the right one
		assertThat(report).extracting(Report::read, Report::inserted, Report::rejected).containsExactly(5L, 2L, 3L);
		assertThat(report.errors()).extracting(RowProblem::reason)
			.containsExactly("a percentage cannot be negative", "gives 20.5 where line 4 gives 20.0 for the same measure, period, place and breakdown");
		assertThat(observations()).isEqualTo(2);
	}

	@Test
	void aMissingColumnOrAnEmptyFileIsRefused() {
		assertThat(assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> load("measure,period,value\nOBS-TEST-05,2020/21,1\n", Mode.ACCEPT_VALID))
			.actual()
			.report()
			.errors()).containsExactly(new RowProblem(1, "geography", "the column is missing"));
		assertThat(assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> load("", Mode.ACCEPT_VALID))
			.actual().report().errors()).extracting(RowProblem::reason).containsExactly("the file is empty");
	}

	@Test
	void aStatisticsGovScotFileHoldsOneMeasureWithItsBreakdowns() {
		String csv = """
				FeatureCode,DateCode,Measurement,Units,Value,Gender
				S12000005,2021/2022,Ratio,Percent,71.0,All
				S12000005,2021/2022,Ratio,Percent,74.5,Male
				S12000005,2021/2022,Ratio,Percent,67.8,Female
				S12000005,2021/2022,Count,People,23000,All
				""";
		Report report = this.importer.importCsv(new StringReader(csv), "employment.csv", "OBS-TEST-10", "Ratio", Mode.ALL_OR_NOTHING);
		assertThat(report).extracting(Report::read, Report::inserted, Report::skipped).containsExactly(4L, 3L, 1L);
		assertThat(this.jdbc.sql("select breakdown from observation where measure_id = (select id from measure where code = 'OBS-TEST-10') order by breakdown").query(String.class).list())
			.containsExactly("", "Gender=Female", "Gender=Male");
		assertThat(assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> this.importer.importCsv(new StringReader(csv), "x.csv", null, null, Mode.ALL_OR_NOTHING))
			.actual().report().errors()).extracting(RowProblem::reason)
			.containsExactly("a statistics.gov.scot file holds one measure: say which (measure=CODE)");
	}

	@Test
	void aValueFarOutsideItsHistoryIsLoadedForAPersonToConfirm() {
		load("""
				measure,period,geography,value
				OBS-TEST-09,2018/19,S12000005,26
				OBS-TEST-09,2019/20,S12000005,27
				OBS-TEST-09,2020/21,S12000005,25
				""", Mode.ALL_OR_NOTHING);
		Report report = load("measure,period,geography,value\nOBS-TEST-09,2021/22,S12000005,72\nOBS-TEST-09,2022/23,S12000005,26.5\n",
				Mode.ALL_OR_NOTHING);
		assertThat(report.toConfirm()).isEqualTo(1);
		Measure measure = this.catalogue.measure("OBS-TEST-09").orElseThrow();
		assertThat(this.jdbc.sql("select to_confirm from observation where value = 72 and measure_id = ?").param(measure.id()).query(String.class).single())
			.startsWith("far outside its history (25 to 27)");
		// a person looks and confirms it
		assertThat(this.observations.confirm(measure, Period.parse("2021/22", PeriodType.FINANCIAL_YEAR), "S12000005", "")).isTrue();
		assertThat(this.jdbc.sql("select count(*) from observation where to_confirm is not null and measure_id = ?").param(measure.id()).query(Integer.class).single()).isZero();
		assertThat(this.observations.confirm(measure, Period.parse("2021/22", PeriodType.FINANCIAL_YEAR), "S12000005", "")).isFalse();
	}

	@Test
	void anExcelSheetIsReadLikeACsvFile() throws Exception {
		byte[] xlsx;
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("Data");
			String[][] rows = { { "measure", "period", "geography", "value", "note" },
					{ "OBS-TEST-05", "2020/21", "S12000005", null, "" }, { "OBS-TEST-05", "2021/22", "", null, "no place" } };
			for (int r = 0; r < rows.length; r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					if (rows[r][c] != null && !rows[r][c].isEmpty()) {
						row.createCell(c).setCellValue(rows[r][c]);
					}
				}
			}
			// a number shown rounded by its format is read as entered
			org.apache.poi.ss.usermodel.CellStyle whole = book.createCellStyle();
			whole.setDataFormat(book.createDataFormat().getFormat("0"));
			sheet.getRow(1).createCell(3).setCellValue(22.46);
			sheet.getRow(1).getCell(3).setCellStyle(whole);
			sheet.getRow(2).createCell(3).setCellValue(23);
			book.write(out);
			xlsx = out.toByteArray();
		}
		ObservationImportException refused = assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> this.importer.importXlsx(new java.io.ByteArrayInputStream(xlsx), "data.xlsx", null, null, Mode.ALL_OR_NOTHING))
			.actual();
		assertThat(refused.report().errors()).containsExactly(new RowProblem(3, "geography", "is empty"));
		Report report = this.importer.importXlsx(new java.io.ByteArrayInputStream(xlsx), "data.xlsx", null, null, Mode.ACCEPT_VALID);
		assertThat(report).extracting(Report::read, Report::inserted, Report::rejected).containsExactly(2L, 1L, 1L);
		assertThat(this.jdbc.sql("select value::text from observation where measure_id = (select id from measure where code = 'OBS-TEST-05')")
			.query(String.class).single()).isEqualTo("22.46");
		assertThat(assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> this.importer.importXlsx(new java.io.ByteArrayInputStream("not a workbook".getBytes()), "x.xlsx", null, null, Mode.ACCEPT_VALID))
			.actual().report().errors()).extracting(RowProblem::reason).containsExactly("the file is not an Excel workbook (.xlsx) that can be read");
	}

	@Test
	void aFileByCouncilNamesOrOldCodesLoadsUnderTodaysCodesAndANameThatMatchesNoneIsARowProblem() {
		Report report = load("""
				measure,period,geography,value
				OBS-TEST-05,2020/21,Edinburgh City,41
				OBS-TEST-05,2020/21,Argyll & Bute,42
				OBS-TEST-05,2020/21,S12000015,43
				OBS-TEST-05,2020/21,Eilean Siar,44
				""", Mode.ALL_OR_NOTHING);
		assertThat(report.inserted()).isEqualTo(4);
		assertThat(this.jdbc.sql("""
				select geography || '=' || value::text from observation where measure_id = (select id from measure where code = 'OBS-TEST-05')
				order by geography""").query(String.class).list())
			.containsExactly("S12000013=44", "S12000035=42", "S12000036=41", "S12000047=43");
		assertThat(assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> load("measure,period,geography,value\nOBS-TEST-05,2021/22,Edinbrugh,1\n", Mode.ALL_OR_NOTHING))
			.actual().report().errors()).containsExactly(
					new RowProblem(2, "geography", "'Edinbrugh' is not a known place code or name; did you mean City of Edinburgh?"));
		assertThat(observations()).isEqualTo(4);
	}

	@Test
	void theImportIsAudited() {
		load(GOOD, Mode.ALL_OR_NOTHING);
		List<String> summaries = this.jdbc.sql("select summary from audit_event where entity_type = 'observation-import'")
			.query(String.class).list();
		assertThat(summaries).contains("Imported observations from test.csv: 3 new, 0 revised, 0 unchanged, 0 rejected");
	}

	@Test
	void tenImportsOfTheSameFileAtOnceEachSucceedAndStoreItOnce() throws Exception {
		var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
		try {
			List<java.util.concurrent.Future<Report>> reports = new java.util.ArrayList<>();
			for (int i = 0; i < 10; i++) {
				reports.add(pool.submit(() -> load(GOOD, Mode.ALL_OR_NOTHING)));
			}
			long inserted = 0;
			for (var report : reports) {
				inserted += report.get().inserted();
			}
			assertThat(inserted).isEqualTo(3);
			assertThat(observations()).isEqualTo(3);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void aNumberBeyondAnyUnitAYearZeroAndANulInANoteAreBadRowsFoundAtOnce() {
		String bad = """
				measure,period,geography,value,note
				OBS-TEST-05,2020/21,S12000005,1e100000000,
				OBS-TEST-05,0000/01,S12000005,1,
				OBS-TEST-05,2021/22,S12000005,2,a \u0000 in a note
				""";
		assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> load(bad, Mode.ALL_OR_NOTHING))
			.extracting((ex) -> ex.report().errors())
			.asList()
			.containsExactly(new RowProblem(2, "value", "is too large to be a real value (more than 15 digits before the decimal point)"),
					new RowProblem(3, "period", "the period is outside the years 1900 to 2100"),
					new RowProblem(4, "note", "holds a control character (such as NUL) that no text may hold"));
		assertThat(observations()).isZero();
	}

	Report upload(String name, byte[] content) throws Exception {
		return this.importer.importFile(new java.io.ByteArrayInputStream(content), name, (measure) -> true, null, null, Mode.ALL_OR_NOTHING);
	}

	@Test
	void aFileIsReadInTheEncodingItWasSavedInWhichTheReportNamesAndOneThatIsNotTextIsRefused() throws Exception {
		String csv = "measure,period,geography,value,note\nOBS-TEST-05,2020/21,S12000005,24.1,café in Alloa\n";
		assertThat(upload("latin.csv", csv.getBytes(java.nio.charset.Charset.forName("windows-1252"))))
			.extracting(Report::encoding, Report::inserted).containsExactly("Windows-1252", 1L);
		assertThat(this.jdbc.sql("select note from observation where note like 'caf%'").query(String.class).single()).isEqualTo("café in Alloa");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] utf8 = csv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] withBom = java.util.Arrays.copyOf(bom, bom.length + utf8.length);
		System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);
		// the same text in every encoding is the same value: nothing is revised
		assertThat(upload("bom.csv", withBom)).extracting(Report::encoding, Report::unchanged).containsExactly("UTF-8 (with a byte-order mark)", 1L);
		assertThat(upload("plain.csv", utf8)).extracting(Report::encoding, Report::unchanged).containsExactly("UTF-8", 1L);
		assertThat(upload("wide.csv", ("\uFEFF" + csv).getBytes(java.nio.charset.StandardCharsets.UTF_16LE)))
			.extracting(Report::encoding, Report::unchanged).containsExactly("UTF-16", 1L);
		for (Object[] bad : new Object[][] { { "report.pdf", utf8, "'report.pdf' is not a CSV file (.csv) or an Excel workbook (.xlsx)" },
				{ "named.csv", "%PDF-1.7 ...".getBytes(), "the file is a PDF document, not a CSV file" },
				{ "binary.csv", new byte[] { 'a', 0, 'b' }, "the file is not text: it holds NUL bytes" },
				{ "neither.csv", new byte[] { 'a', (byte) 0x81, 'b' }, "the file is not text in UTF-8, UTF-16 or Windows-1252: save it as CSV UTF-8" },
				{ "twice.csv", "measure,period,geography,value,value\n".getBytes(),
						"the column is given twice (columns 4 and 5): which one holds the values cannot be told" } }) {
			assertThatExceptionOfType(ObservationImportException.class).isThrownBy(() -> upload((String) bad[0], (byte[]) bad[1]))
				.satisfies((ex) -> assertThat(ex.report().errors()).extracting(RowProblem::reason).containsExactly((String) bad[2]));
		}
	}

}
