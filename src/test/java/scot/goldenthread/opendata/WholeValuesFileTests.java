package scot.goldenthread.opendata;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.measures.ObservationImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The whole values file is made once after each change, and sent as it was made until the next. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QueryCount.Recording.class)
class WholeValuesFileTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObservationImporter importer;

	@Autowired
	WholeValuesFile whole;

	@Test
	void theFileIsMadeAgainOnlyAfterAChange() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String made = download();
		assertThat(made).contains(world.gap() + ",2022/23,S12000005,,,14.3,final,");
		QueryCount.Counted<String> again = QueryCount.of(this::download);
		assertThat(again.answer()).isEqualTo(made);
		assertThat(again.statements()).as("nothing changed: the file as made, no value read").noneMatch((sql) -> sql.contains("observation"));

		this.importer.importCsv(new StringReader("measure,period,geography,value\n" + world.gap() + ",2023/24,S12000005,12.1\n"), "new.csv", null,
				null, ObservationImporter.Mode.ALL_OR_NOTHING);
		assertThat(download()).contains(world.gap() + ",2023/24,S12000005,,,12.1,final,");
	}

	@Test
	void theFileIsMadeAheadOnceChangesHaveStopped() throws Exception {
		Fixtures.World world = this.fixtures.world();
		this.whole.makeAhead();
		this.importer.importCsv(new StringReader("measure,period,geography,value\n" + world.gap() + ",2024/25,S12000005,11.8\n"), "ahead.csv",
				null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		this.whole.makeAhead();
		QueryCount.Counted<Void> first = QueryCount.of(() -> {
			this.whole.makeAhead();
			return null;
		});
		assertThat(first.statements()).as("unchanged since the last look: made now").anyMatch((sql) -> sql.contains("observation"));

		QueryCount.Counted<String> downloaded = QueryCount.of(this::download);
		assertThat(downloaded.answer()).contains(world.gap() + ",2024/25,S12000005,,,11.8,final,");
		assertThat(downloaded.statements()).as("made ahead: sent as it is").noneMatch((sql) -> sql.contains("observation"));
	}

	private String download() throws Exception {
		MvcResult started = this.mvc.perform(get("/open-data/observations.csv")).andReturn();
		return this.mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
