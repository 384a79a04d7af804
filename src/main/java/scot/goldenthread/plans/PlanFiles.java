package scot.goldenthread.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import scot.goldenthread.shared.StructuredFiles;

import org.springframework.stereotype.Component;

/** Reads and writes plan files in each format, reporting a malformed file by line and field. */
@Component
class PlanFiles {

	private final ObjectMapper yaml = YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new TextStaysText()).build())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.LITERAL_BLOCK_STYLE)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
		.build();

	private final ObjectMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private final PlanWorkbook workbook = new PlanWorkbook();

	/** The largest plan file read: the seed plans are about 100 KB. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The longest line of a YAML plan file: a note is at most 10,000 characters, and a YAML parser is slow on longer lines. */
	static final int MAX_YAML_LINE = 100_000;

	public PlanDocument read(InputStream in, PlanFormat format) {
		if (format == PlanFormat.XLSX) {
			return this.workbook.read(in);
		}
		byte[] content;
		try {
			content = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (content.length > MAX_BYTES) {
			throw new PlanImportException(new ImportProblem("file", null, "is larger than " + MAX_BYTES / 1024 / 1024
					+ " MB, which no plan is"));
		}
		if (new String(content, StandardCharsets.UTF_8).isBlank()) {
			throw new PlanImportException(new ImportProblem("file", null, "is empty"));
		}
		if (format == PlanFormat.YAML) {
			checkLines(content);
		}
		StructuredFiles.Read<PlanDocument> read = StructuredFiles.read(mapper(format), content, PlanDocument.class, format == PlanFormat.YAML);
		if (read.value() == null) {
			throw new PlanImportException(read.problems().stream().map((p) -> new ImportProblem(line(p.line()), null, p.reason())).toList());
		}
		return new PlanDocument(read.value().format(), read.value().plan(), located(read.value().elements(), "/elements", read.lines()),
				read.value().records(), read.problems().stream().map((p) -> unread(read.value(), read.lines(), p)).toList());
	}

	private static String line(int line) {
		return (line > 0) ? "line " + line : "file";
	}

	/** Each element with the line it starts on; an element that could not be read at all is told already, and left out. */
	private static List<PlanDocument.Element> located(List<PlanDocument.Element> elements, String path, StructuredFiles.Lines lines) {
		List<PlanDocument.Element> located = new ArrayList<>();
		for (int i = 0; i < elements.size(); i++) {
			PlanDocument.Element element = elements.get(i);
			String at = path + "/" + i;
			if (element != null) {
				located.add(element.withChildren(located(element.children(), at + "/children", lines)).at(line(lines.of(at))));
			}
		}
		return located;
	}

	private static final Pattern ELEMENT = Pattern.compile("^/elements/(\\d+)((?:/children/\\d+)*)");

	/** A problem in an element is told as the validation tells one, "line 22 (element A1), leads: ..."; elsewhere by its line. */
	private static ImportProblem unread(PlanDocument document, StructuredFiles.Lines lines, StructuredFiles.Problem problem) {
		Matcher path = ELEMENT.matcher((problem.path() != null) ? problem.path() : "");
		if (!path.find()) {
			return new ImportProblem(line(problem.line()), problem.field(""), problem.reason());
		}
		PlanDocument.Element element = item(document.elements(), path.group(1));
		for (String step : path.group(2).split("/children/")) {
			if (element != null && !step.isEmpty()) {
				element = item(element.children(), step);
			}
		}
		String where = (element != null) ? element.at(line(lines.of(path.group()))).where() : line(problem.line());
		return new ImportProblem(where, problem.field(path.group()), problem.reason());
	}

	/** The element at the index, or null where none could be read there. */
	private static PlanDocument.Element item(List<PlanDocument.Element> elements, String index) {
		int i = Integer.parseInt(index);
		return (i < elements.size()) ? elements.get(i) : null;
	}

	/** Refuses a YAML file with a line too long before a parser spends its time on it. */
	private static void checkLines(byte[] content) {
		int line = 1;
		int start = 0;
		for (int i = 0; i <= content.length; i++) {
			if (i == content.length || content[i] == '\n') {
				if (i - start > MAX_YAML_LINE) {
					throw new PlanImportException(new ImportProblem("line " + line, null, "is longer than " + MAX_YAML_LINE
							+ " characters; a plan file's lines are shorter (write a long note as a block, over several lines)"));
				}
				line++;
				start = i + 1;
			}
		}
	}

	public byte[] write(PlanDocument document, PlanFormat format) {
		if (format == PlanFormat.XLSX) {
			return this.workbook.write(document);
		}
		return mapper(format).writeValueAsBytes(document);
	}

	private ObjectMapper mapper(PlanFormat format) {
		return (format == PlanFormat.YAML) ? this.yaml : this.json;
	}

	/**
	 * Quotes a text that a YAML 1.2 reader would take for something else, a code such as 11.10, 2024 or 1e3 for a
	 * number, yes or null: so that other tools read a plan file back as it was written.
	 */
	static final class TextStaysText extends StringQuotingChecker.Default {

		private static final CoreScalarResolver YAML_1_2 = new CoreScalarResolver(false);

		@Override
		public boolean needToQuoteValue(String value) {
			return super.needToQuoteValue(value) || !Tag.STR.equals(YAML_1_2.resolve(value, true));
		}

	}

}
