package scot.goldenthread.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.apache.commons.text.similarity.LevenshteinDistance;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueInstantiator;

/**
 * Reads a YAML or JSON file (a plan, measure definitions) into its records and tells, in plain words, everything in it
 * that does not fit: each field the records do not have, each value of the wrong kind, each with its line and the
 * path of the item it is in, so that the reader can name the item by its code. Where the file cannot be read at all
 * (a tab used to indent, a colon where YAML takes none) it tells that, at the line YAML stopped on. What a library
 * would say (a Java type, "while scanning for the next token") never reaches the person.
 */
public final class StructuredFiles {

	private StructuredFiles() {
	}

	/** One problem: its line (0 where none is known), the JSON pointer of the field (null for the file), and why. */
	public record Problem(int line, String path, String reason) {

		/** The field as a person names it within the item at {@code item}: "baseline.value", not "/measures/0/baseline/value". */
		public String field(String item) {
			if (this.path == null || !this.path.startsWith(item)) {
				return null;
			}
			String field = String.join(".", Arrays.stream(this.path.substring(item.length()).split("/"))
				.filter((step) -> !step.isEmpty() && !step.chars().allMatch(Character::isDigit)).toList());
			return field.isEmpty() ? null : field;
		}

	}

	/** What was read (null if nothing could be), the problems, and where each field and item starts. */
	public record Read<T>(T value, List<Problem> problems, Lines lines) {
	}

	/** The line each field and each list item of the file starts on, by its JSON pointer ("/elements/0/children/1"). */
	public static final class Lines {

		private final Map<String, Integer> byPath = new HashMap<>();

		/** The line the field or item starts on, or 0. */
		public int of(String path) {
			return this.byPath.getOrDefault(path, 0);
		}

	}

	/** The items of a list the file gave, without any that could not be read (each told as a problem), or none. */
	public static <T> List<T> given(List<T> items) {
		return (items != null) ? items.stream().filter(Objects::nonNull).toList() : List.of();
	}

	/** Reads the file into the type; a YAML file when {@code yaml}, JSON otherwise. */
	public static <T> Read<T> read(ObjectMapper mapper, byte[] content, Class<T> type, boolean yaml) {
		List<Problem> problems = new ArrayList<>();
		if (yaml) {
			tabs(content, problems);
			if (!problems.isEmpty()) {
				return new Read<>(null, problems, new Lines());
			}
		}
		Lines lines = new Lines();
		try (JsonParser parser = mapper.createParser(content)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if (token == JsonToken.PROPERTY_NAME || (token.isStructStart() && parser.streamReadContext().getParent() != null
						&& parser.streamReadContext().getParent().inArray())) {
					lines.byPath.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
				}
			}
		}
		catch (JacksonException ex) {
			problems.add(unreadable(ex, yaml));
			return new Read<>(null, problems, lines);
		}
		Collector collector = new Collector(lines, problems);
		try {
			T value = mapper.readerFor(type).withHandler(collector).readValue(content);
			return new Read<>(value, problems, lines);
		}
		catch (JacksonException ex) {
			problems.add(unreadable(ex, yaml));
			return new Read<>(null, problems, lines);
		}
	}

	/**
	 * A line that begins with a tab: YAML indents with spaces only, and says so only as "while scanning for the next
	 * token", for the first such line. (A tab after the spaces may be text, in a note written over several lines.)
	 */
	private static void tabs(byte[] content, List<Problem> problems) {
		int line = 1;
		boolean start = true;
		for (byte b : content) {
			if (b == '\t' && start) {
				problems.add(new Problem(line, null, TAB));
			}
			start = b == '\n';
			line += start ? 1 : 0;
		}
	}

	private static final String TAB = "is indented with a tab: YAML is indented with spaces, never tabs";

	private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

	/** Why the file cannot be read at all, at the line the reader stopped on. */
	private static Problem unreadable(JacksonException ex, boolean yaml) {
		String message = (ex.getOriginalMessage() != null) ? ex.getOriginalMessage() : "";
		// a YAML reader's own mark is the line it stopped on; the location Jackson gives is the token before
		Matcher mark = MARK.matcher(message);
		int line = mark.find() ? Integer.parseInt(mark.group(1)) : (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
		String first = message.lines().findFirst().orElse("");
		String reason;
		Matcher duplicate = Pattern.compile("Duplicate (?:Object property|field) \"([^\"]*)\"").matcher(message);
		if (duplicate.find()) {
			reason = "'" + duplicate.group(1) + "' is given twice here: give each field once";
		}
		else if (message.contains("(TAB)")) {
			reason = TAB;
		}
		else if (message.contains("mapping values are not allowed")) {
			reason = "has a colon YAML cannot read: put a text that holds ': ' in quotes, and check the indentation";
		}
		else if (message.contains("could not find expected ':'")) {
			reason = "is not a field (name: value) or a list item (- ...): check the line above, or put a text over several lines in quotes";
		}
		else if (message.contains("expected <block end>") || message.contains("did not find expected key")
				|| message.contains("did not find expected '-'")) {
			reason = "is not indented as the lines around it are: a field lines up with the fields of the same item";
		}
		else if (!yaml) {
			reason = "is not valid JSON here: " + first.replaceAll(" \\(code \\d+\\)", "");
		}
		else {
			reason = "cannot be read as YAML here (" + first.replace("while ", "") + ")";
		}
		return new Problem(line, null, reason);
	}

	/** What a field should hold, in words. */
	private static String kind(Class<?> type) {
		if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
			return (type == Integer.class || type == Long.class || type == BigInteger.class || type == int.class || type == long.class)
					? "a whole number" : "a number";
		}
		if (type == String.class) {
			return "a text";
		}
		if (Collection.class.isAssignableFrom(type)) {
			return "a list, such as [first, second] or one '- ' line for each";
		}
		return "fields under it, one 'name: value' on each line";
	}

	private static String found(JsonToken token) {
		if (token == null) {
			return "nothing";
		}
		return switch (token) {
			case START_ARRAY -> "a list";
			case START_OBJECT -> "fields";
			case VALUE_STRING -> "a text";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "yes or no";
			default -> "nothing";
		};
	}

	/** Notes every problem of binding and carries on with the next field, so that all are told at once. */
	private static final class Collector extends DeserializationProblemHandler {

		private final Lines lines;

		private final List<Problem> problems;

		Collector(Lines lines, List<Problem> problems) {
			this.lines = lines;
			this.problems = problems;
		}

		private void add(JsonParser parser, String field, String reason) {
			String path = parser.streamReadContext().pathAsPointer().toString();
			// a record's unknown field is told once the record is read, when the parser is at its end
			if (field != null && !path.endsWith("/" + field)) {
				path = path + "/" + field;
			}
			int line = this.lines.of(path);
			if (line == 0) {
				line = parser.currentTokenLocation().getLineNr();
			}
			this.problems.add(new Problem(line, path, reason));
		}

		@Override
		public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer, Object bean,
				String property) {
			Class<?> type = (bean instanceof Class<?> named) ? named : (bean != null) ? bean.getClass() : null;
			List<String> known = deserializer.getKnownPropertyNames().stream().map(String::valueOf).filter((name) -> !ignored(type, name))
				.sorted().toList();
			String closest = closest(property, known);
			add(p, property, "is not a field here" + ((closest != null) ? "; did you mean '" + closest + "'?" : ".")
					+ " The fields are: " + String.join(", ", known));
			p.skipChildren();
			return true;
		}

		@Override
		public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> target, String value, String failure) {
			String reason = "'" + value + "' is not " + kind(target);
			String figure = value.strip();
			if (figure.endsWith("%") && isNumber(figure.substring(0, figure.length() - 1).strip())) {
				reason += "; write " + figure.substring(0, figure.length() - 1).strip() + ": the measure's unit says it is a percentage";
			}
			else if (isNumber(figure.replace(",", "").replace("£", ""))) {
				reason += "; write the figure alone, " + figure.replace(",", "").replace("£", "") + ", without commas or signs";
			}
			add(ctxt.getParser(), null, reason);
			return null;
		}

		@Override
		public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> target, Number value, String failure) {
			add(ctxt.getParser(), null, value + " is not " + kind(target));
			return null;
		}

		@Override
		public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType target, JsonToken token, JsonParser p, String failure) {
			add(p, null, "should be " + kind(target.getRawClass()) + ", not " + found(token));
			p.skipChildren();
			return null;
		}

		@Override
		public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> target, ValueInstantiator instantiator, JsonParser p,
				String failure) {
			add(p, null, "should be " + kind(target) + ", not " + found(p.currentToken()));
			p.skipChildren();
			return null;
		}

		@Override
		public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> target, Object argument, Throwable failure) {
			add(ctxt.getParser(), null, "'" + argument + "' is not " + kind(target));
			return null;
		}

		private static boolean isNumber(String text) {
			try {
				new BigDecimal(text);
				return true;
			}
			catch (NumberFormatException ex) {
				return false;
			}
		}

		/** A field the records hold but no file gives (such as where an item was read from). */
		private static boolean ignored(Class<?> type, String name) {
			try {
				return type != null && type.getDeclaredField(name).isAnnotationPresent(JsonIgnore.class);
			}
			catch (NoSuchFieldException ex) {
				return false;
			}
		}

		/** The known field a slip of the keyboard most likely meant: two letters off at most. */
		private static String closest(String property, List<String> known) {
			LevenshteinDistance twoOff = new LevenshteinDistance(2);
			String best = null;
			int distance = Integer.MAX_VALUE;
			for (String candidate : known) {
				int d = twoOff.apply(property.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
				if (d >= 0 && d < distance) {
					distance = d;
					best = candidate;
				}
			}
			return best;
		}

	}

}
