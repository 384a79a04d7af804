package scot.goldenthread.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
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
 * A report as a table, one row per item: an Excel workbook with filters on, or CSV. Both have the same
 * columns, so what one says the other says; the workbook's second sheet says what the report is.
 */
public final class ReportTable<T> {

	/** A column: its heading, its width in characters in Excel, and its value for a row (text, number or date). */
	public record Column<T>(String heading, int width, Function<T, Object> value) {
	}

	private final List<Column<T>> columns;

	public ReportTable(List<Column<T>> columns) {
		this.columns = columns;
	}

	public void csv(List<T> rows, OutputStream out) {
		try (CsvWriter csv = CsvWriter.builder().build(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
			csv.writeRecord(this.columns.stream().map(Column::heading).toList());
			for (T row : rows) {
				csv.writeRecord(this.columns.stream().map((c) -> c.value().apply(row)).map((v) -> (v != null) ? SpreadsheetCells.csv(v.toString()) : "").toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code about}: pairs of a fact's name and its value, for the "About" sheet. */
	public void xlsx(List<T> rows, String sheetName, String[][] about, OutputStream out) {
		SXSSFWorkbook book = new SXSSFWorkbook(200);
		try {
			Font bold = book.createFont();
			bold.setBold(true);
			CellStyle header = book.createCellStyle();
			header.setFont(bold);
			CellStyle wrapped = book.createCellStyle();
			wrapped.setWrapText(true);
			wrapped.setVerticalAlignment(VerticalAlignment.TOP);
			CellStyle quoted = book.createCellStyle();
			quoted.cloneStyleFrom(wrapped);
			quoted.setQuotePrefixed(true);
			CellStyle date = book.createCellStyle();
			date.cloneStyleFrom(wrapped);
			date.setDataFormat(book.createDataFormat().getFormat("dd-mmm-yyyy"));

			Sheet sheet = book.createSheet(sheetName);
			Row top = sheet.createRow(0);
			for (int c = 0; c < this.columns.size(); c++) {
				Cell cell = top.createCell(c);
				cell.setCellValue(this.columns.get(c).heading());
				cell.setCellStyle(header);
				sheet.setColumnWidth(c, this.columns.get(c).width() * 256);
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int c = 0; c < this.columns.size(); c++) {
					Object value = this.columns.get(c).value().apply(rows.get(r));
					Cell cell = row.createCell(c);
					cell.setCellStyle(wrapped);
					if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (value instanceof Integer number) {
						cell.setCellValue(number);
					}
					else if (value != null) {
						cell.setCellValue(value.toString());
						if (SpreadsheetCells.formulaLike(value.toString())) {
							cell.setCellStyle(quoted);
						}
					}
				}
			}
			sheet.setAutoFilter(new CellRangeAddress(0, rows.size(), 0, this.columns.size() - 1));
			sheet.createFreezePane(0, 1);

			Sheet facts = book.createSheet("About");
			for (int r = 0; r < about.length; r++) {
				Row row = facts.createRow(r);
				row.createCell(0).setCellValue(about[r][0]);
				row.getCell(0).setCellStyle(header);
				row.createCell(1).setCellValue(about[r][1]);
			}
			facts.setColumnWidth(0, 16 * 256);
			facts.setColumnWidth(1, 100 * 256);
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
