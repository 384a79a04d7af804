package scot.goldenthread.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;

import org.springframework.stereotype.Component;

/** Reads and writes plan files in each format, reporting a malformed file by line and field. */
@Component
class PlanFiles {

	private final ObjectMapper yaml = YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new TextStaysText()).build())
		.addModule(lineNumbers())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.LITERAL_BLOCK_STYLE)
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
		.build();

	private final ObjectMapper json = JsonMapper.builder()
		.addModule(lineNumbers())
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
		try {
			byte[] content = in.readNBytes(MAX_BYTES + 1);
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
			return mapper(format).readValue(content, PlanDocument.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() : "file";
			throw new PlanImportException(new ImportProblem(where, path(ex), "the file is not a valid plan file: "
					+ firstLine(ex.getOriginalMessage()).replaceAll(" \\(class [^)]*\\)", "")));
		}
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

	/** "elements[0].children[2].title", as a person would name the field. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference step : ex.getPath()) {
			if (step.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
			}
			else if (step.getIndex() >= 0) {
				path.append('[').append(step.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

	/** Notes the line each element starts on, so that the validator can point at it. */
	private static SimpleModule lineNumbers() {
		return new SimpleModule("plan-line-numbers").setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier bean,
					ValueDeserializer<?> deserializer) {
				return (bean.getBeanClass() == PlanDocument.Element.class) ? new LineNumbers(deserializer) : deserializer;
			}
		});
	}

	private static final class LineNumbers extends DelegatingDeserializer {

		LineNumbers(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new LineNumbers(delegate);
		}

		@Override
		public Object deserialize(JsonParser p, DeserializationContext ctxt) {
			int line = p.currentTokenLocation().getLineNr();
			return ((PlanDocument.Element) super.deserialize(p, ctxt)).at("line " + line);
		}

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
