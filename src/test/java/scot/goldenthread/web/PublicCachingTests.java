package scot.goldenthread.web;

import org.junit.jupiter.api.Test;

import scot.goldenthread.Fixtures;
import scot.goldenthread.QueryCount;
import scot.goldenthread.SignedIn;
import scot.goldenthread.measures.ObservationImporter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Public pages can be kept and revalidated; a change makes them stale at once; signed-in pages are never kept. */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(QueryCount.Recording.class)
@Transactional
class PublicCachingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ObservationImporter observations;

	@Test
	void aPublicPageIsRevalidatedAndAChangeMakesItStale() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String page = "/plans/" + world.plan().id();
		String etag = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "public, no-cache"))
			.andExpect(header().exists("Last-Modified"))
			.andReturn().getResponse().getHeader("ETag");
		assertThat(etag).startsWith("W/\"");
		this.mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isNotModified());
		// the page as last made, sent again without being made again
		String first = this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString();
		assertThat(first).contains(world.plan().title())
			.isEqualTo(this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andReturn().getResponse().getContentAsString());
		String api = this.mvc.perform(get("/api" + page)).andReturn().getResponse().getHeader("ETag");
		this.mvc.perform(get("/api" + page).header("If-None-Match", api)).andExpect(status().isNotModified());
		// any recorded change, here a closed reporting period, publishes something new
		this.mvc.perform(post(page + "/periods/{p}/close", world.open().id()).with(SignedIn.as(this.users, world.owner())))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(page).header("If-None-Match", etag)).andExpect(status().isOk())
			.andExpect(header().string("ETag", org.hamcrest.Matchers.not(etag)));
	}

	@Test
	void aChangeMakesStaleOnlyThePagesThatReadWhatChanged() throws Exception {
		Fixtures.World world = this.fixtures.world();
		String measure = "/measures/" + world.unusedMeasure();
		String plan = "/plans/" + world.plan().id();
		String measureTag = etagOf(measure);
		String planTag = etagOf(plan);
		// a new reporting period of the plan changes what its page says, not a measure page: it reads no period
		world.period("Next year", 300, 330, 360);
		this.mvc.perform(get(measure).header("If-None-Match", measureTag)).andExpect(status().isNotModified());
		this.mvc.perform(get(plan).header("If-None-Match", planTag)).andExpect(status().isOk());
		// a value of the measure imported makes its page stale
		this.observations.importCsv(new java.io.StringReader("measure,period,geography,value\n" + world.unusedMeasure() + ",2024,S12000005,51\n"),
				"more.csv", null, null, ObservationImporter.Mode.ALL_OR_NOTHING);
		this.mvc.perform(get(measure).header("If-None-Match", measureTag)).andExpect(status().isOk());
	}

	@Test
	void aLargeAnswerIsKeptOnDiskAndSentAgainWithoutBeingMade() throws Exception {
		String values = "/measures/SIMD-INCOME/values.csv?level=data-zone";
		byte[] made = this.mvc.perform(get(values)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(made.length).as("every data zone's value, more than the heap keeps").isGreaterThan(256 << 10);
		QueryCount.Counted<byte[]> again = QueryCount.of(() -> this.mvc.perform(get(values)).andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("SIMD-INCOME-data-zone.csv")))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(again.answer()).isEqualTo(made);
		assertThat(again.statements()).as("only the tables' versions are read").hasSize(1);
	}

	private String etagOf(String page) throws Exception {
		return this.mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn().getResponse().getHeader("ETag");
	}

	@Test
	void aPageThatIsNotThereIsNeverKept() throws Exception {
		for (String path : new String[] { "/plans/999999", "/api/plans/999999", "/measures/NO-SUCH-MEASURE" }) {
			this.mvc.perform(get(path).accept(path.startsWith("/api") ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML))
				.andExpect(status().isNotFound())
				.andExpect(header().doesNotExist("ETag"))
				.andExpect(header().doesNotExist("Last-Modified"))
				.andExpect(header().string("Cache-Control", containsString("no-store")));
		}
		// open data's streamed downloads are told they may be kept before they start: a missing one takes it back
		this.mvc.perform(get("/open-data/no-such-file.csv")).andExpect(status().isNotFound())
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.not(containsString("public"))));
	}

	@Test
	void signedInPagesAndTheSignInFormAreNeverKept() throws Exception {
		Fixtures.World world = this.fixtures.world();
		this.mvc.perform(get("/plans/{id}", world.plan().id()).with(SignedIn.as(this.users, world.viewer())))
			.andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
		this.mvc.perform(get("/sign-in")).andExpect(header().doesNotExist("ETag"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

}
