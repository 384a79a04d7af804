package scot.goldenthread.plans;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A workbook names its problems by sheet, row and column. */
class PlanWorkbookTests {

	final PlanWorkbook workbook = new PlanWorkbook();

	@Test
	void anUnknownParentIsNamedBySheetRowAndColumn() throws IOException {
		byte[] file = workbook((book) -> {
			Sheet actions = book.createSheet("Actions");
			row(actions, 0, "Code", "Parent", "Title");
			row(actions, 1, "A1", "NOPE", "An action");
		});
		assertThat(problems(file)).containsExactly(
				new ImportProblem("sheet 'Actions', row 2", "Parent", "no element of this plan has the code 'NOPE'"));
	}

	@Test
	void anUnknownSheetOrColumnAndAMissingPlanSheetAreRefused() throws IOException {
		byte[] file = workbook((book) -> {
			book.removeSheetAt(0);
			row(book.createSheet("Stuff"), 0, "Code");
			row(book.createSheet("Outcomes"), 0, "Code", "Title", "Colour");
		});
		assertThat(problems(file)).extracting(ImportProblem::toString)
			.contains("workbook: has no 'Plan' sheet", "sheet 'Outcomes', row 1, Colour: is not a column of a plan sheet")
			.anySatisfy((p) -> assertThat(p).startsWith("sheet 'Stuff': is not a level of a plan"));
	}

	@Test
	void rowsBuildTheTreeAndListsSitOneItemALine() throws IOException {
		byte[] file = workbook((book) -> {
			row(book.createSheet("Priorities"), 0, "Code", "Title");
			row(book.getSheet("Priorities"), 1, "P1", "A priority");
			Sheet actions = book.createSheet("Actions");
			row(actions, 0, "Code", "Parent", "Title", "Leads", "Progress %");
			row(actions, 1, "A1", "P1", "An action", "Lead one\nLead two", "40");
		});
		PlanDocument document = this.workbook.read(new ByteArrayInputStream(file));
		PlanDocument.Element action = document.elements().get(0).children().get(0);
		assertThat(action.leads()).containsExactly("Lead one", "Lead two");
		assertThat(action.at()).isEqualTo("sheet 'Actions', row 2");
		assertThat(action.progress()).isEqualTo("40");
	}

	@Test
	void aFileThatIsNoWorkbookIsRefused() {
		assertThat(problems("plan: nope".getBytes())).containsExactly(
				new ImportProblem("file", null, "is not an Excel workbook (.xlsx) that can be read"));
	}

	private List<ImportProblem> problems(byte[] file) {
		return assertThatExceptionOfType(PlanImportException.class)
			.isThrownBy(() -> this.workbook.read(new ByteArrayInputStream(file)))
			.actual()
			.problems();
	}

	private static byte[] workbook(java.util.function.Consumer<XSSFWorkbook> sheets) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet plan = book.createSheet("Plan");
			row(plan, 0, "Field", "Value");
			row(plan, 1, "code", "X");
			sheets.accept(book);
			book.write(out);
			return out.toByteArray();
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

}
