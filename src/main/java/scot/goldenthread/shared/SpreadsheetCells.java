package scot.goldenthread.shared;

import java.util.regex.Pattern;

/**
 * A text cell of a CSV or Excel file the product writes, kept from being run as a formula by the spreadsheet
 * that opens it (OWASP's advice on CSV injection): one that starts with =, +, -, @, a tab or a carriage return
 * gets an apostrophe before it in a CSV file, and is marked as text in an Excel one. A number is left as it is.
 */
public final class SpreadsheetCells {

	private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

	private SpreadsheetCells() {
	}

	/** Whether a spreadsheet could take the text for a formula. */
	public static boolean formulaLike(String text) {
		return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches();
	}

	/** The text as a CSV cell. */
	public static String csv(String text) {
		return formulaLike(text) ? "'" + text : text;
	}

	/** A CSV cell as the product wrote it, read back as the text it was. */
	public static String read(String cell) {
		return (cell != null && cell.startsWith("'") && formulaLike(cell.substring(1))) ? cell.substring(1) : cell;
	}

}
