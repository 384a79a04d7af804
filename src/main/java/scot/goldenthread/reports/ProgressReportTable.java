package scot.goldenthread.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import de.siegmar.fastcsv.writer.CsvWriter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A progress report as a table, one row per action: an Excel workbook with filters on, or CSV. Both
 * have the same columns, so what one says the other says.
 */
final class ProgressReportTable {

	private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK);

	/** A column: its heading, its width in characters in Excel, and its value for a row (text, number or date). */
	private record Column(String heading, int width, Function<Line, Object> value) {
	}

	private record Line(ProgressReport.Group group, ProgressReport.Row row) {
	}

	private static final List<Column> COLUMNS = List.of(
			new Column("Plan", 14, (l) -> l.row().planCode()),
			new Column("Priority", 40, (l) -> l.group().heading()),
			new Column("Code", 12, (l) -> l.row().code()),
			new Column("Action", 50, (l) -> l.row().title()),
			new Column("By When", 12, (l) -> l.row().due()),
			new Column("Progress (%)", 12, (l) -> l.row().progress()),
			new Column("Expected Outcome", 16, (l) -> (l.row().expectedOutcome() != null) ? l.row().expectedOutcome().label() : null),
			new Column("Latest Note", 80, (l) -> l.row().note()),
			new Column("Lead", 30, (l) -> l.row().leadText()),
			new Column("Update state", 18, (l) -> (l.row().state() != null) ? l.row().state() : "Approved"));

	private ProgressReportTable() {
	}

	private static List<Line> lines(ProgressReport report) {
		List<Line> lines = new ArrayList<>();
		report.groups().forEach((g) -> g.rows().forEach((r) -> lines.add(new Line(g, r))));
		return lines;
	}

	/** Rows from another plan along the golden thread say which plan; the rest are the report's own. */
	private static Object value(Column column, Line line, ProgressReport report) {
		Object value = column.value().apply(line);
		return (value == null && column.heading().equals("Plan")) ? report.plan().code() : value;
	}

	static void csv(ProgressReport report, OutputStream out) {
		try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
			csv.writeRecord(COLUMNS.stream().map(Column::heading).toList());
			for (Line line : lines(report)) {
				csv.writeRecord(COLUMNS.stream().map((c) -> value(c, line, report)).map((v) -> (v != null) ? v.toString() : "").toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void xlsx(ProgressReport report, OutputStream out) {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try {
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			CellStyle wrapped = book.createCellStyle();
			wrapped.setWrapText(true);
			wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			CellStyle date = book.createCellStyle();
			date.cloneStyleFrom(wrapped);
			date.setDataFormat(book.createDataFormat().getFormat("dd-mmm-yyyy"));

			Sheet sheet = book.createSheet("Progress report");
			Row top = sheet.createRow(0);
			for (int c = 0; c < COLUMNS.size(); c++) {
				Cell cell = top.createCell(c);
				cell.setCellValue(COLUMNS.get(c).heading());
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, COLUMNS.get(c).width() * 256);
			}
			List<Line> lines = lines(report);
			for (int r = 0; r < lines.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < COLUMNS.size(); c++) {
					Object value = value(COLUMNS.get(c), lines.get(r), report);
					Cell cell = row.createCell(c);
					cell.setCellStyle(wrapped);
					if (value instanceof java.time.LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (value instanceof Integer number) {
						cell.setCellValue(number);
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
					}
				}
			}
			sheet.setAutoFilter(new CellRangeAddress(0, lines.size(), 0, COLUMNS.size() - 1));
			sheet.createFreezePane(0, 1);

			Sheet about = book.createSheet("About");
			String[][] facts = { { "Report", report.title() + " progress report" },
					{ "Generated on", GENERATED.format(report.generatedAt()) },
					{ "Data", report.draft() ? "DRAFT: the working draft, with updates not yet approved" : "Approved updates only" },
					{ "Selection", report.chosen().isEmpty() ? "All actions" : String.join("; ", report.chosen()) },
					{ "Actions", Integer.toString(lines.size()) } };
			for (int r = 0; r < facts.length; r++) {
				Row row = about.createRow(r);
				row.createCell(0).setCellValue(facts[r][0]);
				row.getCell(0).setCellStyle(header);
				row.createCell(1).setCellValue(facts[r][1]);
			}
			about.setColumnWidth(0, 16 * 256);
			about.setColumnWidth(1, 100 * 256);
			book.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			book.dispose();
		}
	}

}
