package scot.goldenthread.shared;

import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The constraints forms and API calls share, and the order and words their problems are shown in; no application is started. */
class CommandsTests {

	static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	static final Commands COMMANDS = new Commands(FACTORY.getValidator());

	enum Colour implements Coded {
		RED, DARK_BLUE
	}

	record Command(@WholeNumber(what = "progress", min = 0, max = 100, example = 40) String progress,
			@NotBlank(message = "Enter the note") @PlainText(what = "note", max = 20) String note, @DateInput.Valid(what = "the due date") DateInput due,
			@CodeOf(value = Colour.class, message = "Choose red or dark blue") String colour) {
	}

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	Map<String, String> problems(Command command) {
		return Commands.messages(COMMANDS.check(command));
	}

	@Test
	void aGoodCommandHasNoProblemsAndItsValuesReadBack() {
		assertThat(problems(new Command(" 40% ", "Halfway.", new DateInput(" 31 ", "03", "2023"), "dark-blue"))).isEmpty();
		assertThat(problems(new Command("100", "Done.", new DateInput("", " ", null), null))).isEmpty();
		assertThat(WholeNumber.Check.read(" 40% ")).isEqualTo(40);
		assertThat(DateInput.date(new DateInput(" 31 ", "03", "2023"))).hasToString("2023-03-31");
		assertThat(DateInput.date(DateInput.parse("2023-03-31"))).hasToString("2023-03-31");
		assertThat(DateInput.date(new DateInput("", "", ""))).isNull();
		assertThat(new DateInput("31", "3", "2023").iso()).isEqualTo("2023-03-31");
		assertThat(new DateInput("31", "2", "2023").iso()).isEmpty();
		assertThat(DateInput.in(Map.of("due.day", "1", "due.month", "4"), "due")).isEqualTo(new DateInput("1", "4", null));
		assertThat(DateInput.in(Map.of("due", "2023-04-01"), "due")).isEqualTo(new DateInput("01", "04", "2023"));
		assertThat(DateInput.in(Map.of("other", "x"), "due")).isNull();
	}

	@Test
	void eachFieldsFirstProblemIsNamedInTheOrderOfTheFields() {
		assertThat(problems(new Command("lots", "", DateInput.parse("31/03/2023"), "green"))).containsExactly(
				Map.entry("progress", "Enter progress as a whole number from 0 to 100, for example 40"),
				Map.entry("note", "Enter the note"),
				Map.entry("due", "The due date must be a real date"),
				Map.entry("colour", "Choose red or dark blue"));
		assertThat(problems(new Command("101", "<script>alert(1)</script>", new DateInput("1", "1", "0000"), "red"))).containsExactly(
				Map.entry("progress", "Progress must be a whole number from 0 to 100"),
				Map.entry("note", "The note must be 20 characters or fewer; it has 25"),
				Map.entry("due", "The due date must be between 1900 and 2100"));
		// as GOV.UK's date input says each
		assertThat(problems(new Command("1", "ok", new DateInput("", "2", ""), null))).containsEntry("due", "The due date must include a day and a year");
		assertThat(problems(new Command("1", "ok", new DateInput("30", "2", "2024"), null))).containsEntry("due", "The due date must be a real date");
		assertThat(problems(new Command("1", "ok", new DateInput("3", "2", "24"), null))).containsEntry("due", "The year must include 4 numbers");
		assertThat(problems(new Command("1", "ok", new DateInput("3", "two", "2024"), null))).containsEntry("due", "The due date must be a real date");
		assertThat(problems(new Command("-1", "a <b>bold</b> {claim}", null, null))).containsExactly(
				Map.entry("progress", "Progress must be a whole number from 0 to 100"),
				Map.entry("note", "The note must be 20 characters or fewer; it has 21"));
	}

	@Test
	void textIsPlainWithoutMarkupOrControlCharactersAndItsWordsAreNeverReadAsAnExpression() {
		assertThat(problems(new Command("1", "<b>${1+1}</b>", null, null)))
			.containsEntry("note", "The note must be plain text without HTML tags such as <script>: separate paragraphs with a blank line and start bullet points with \"- \"");
		assertThat(problems(new Command("1", "a\u0000b", null, null)))
			.containsEntry("note", "The note must be plain text without control characters such as NUL");
	}

	@Test
	void aServicesOwnRuleJoinsTheProblemsAndTheCommandIsRefusedWithThemAll() {
		BindingResult errors = COMMANDS.check(new Command("lots", "ok", null, null));
		Commands.reject(errors, "note", "Only this action's own milestones can be marked done");
		Commands.reject(errors, "", "The reporting period is closed");
		assertThatExceptionOfType(Refused.class).isThrownBy(() -> Commands.refuseIfAny(errors))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(
					Map.entry("progress", "Enter progress as a whole number from 0 to 100, for example 40"),
					Map.entry("note", "Only this action's own milestones can be marked done"),
					Map.entry("", "The reporting period is closed")));
		Commands.refuseIfAny(COMMANDS.check(new Command("1", "ok", null, null)));
	}

}
