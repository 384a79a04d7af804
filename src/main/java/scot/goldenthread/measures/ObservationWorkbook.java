package scot.goldenthread.measures;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The rows of a workbook's first sheet, read as a stream (POI's SAX reader), so that a large sheet
 * never sits in memory. Numbers come as entered, not as their cell format shows them.
 */
final class ObservationWorkbook {

	private ObservationWorkbook() {
	}

	static void rows(InputStream in, Supplier<RuntimeException> unreadable, Consumer<ObservationImporter.SourceRow> rows) {
		try (OPCPackage workbook = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(workbook);
			XMLReader parser = XMLHelper.newXMLReader();
			parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
					new ReadOnlySharedStringsTable(workbook), new Rows(rows), new RawNumbers(), false));
			try (InputStream sheet = reader.getSheetsData().next()) {
				parser.parse(new InputSource(sheet));
			}
		}
		catch (ObservationImportException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw unreadable.get();
		}
	}

	/** Shows a number as its value: a value of 22.46 in a cell formatted "0" is 22.46, not 22. */
	private static final class RawNumbers extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (org.apache.poi.ss.usermodel.DateUtil.isADateFormat(formatIndex, formatString)) {
				return org.apache.poi.ss.usermodel.DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

	}

	private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final Consumer<ObservationImporter.SourceRow> rows;

		private List<String> cells;

		Rows(Consumer<ObservationImporter.SourceRow> rows) {
			this.rows = rows;
		}

		@Override
		public void startRow(int row) {
			this.cells = new ArrayList<>();
		}

		@Override
		public void endRow(int row) {
			if (this.cells.stream().anyMatch((cell) -> cell != null && !cell.isBlank())) {
				this.rows.accept(new ObservationImporter.SourceRow(row + 1, this.cells));
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			// empty cells are not in the sheet's XML: place each value by its column
			int column = new CellReference(reference).getCol();
			while (this.cells.size() < column) {
				this.cells.add("");
			}
			this.cells.add(value);
		}

	}

}
