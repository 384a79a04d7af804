package scot.goldenthread.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import scot.goldenthread.plans.Assessment;

/**
 * A lead's actions for a period as a workbook to fill in offline, and the same read back: one row per action,
 * its update's version hidden beside it so that a row changed meanwhile by someone else is refused, not overwritten.
 */
final class UpdateWorkbook {

	static final String SHEET = "Updates";

	static final String PROGRESS = "Progress (%)";

	static final String ASSESSMENT = "Your assessment";

	static final String NOTE = "Latest note";

	static final String ID = "Action id";

	static final String VERSION = "Version";

	private static final List<String> HEADINGS = List.of("Plan", "Code", "Action", "Due", "State", PROGRESS, ASSESSMENT, NOTE, ID, VERSION);

	private UpdateWorkbook() {
	}

	/** What a workbook held: its lines, or why it could not be read at all. */
	record Read(List<BulkUpdates.Typed> lines, List<BulkUpdates.Problem> problems) {
	}

	static byte[] write(ReportingPeriod period, List<BulkUpdates.Line> lines) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			CellStyle wrapped = book.createCellStyle();
			wrapped.setWrapText(true);
			Sheet sheet = book.createSheet(SHEET);
			Row top = sheet.createRow(0);
			for (int c = 0; c < HEADINGS.size(); c++) {
				Cell cell = top.createCell(c);
				cell.setCellValue(HEADINGS.get(c));
				cell.setCellStyle(header);
			}
			int r = 1;
			for (BulkUpdates.Line line : lines) {
				Row row = sheet.createRow(r++);
				var action = line.action();
				row.createCell(0).setCellValue(line.item().tree().plan().code());
				row.createCell(1).setCellValue((action.code() != null) ? action.code() : "");
				Cell title = row.createCell(2);
				title.setCellValue(action.title());
				title.setCellStyle(wrapped);
				row.createCell(3).setCellValue(Objects.toString(action.dueText(), ""));
				row.createCell(4).setCellValue(line.item().stateLabel());
				row.createCell(5).setCellValue(Integer.parseInt(line.start().progress()));
				row.createCell(6).setCellValue(Assessment.of(line.start().assessment()).map(Assessment::label).orElse(""));
				Cell note = row.createCell(7);
				note.setCellValue(line.start().note());
				note.setCellStyle(wrapped);
				row.createCell(8).setCellValue(action.id());
				if (line.start().version() != null) {
					row.createCell(9).setCellValue(line.start().version());
				}
			}
			int[] widths = { 14, 10, 50, 12, 20, 12, 16, 70, 10, 8 };
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256);
			}
			sheet.setColumnHidden(8, true);
			sheet.setColumnHidden(9, true);
			sheet.createFreezePane(0, 1);
			if (!lines.isEmpty()) {
				DataValidationHelper validation = sheet.getDataValidationHelper();
				String[] labels = java.util.Arrays.stream(Assessment.values()).map(Assessment::label).toArray(String[]::new);
				sheet.addValidationData(validation.createValidation(validation.createExplicitListConstraint(labels),
						new CellRangeAddressList(1, lines.size(), 6, 6)));
			}
			Sheet about = book.createSheet("About");
			String[][] facts = { { "Reporting period", period.name() }, { "Deadline", period.deadline().toString() },
					{ "How to fill it in", "Give each action's progress (a whole number from 0 to 100), your assessment and the latest note: "
							+ "what has been done and what comes next. Rows you leave as they are are not changed. Upload the workbook on "
							+ "My updates; do not change the hidden columns." } };
			for (int i = 0; i < facts.length; i++) {
				Row row = about.createRow(i);
				row.createCell(0).setCellValue(facts[i][0]);
				row.createCell(1).setCellValue(facts[i][1]);
			}
			about.setColumnWidth(0, 20 * 256);
			about.setColumnWidth(1, 100 * 256);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The lines of a workbook named {@code file}, each with the sheet and row it came from. */
	static Read read(String file, InputStream in) {
		List<BulkUpdates.Typed> lines = new ArrayList<>();
		try (Workbook book = WorkbookFactory.create(in)) {
			Sheet sheet = book.getSheet(SHEET);
			if (sheet == null) {
				return refused(file, "there is no sheet called " + SHEET + "; upload the workbook downloaded from My updates");
			}
			Map<String, Integer> columns = new HashMap<>();
			Row top = sheet.getRow(0);
			DataFormatter text = new DataFormatter();
			if (top != null) {
				top.forEach((cell) -> columns.put(text.formatCellValue(cell).strip(), cell.getColumnIndex()));
			}
			List<String> missing = List.of(ID, VERSION, PROGRESS, ASSESSMENT, NOTE).stream().filter((h) -> !columns.containsKey(h)).toList();
			if (!missing.isEmpty()) {
				return refused(file + ", sheet " + SHEET + ", row 1", "the column" + ((missing.size() == 1) ? " " : "s ") + String.join(", ", missing)
						+ ((missing.size() == 1) ? " is" : " are") + " missing; upload the workbook downloaded from My updates");
			}
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				String id = (row != null) ? text.formatCellValue(row.getCell(columns.get(ID))).strip() : "";
				if (id.isEmpty()) {
					continue;
				}
				String where = file + ", sheet " + SHEET + ", row " + (r + 1);
				if (!id.matches("\\d{1,18}")) {
					return refused(where + ", column " + ID, "'" + id + "' is not an action's id; do not change the hidden columns");
				}
				String version = text.formatCellValue(row.getCell(columns.get(VERSION))).strip();
				lines.add(new BulkUpdates.Typed(Long.parseLong(id), where, new ProgressUpdates.Draft(number(row.getCell(columns.get(PROGRESS)), text),
						assessment(text.formatCellValue(row.getCell(columns.get(ASSESSMENT))).strip()),
						text.formatCellValue(row.getCell(columns.get(NOTE))), List.of(),
						version.matches("\\d{1,9}") ? Integer.valueOf(version) : null)));
			}
			return new Read(lines, List.of());
		}
		catch (IOException | RuntimeException ex) {
			return refused(file, "this is not an Excel workbook (.xlsx) that can be read");
		}
	}

	/** A whole number as Excel holds it (40, not "40.0"); anything else as typed, for the checks to refuse. */
	private static String number(Cell cell, DataFormatter text) {
		if (cell != null && cell.getCellType() == CellType.NUMERIC && cell.getNumericCellValue() == Math.rint(cell.getNumericCellValue())) {
			return String.valueOf((long) cell.getNumericCellValue());
		}
		return text.formatCellValue(cell).strip();
	}

	/** The assessment's code from its label as the list in the sheet offers it; anything else as typed. */
	private static String assessment(String typed) {
		for (Assessment a : Assessment.values()) {
			if (a.label().equalsIgnoreCase(typed) || a.code().equalsIgnoreCase(typed)) {
				return a.code();
			}
		}
		return typed;
	}

	/** A workbook that cannot be read at all: nothing in it is taken. */
	private static Read refused(String where, String message) {
		return new Read(List.of(), List.of(new BulkUpdates.Problem(where, 0, "", message)));
	}

	/** The column of the sheet a field is typed in. */
	static String column(String field) {
		return switch (field) {
			case "progress" -> PROGRESS;
			case "assessment" -> ASSESSMENT;
			case "note" -> NOTE;
			default -> null;
		};
	}

}
