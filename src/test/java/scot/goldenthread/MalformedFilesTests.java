package scot.goldenthread;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import scot.goldenthread.measures.MeasureDefinitions;
import scot.goldenthread.measures.ObservationImportException;
import scot.goldenthread.measures.ObservationImporter;
import scot.goldenthread.plans.ImportProblem;
import scot.goldenthread.plans.PlanCatalogue;
import scot.goldenthread.plans.PlanFormat;
import scot.goldenthread.plans.PlanImportException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The files in {@code malformed/} (test resources), each a plan or measure definitions file with a slip people make
 * writing one by hand: each is told with its line, its element or measure and what to write instead, as its
 * {@code # expect:} lines say, every problem at once, and nothing of it is stored.
 */
@SpringBootTest
class MalformedFilesTests {

	@Autowired
	PlanCatalogue plans;

	@Autowired
	MeasureDefinitions measures;

	@Autowired
	JdbcClient jdbc;

	static Stream<Resource> plans() throws IOException {
		return corpus("plans");
	}

	static Stream<Resource> measures() throws IOException {
		return corpus("measures");
	}

	private static Stream<Resource> corpus(String kind) throws IOException {
		return Arrays.stream(new PathMatchingResourcePatternResolver().getResources("classpath:malformed/" + kind + "/*.yaml"));
	}

	private static List<String> expected(byte[] file) {
		return new String(file).lines().filter((line) -> line.startsWith("# expect: ")).map((line) -> line.substring(10)).toList();
	}

	private long stored() {
		return this.jdbc.sql("select (select count(*) from plan) + (select count(*) from plan_element) + (select count(*) from measure)"
				+ " + (select count(*) from audit_event)").query(Long.class).single();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("plans")
	void aPlanFileIsToldWithTheLineTheElementAndWhatToWrite(Resource file) throws IOException {
		assertTold(file, (content) -> assertThatExceptionOfType(PlanImportException.class)
			.isThrownBy(() -> this.plans.importFile(new ByteArrayInputStream(content), PlanFormat.YAML))
			.actual().problems().stream().map(ImportProblem::toString).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("measures")
	void aMeasureDefinitionsFileIsToldWithTheLineTheMeasureAndWhatToWrite(Resource file) throws IOException {
		assertTold(file, (content) -> assertThatExceptionOfType(ObservationImportException.class)
			.isThrownBy(() -> this.measures.define(new ByteArrayInputStream(content), file.getFilename()))
			.actual().report().errors().stream().map(MalformedFilesTests::told).toList());
	}

	/** The file, imported, is told as its {@code # expect:} lines say, in no library's words and never at line 0, and nothing is stored. */
	private void assertTold(Resource file, Function<byte[], List<String>> importing) throws IOException {
		byte[] content = file.getContentAsByteArray();
		long before = stored();
		List<String> problems = importing.apply(content);
		assertThat(expected(content)).isNotEmpty().allSatisfy((expected) -> assertThat(problems).as(file.getFilename() + " told " + problems)
			.anySatisfy((told) -> assertThat(told).startsWith(expected)));
		assertThat(problems).noneMatch((told) -> told.startsWith("0 |") || told.matches(".*(java\\.|Cannot deserialize|token|scanning|Unrecognized).*"));
		assertThat(stored()).isEqualTo(before);
	}

	private static String told(ObservationImporter.RowProblem problem) {
		return problem.line() + " | " + ((problem.column() != null) ? problem.column() : "-") + " | " + problem.reason();
	}

}
