package scot.goldenthread.plans;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import scot.goldenthread.shared.SpreadsheetCells;

/**
 * A plan as an Excel workbook: a "Plan" sheet of fields, one sheet per level of the tree (each row
 * names its parent by code), a "Measures" sheet and, where actions are run as improvement projects, a
 * "Projects" sheet; then a sheet for each kind of record the plan stands on. Lists sit one item a line inside their cell.
 */
class PlanWorkbook {

	static final String PLAN_SHEET = "Plan";

	static final String MEASURES_SHEET = "Measures";

	static final String PROJECTS_SHEET = "Projects";

	private static final List<String> HEADER_FIELDS = List.of("code", "title", "type", "partnership", "owner", "start",
			"end", "status", "approvedOn", "description", "relatedPlans", "locality", "levels");

	/** The element columns; "Order" keeps siblings of different levels in the plan's own order. */
	private enum Column {

		ORDER("Order"), CODE("Code"), PARENT("Parent"), TITLE("Title"), SHORT_TITLE("Short title"),
		DESCRIPTION("Description"), START("Start"), DUE("Due"), PROGRESS("Progress %"),
		EXPECTED_OUTCOME("Expected outcome"), LEADS("Leads"), LATEST_NOTE("Latest note"), ALIGNED_TO("Aligned to"),
		KEY_PLANS("Key plans"), PROGRAMMES("Programmes"), PARTNERSHIPS("Partnerships"), LOCALITY("Locality"), PREVENTION("Prevention");

		private final String heading;

		Column(String heading) {
			this.heading = heading;
		}

	}

	private static final List<String> MEASURE_COLUMNS = List.of("Element", "Code", "Title", "Polarity", "Role");

	/** The sheets of the records a plan stands on, each with its columns in the order the file's fields go. */
	private static final Map<String, List<String>> RECORD_SHEETS = Map.of(
			"Participation", List.of("Kind", "Title", "Method", "Held from", "Held to", "Participants", "Communities", "Seldom heard", "Heard",
					"Changed", "Contact", "Audience", "Informs"),
			"Evidence", List.of("Kind", "Title", "Published on", "Author", "Link", "Summary", "Audience", "Informs", "Measures"),
			"Equality impact", List.of("Title", "Assessed on", "Outcome", "Summary", "Link", "Audience"),
			"Contributions", List.of("To", "Partner", "Financial year", "Money", "FTE", "In kind", "Source"),
			"Self-assessment", List.of("Statement", "Self-assessment", "Improvement actions"));

	/** A project's change ideas are written one a line as "status: idea". */
	private static final List<String> PROJECT_COLUMNS = List.of("Action", "Aim", "By how much", "By when", "Phase", "Team",
			"Change ideas", "End report");

	byte[] write(PlanDocument document) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(book);
			writePlanSheet(book, styles, document.plan());
			Map<ElementKind, List<Object[]>> rows = new LinkedHashMap<>();
			Arrays.stream(ElementKind.values()).forEach((kind) -> rows.put(kind, new ArrayList<>()));
			List<String[]> measures = new ArrayList<>();
			List<String[]> projects = new ArrayList<>();
			flatten(null, document.elements(), rows, measures, projects, new int[] { 0 });
			rows.forEach((kind, kindRows) -> {
				if (!kindRows.isEmpty()) {
					writeElementSheet(book, styles, kind, kindRows);
				}
			});
			writeRows(sheet(book, styles, MEASURES_SHEET, MEASURE_COLUMNS), styles, measures);
			if (!projects.isEmpty()) {
				writeRows(sheet(book, styles, PROJECTS_SHEET, PROJECT_COLUMNS), styles, projects);
			}
			PlanDocument.Records r = document.records();
			records(book, styles, "Participation", r.participation().stream().map((p) -> new String[] { p.kind(), p.title(), p.method(), p.heldFrom(),
					p.heldTo(), p.participants(), lines(p.communities()), lines(p.seldomHeard()), p.heard(), p.changed(), p.contact(), p.audience(),
					lines(p.informs()) }).toList());
			records(book, styles, "Evidence", r.evidence().stream().map((e) -> new String[] { e.kind(), e.title(), e.publishedOn(), e.author(),
					e.link(), e.summary(), e.audience(), lines(e.informs()), lines(e.measures()) }).toList());
			records(book, styles, "Equality impact", r.equalityImpacts().stream().map((q) -> new String[] { q.title(), q.assessedOn(), q.outcome(),
					q.summary(), q.link(), q.audience() }).toList());
			records(book, styles, "Contributions", r.contributions().stream().map((c) -> new String[] { c.to(), c.partner(), c.financialYear(),
					c.money(), c.fte(), c.inKind(), c.source() }).toList());
			records(book, styles, "Self-assessment", r.selfAssessments().stream().map((a) -> new String[] { a.statement(), a.selfAssessment(),
					a.improvementActions() }).toList());
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not write the workbook", ex);
		}
	}

	private static void records(Workbook book, Styles styles, String name, List<String[]> rows) {
		if (!rows.isEmpty()) {
			writeRows(sheet(book, styles, name, RECORD_SHEETS.get(name)), styles, rows);
		}
	}

	private static void writeRows(Sheet sheet, Styles styles, List<String[]> rows) {
		for (String[] values : rows) {
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			for (int i = 0; i < values.length; i++) {
				text(row, i, values[i], styles.text(values[i]));
			}
		}
	}

	private void writePlanSheet(Workbook book, Styles styles, PlanDocument.Header header) {
		Sheet sheet = sheet(book, styles, PLAN_SHEET, List.of("Field", "Value"));
		List<String> values = List.of(nz(header.code()), nz(header.title()), nz(header.type()), nz(header.partnership()),
				nz(header.owner()), nz(header.start()), nz(header.end()), nz(header.status()), nz(header.approvedOn()),
				nz(header.description()), String.join("\n", header.relatedPlans()), nz(header.locality()),
				String.join("\n", header.levels().stream().map((l) -> l.kind() + ": " + l.name() + " / " + l.plural()).toList()));
		for (int i = 0; i < HEADER_FIELDS.size(); i++) {
			Row row = sheet.createRow(i + 1);
			text(row, 0, HEADER_FIELDS.get(i), null);
			text(row, 1, values.get(i), styles.text(values.get(i)));
		}
		sheet.setColumnWidth(1, 120 * 256);
	}

	private void flatten(String parent, List<PlanDocument.Element> elements, Map<ElementKind, List<Object[]>> rows,
			List<String[]> measures, List<String[]> projects, int[] order) {
		for (PlanDocument.Element e : elements) {
			ElementKind kind = ElementKind.of(e.kind()).orElseThrow();
			rows.get(kind).add(new Object[] { ++order[0], e.code(), parent, e.title(), e.shortTitle(), e.description(),
					e.start(), e.due(), e.progress(), e.expectedOutcome(), lines(e.leads()), e.latestNote(),
					lines(e.alignedTo()), lines(e.keyPlans()), lines(e.programmes()), lines(e.partnerships()), e.locality(), e.prevention() });
			e.measures().forEach((m) -> measures.add(new String[] { e.code(), m.code(), m.title(), m.polarity(), m.role() }));
			PlanDocument.Project p = e.project();
			if (p != null) {
				projects.add(new String[] { e.code(), p.aim(), p.byHowMuch(), p.byWhen(), p.phase(), lines(p.team()),
						lines(p.changeIdeas().stream().map((i) -> ((i.status() != null) ? i.status() + ": " : "") + i.idea()).toList()),
						p.endReport() });
			}
			flatten(e.code(), e.children(), rows, measures, projects, order);
		}
	}

	private void writeElementSheet(Workbook book, Styles styles, ElementKind kind, List<Object[]> rows) {
		Sheet sheet = sheet(book, styles, kind.plural(), Arrays.stream(Column.values()).map((c) -> c.heading).toList());
		for (Object[] values : rows) {
			Row row = sheet.createRow(sheet.getLastRowNum() + 1);
			for (Column column : Column.values()) {
				Object value = values[column.ordinal()];
				if (value == null || value.toString().isEmpty()) {
					continue;
				}
				switch (column) {
					case ORDER -> row.createCell(column.ordinal()).setCellValue((Integer) value);
					case PROGRESS -> numberOrText(row, column.ordinal(), value.toString());
					case START, DUE -> dateOrText(row, column.ordinal(), value.toString(), styles);
					default -> text(row, column.ordinal(), value.toString(), styles.text(value.toString()));
				}
			}
		}
		sheet.setColumnWidth(Column.TITLE.ordinal(), 60 * 256);
		sheet.setColumnWidth(Column.LATEST_NOTE.ordinal(), 90 * 256);
	}

	private static Sheet sheet(Workbook book, Styles styles, String name, List<String> headings) {
		Sheet sheet = book.createSheet(name);
		Row header = sheet.createRow(0);
		for (int i = 0; i < headings.size(); i++) {
			text(header, i, headings.get(i), styles.heading);
			sheet.setColumnWidth(i, Math.max(sheet.getColumnWidth(i), 18 * 256));
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, headings.size() - 1));
		return sheet;
	}

	PlanDocument read(InputStream in) {
		try (Workbook book = WorkbookFactory.create(in)) {
			List<ImportProblem> problems = new ArrayList<>();
			PlanDocument.Header header = readPlanSheet(book, problems);
			if (header == null) {
				problems.add(new ImportProblem("workbook", null, "has no '" + PLAN_SHEET + "' sheet"));
			}
			List<Line> lines = new ArrayList<>();
			for (Sheet sheet : book) {
				if (!List.of(PLAN_SHEET, MEASURES_SHEET, PROJECTS_SHEET).contains(sheet.getSheetName())
						&& !RECORD_SHEETS.containsKey(sheet.getSheetName())) {
					readElementSheet(sheet, lines, problems);
				}
			}
			List<PlanDocument.Element> roots = tree(lines, readMeasures(book), readProjects(book), problems);
			PlanDocument.Records records = new PlanDocument.Records(
					rows(book, "Participation").stream().map((c) -> new PlanDocument.Participation(c[0], c[1], c[2], c[3], c[4], c[5], split(c[6]),
							split(c[7]), c[8], c[9], c[10], c[11], split(c[12]))).toList(),
					rows(book, "Evidence").stream().map((c) -> new PlanDocument.Evidence(c[0], c[1], c[2], c[3], c[4], c[5], c[6], split(c[7]),
							split(c[8]))).toList(),
					rows(book, "Equality impact").stream().map((c) -> new PlanDocument.EqualityImpact(c[0], c[1], c[2], c[3], c[4], c[5])).toList(),
					rows(book, "Contributions").stream().map((c) -> new PlanDocument.Contribution(c[0], c[1], c[2], c[3], c[4], c[5], c[6])).toList(),
					rows(book, "Self-assessment").stream().map((c) -> new PlanDocument.SelfAssessment(c[0], c[1], c[2])).toList());
			if (!problems.isEmpty()) {
				throw new PlanImportException(problems);
			}
			return new PlanDocument(PlanDocument.FORMAT, header, roots, records);
		}
		catch (PlanImportException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new PlanImportException(new ImportProblem("file", null, "is not an Excel workbook (.xlsx) that can be read"));
		}
	}

	/** One element row as read: its level, where it stands and its cells by column. */
	private record Line(ElementKind kind, String where, int order, Map<Column, String> values) {

		String get(Column column) {
			return this.values.get(column);
		}

	}

	private void readElementSheet(Sheet sheet, List<Line> lines, List<ImportProblem> problems) {
		ElementKind kind = Arrays.stream(ElementKind.values())
			.filter((k) -> k.plural().equalsIgnoreCase(sheet.getSheetName().trim()))
			.findFirst()
			.orElse(null);
		if (kind == null) {
			problems.add(new ImportProblem("sheet '" + sheet.getSheetName() + "'", null, "is not a level of a plan; name element sheets "
					+ Arrays.stream(ElementKind.values()).map(ElementKind::plural).toList()));
			return;
		}
		Map<Column, Integer> columns = columns(sheet, problems);
		for (Row row : sheet) {
			if (row.getRowNum() == 0) {
				continue;
			}
			Map<Column, String> values = new HashMap<>();
			columns.forEach((column, index) -> {
				String value = cell(row, index);
				if (value != null) {
					values.put(column, value);
				}
			});
			if (!values.isEmpty()) {
				String where = "sheet '" + sheet.getSheetName() + "', row " + (row.getRowNum() + 1);
				String order = values.get(Column.ORDER);
				lines.add(new Line(kind, where, (order != null && order.matches("\\d+")) ? Integer.parseInt(order) : Integer.MAX_VALUE,
						values));
			}
		}
	}

	private PlanDocument.Header readPlanSheet(Workbook book, List<ImportProblem> problems) {
		Sheet sheet = book.getSheet(PLAN_SHEET);
		if (sheet == null) {
			return null;
		}
		Map<String, String> fields = new HashMap<>();
		for (Row row : sheet) {
			String field = cell(row, 0);
			if (row.getRowNum() == 0 || field == null) {
				continue;
			}
			if (!HEADER_FIELDS.contains(field)) {
				problems.add(new ImportProblem("sheet 'Plan', row " + (row.getRowNum() + 1), field,
						"is not a plan field; use " + HEADER_FIELDS));
			}
			fields.put(field, cell(row, 1));
		}
		return new PlanDocument.Header(fields.get("code"), fields.get("title"), fields.get("type"),
				fields.get("partnership"), fields.get("owner"), fields.get("start"), fields.get("end"), fields.get("status"),
				fields.get("approvedOn"), fields.get("description"), split(fields.get("relatedPlans")), fields.get("locality"),
				split(fields.get("levels")).stream().map(PlanWorkbook::level).toList());
	}

	/** "action: Improvement aim / Improvement aims", a level as its line in the Plan sheet; a part missing is left for the check to name. */
	private static PlanDocument.Level level(String line) {
		int colon = line.indexOf(':');
		String kind = (colon < 0) ? line : line.substring(0, colon);
		String[] words = (colon < 0) ? new String[0] : line.substring(colon + 1).split("/", 2);
		return new PlanDocument.Level(kind.strip(), (words.length > 0 && !words[0].isBlank()) ? words[0].strip() : null,
				(words.length > 1 && !words[1].isBlank()) ? words[1].strip() : null);
	}

	private Map<String, List<PlanDocument.Measure>> readMeasures(Workbook book) {
		Map<String, List<PlanDocument.Measure>> measures = new LinkedHashMap<>();
		Sheet sheet = book.getSheet(MEASURES_SHEET);
		if (sheet != null) {
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && cell(row, 0) != null) {
					measures.computeIfAbsent(cell(row, 0), (k) -> new ArrayList<>())
						.add(new PlanDocument.Measure(cell(row, 1), cell(row, 2), cell(row, 3), cell(row, 4)));
				}
			}
		}
		return measures;
	}

	/** A record sheet's rows below its headings, each cell by its column's place; none where the sheet is not there. */
	private static List<String[]> rows(Workbook book, String name) {
		List<String[]> rows = new ArrayList<>();
		Sheet sheet = book.getSheet(name);
		if (sheet != null) {
			int columns = RECORD_SHEETS.get(name).size();
			for (Row row : sheet) {
				String[] cells = new String[columns];
				for (int i = 0; i < columns; i++) {
					cells[i] = cell(row, i);
				}
				if (row.getRowNum() > 0 && Arrays.stream(cells).anyMatch(Objects::nonNull)) {
					rows.add(cells);
				}
			}
		}
		return rows;
	}

	private Map<String, PlanDocument.Project> readProjects(Workbook book) {
		Map<String, PlanDocument.Project> projects = new LinkedHashMap<>();
		Sheet sheet = book.getSheet(PROJECTS_SHEET);
		if (sheet != null) {
			for (Row row : sheet) {
				if (row.getRowNum() > 0 && cell(row, 0) != null) {
					projects.put(cell(row, 0), new PlanDocument.Project(cell(row, 1), cell(row, 2), cell(row, 3), cell(row, 4),
							split(cell(row, 5)), split(cell(row, 6)).stream().map(PlanWorkbook::changeIdea).toList(), cell(row, 7)));
				}
			}
		}
		return projects;
	}

	/** "testing: Falls huddle at handover", a change idea as its line; a line with no known status first is an idea not yet tested. */
	private static PlanDocument.ChangeIdea changeIdea(String line) {
		int colon = line.indexOf(':');
		String status = (colon < 0) ? null : line.substring(0, colon).strip();
		return (status != null && ImprovementProject.ChangeIdea.Status.of(status).isPresent())
				? new PlanDocument.ChangeIdea(line.substring(colon + 1).strip(), status) : new PlanDocument.ChangeIdea(line.strip(), null);
	}

	/** Siblings keep their Order, or else stand by level and then by row, as in the workbook. */
	private List<PlanDocument.Element> tree(List<Line> lines, Map<String, List<PlanDocument.Measure>> measures,
			Map<String, PlanDocument.Project> projects, List<ImportProblem> problems) {
		List<Line> sorted = new ArrayList<>(lines);
		sorted.sort(Comparator.comparingInt(Line::order).thenComparing(Line::kind));
		Set<String> codes = new HashSet<>();
		sorted.forEach((line) -> {
			if (line.get(Column.CODE) != null) {
				codes.add(line.get(Column.CODE));
			}
		});
		Map<String, List<Line>> childrenOf = new HashMap<>();
		for (Line line : sorted) {
			String parent = line.get(Column.PARENT);
			if (parent != null && !codes.contains(parent)) {
				problems.add(new ImportProblem(line.where(), Column.PARENT.heading, "no element of this plan has the code '" + parent + "'"));
			}
			else {
				childrenOf.computeIfAbsent(parent, (k) -> new ArrayList<>()).add(line);
			}
		}
		measures.keySet().stream().filter((code) -> !codes.contains(code)).forEach((code) -> problems.add(
				new ImportProblem("sheet '" + MEASURES_SHEET + "'", "Element", "no element of this plan has the code '" + code + "'")));
		projects.keySet().stream().filter((code) -> !codes.contains(code)).forEach((code) -> problems.add(
				new ImportProblem("sheet '" + PROJECTS_SHEET + "'", "Action", "no element of this plan has the code '" + code + "'")));
		return build(null, childrenOf, measures, projects, new HashSet<>());
	}

	private List<PlanDocument.Element> build(String parent, Map<String, List<Line>> childrenOf,
			Map<String, List<PlanDocument.Measure>> measures, Map<String, PlanDocument.Project> projects, Set<String> built) {
		List<PlanDocument.Element> elements = new ArrayList<>();
		for (Line line : childrenOf.getOrDefault(parent, List.of())) {
			String code = line.get(Column.CODE);
			// a code used twice is reported by the importer; each subtree is built once, so a cycle ends
			List<PlanDocument.Element> children = (code != null && built.add(code)) ? build(code, childrenOf, measures, projects, built)
					: List.of();
			elements.add(new PlanDocument.Element(code, line.kind().code(), line.get(Column.TITLE),
					line.get(Column.SHORT_TITLE), line.get(Column.DESCRIPTION), line.get(Column.START), line.get(Column.DUE),
					line.get(Column.PROGRESS), line.get(Column.EXPECTED_OUTCOME), split(line.get(Column.LEADS)),
					line.get(Column.LATEST_NOTE), split(line.get(Column.ALIGNED_TO)),
					(code != null) ? measures.getOrDefault(code, List.of()) : List.of(), split(line.get(Column.KEY_PLANS)),
					split(line.get(Column.PROGRAMMES)), split(line.get(Column.PARTNERSHIPS)), children, line.where(), line.get(Column.LOCALITY),
					line.get(Column.PREVENTION), (code != null) ? projects.get(code) : null));
		}
		return elements;
	}

	private static Map<Column, Integer> columns(Sheet sheet, List<ImportProblem> problems) {
		Map<Column, Integer> columns = new HashMap<>();
		Row header = sheet.getRow(0);
		if (header != null) {
			for (Cell cell : header) {
				String heading = cell.toString().trim();
				Arrays.stream(Column.values())
					.filter((c) -> c.heading.equalsIgnoreCase(heading))
					.findFirst()
					.ifPresentOrElse((c) -> columns.put(c, cell.getColumnIndex()),
							() -> problems.add(new ImportProblem("sheet '" + sheet.getSheetName() + "', row 1", heading,
									"is not a column of a plan sheet")));
			}
		}
		for (Column required : List.of(Column.CODE, Column.TITLE)) {
			if (!columns.containsKey(required)) {
				problems.add(new ImportProblem("sheet '" + sheet.getSheetName() + "', row 1", required.heading, "column is missing"));
			}
		}
		return columns;
	}

	private static String cell(Row row, int index) {
		Cell cell = row.getCell(index);
		if (cell == null) {
			return null;
		}
		String text = switch (cell.getCellType()) {
			case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
					: number(cell.getNumericCellValue());
			case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
			case FORMULA -> (cell.getCachedFormulaResultType() == CellType.NUMERIC) ? number(cell.getNumericCellValue())
					: cell.getStringCellValue();
			default -> cell.getStringCellValue();
		};
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static List<String> split(String cell) {
		return (cell == null) ? List.of() : Arrays.stream(cell.split("\\R")).map(String::strip).filter((s) -> !s.isEmpty()).toList();
	}

	private static String lines(List<String> items) {
		return String.join("\n", items);
	}

	private static String nz(String value) {
		return (value != null) ? value : "";
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	private static void numberOrText(Row row, int column, String value) {
		if (value.matches("-?\\d+")) {
			row.createCell(column).setCellValue(Integer.parseInt(value));
		}
		else {
			row.createCell(column).setCellValue(value);
		}
	}

	private static void dateOrText(Row row, int column, String value, Styles styles) {
		try {
			Cell cell = row.createCell(column);
			cell.setCellValue(LocalDate.parse(value));
			cell.setCellStyle(styles.date);
		}
		catch (java.time.format.DateTimeParseException ex) {
			row.createCell(column).setCellValue(value);
		}
	}

	private static final class Styles {

		final CellStyle heading;

		final CellStyle wrap;

		final CellStyle date;

		/** Wrapped, and marked as text so that a spreadsheet never runs it as a formula. */
		final CellStyle quoted;

		Styles(Workbook book) {
			Font bold = book.createFont();
			bold.setBold(true);
			this.heading = book.createCellStyle();
			this.heading.setFont(bold);
			this.wrap = book.createCellStyle();
			this.wrap.setWrapText(true);
			this.date = book.createCellStyle();
			this.date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			this.quoted = book.createCellStyle();
			this.quoted.cloneStyleFrom(this.wrap);
			this.quoted.setQuotePrefixed(true);
		}

		CellStyle text(String value) {
			return SpreadsheetCells.formulaLike(value) ? this.quoted : this.wrap;
		}

	}

}
